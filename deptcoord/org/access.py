"""Who may see and do what with the organisation's records (registered with the policy)."""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, register
from deptcoord.org.models import Company, Department, Membership, Person, TimeOff

A = Action
ALL_RELATIONS = tuple(Relation)


def company_wide(table: dict, role: Role, actions: set[Action]) -> None:
    """Grant a company-wide role the same actions whatever its relation to the record."""
    for relation in ALL_RELATIONS:
        table[(role, relation)] = frozenset(actions)


def department_standings(facts: RoleFacts, department_ids) -> set[tuple[Role, Relation]]:
    """(role, relation) pairs for a record that belongs to these departments."""
    standings = {(role, Relation.OTHER_DEPARTMENT) for role in facts.company_roles()}
    inside = [facts.role_in(pk) for pk in department_ids if facts.role_in(pk)]
    standings |= {(role, Relation.OWN_DEPARTMENT) for role in inside}
    if not inside:
        best = facts.best_department_role() or Role.GUEST
        standings.add((best, Relation.OTHER_DEPARTMENT))
    return standings


RUNNERS = (Role.HEAD, Role.COORDINATOR)

DEPARTMENT_TABLE: dict = {}
company_wide(
    DEPARTMENT_TABLE,
    Role.ADMIN,
    {
        A.VIEW,
        A.VIEW_DETAILS,
        A.CHANGE,
        A.DEACTIVATE,
        A.ADD_SUBDEPARTMENT,
        A.ADD_PERSON,
        A.MANAGE_MEMBERS,
        A.EXPORT,
        A.VIEW_HISTORY,
    },
)
company_wide(DEPARTMENT_TABLE, Role.EXECUTIVE, {A.VIEW, A.VIEW_DETAILS, A.EXPORT, A.VIEW_HISTORY})
company_wide(
    DEPARTMENT_TABLE,
    Role.HR,
    {A.VIEW, A.VIEW_DETAILS, A.ADD_PERSON, A.MANAGE_MEMBERS, A.EXPORT, A.VIEW_HISTORY},
)
for _runner in RUNNERS:
    DEPARTMENT_TABLE[(_runner, Relation.OWN_DEPARTMENT)] = frozenset(
        {
            A.VIEW,
            A.VIEW_DETAILS,
            A.CHANGE,
            A.DEACTIVATE,
            A.ADD_SUBDEPARTMENT,
            A.ADD_PERSON,
            A.MANAGE_MEMBERS,
            A.EXPORT,
            A.VIEW_HISTORY,
        }
    )
    DEPARTMENT_TABLE[(_runner, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})
DEPARTMENT_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = frozenset(
    {A.VIEW, A.VIEW_DETAILS, A.EXPORT}
)
DEPARTMENT_TABLE[(Role.MEMBER, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})


class DepartmentRule(Rule):
    """Everyone in the company sees the org chart; those who run a department change it."""

    model = Department
    table = DEPARTMENT_TABLE

    def standings(self, facts, obj):
        return department_standings(facts, [obj.pk])

    def visible_filter(self, facts):
        if facts.company_roles():
            return Q()
        if facts.is_guest():
            return Q(pk__in=[])
        return Q(is_active=True) | Q(pk__in=facts.departments_run())


PERSON_TABLE: dict = {}
company_wide(
    PERSON_TABLE,
    Role.ADMIN,
    {
        A.VIEW,
        A.VIEW_DETAILS,
        A.CHANGE,
        A.DEACTIVATE,
        A.MANAGE_ROLES,
        A.INVITE,
        A.ADD_TIME_OFF,
        A.VIEW_HISTORY,
        A.MANAGE_MEMBERS,
    },
)
company_wide(
    PERSON_TABLE,
    Role.HR,
    {
        A.VIEW,
        A.VIEW_DETAILS,
        A.CHANGE,
        A.DEACTIVATE,
        A.INVITE,
        A.ADD_TIME_OFF,
        A.VIEW_HISTORY,
        A.MANAGE_MEMBERS,
    },
)
company_wide(PERSON_TABLE, Role.EXECUTIVE, {A.VIEW, A.VIEW_DETAILS, A.VIEW_HISTORY})
for _runner in RUNNERS:
    PERSON_TABLE[(_runner, Relation.OWN_DEPARTMENT)] = frozenset(
        {
            A.VIEW,
            A.VIEW_DETAILS,
            A.CHANGE,
            A.DEACTIVATE,
            A.INVITE,
            A.ADD_TIME_OFF,
            A.VIEW_HISTORY,
            A.MANAGE_MEMBERS,
        }
    )
for _role in (*RUNNERS, Role.MEMBER):
    PERSON_TABLE[(_role, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})
    PERSON_TABLE[(_role, Relation.OWN)] = frozenset(
        {A.VIEW, A.VIEW_DETAILS, A.ADD_TIME_OFF, A.VIEW_HISTORY}
    )
PERSON_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = frozenset({A.VIEW, A.VIEW_DETAILS})
PERSON_TABLE[(Role.GUEST, Relation.OWN)] = frozenset({A.VIEW, A.VIEW_DETAILS})


def person_department_ids(person: Person) -> set[int]:
    """The departments a person belongs to (primary and memberships)."""
    ids = {person.primary_department_id} if person.primary_department_id else set()
    ids |= {membership.department_id for membership in person.memberships.all()}
    return ids


class PersonRule(Rule):
    """The directory is company-wide; details and changes stay with the department and HR."""

    model = Person
    table = PERSON_TABLE

    def standings(self, facts, obj):
        standings = department_standings(facts, person_department_ids(obj))
        if obj.pk == facts.person_id:
            standings.add((facts.best_department_role() or Role.GUEST, Relation.OWN))
        return standings

    def visible_filter(self, facts):
        if facts.company_roles():
            return Q()
        own = Q(pk=facts.person_id)
        if facts.is_guest():
            return own
        return own | Q(is_active=True) | Q(primary_department__in=facts.departments_run())


class MembershipRule(Rule):
    """Memberships are read with their department and changed by those who manage its members."""

    model = Membership
    table = {
        standing: frozenset({A.VIEW, A.DELETE, A.CHANGE})
        if A.MANAGE_MEMBERS in actions
        else frozenset({A.VIEW})
        if A.VIEW in actions
        else frozenset()
        for standing, actions in DEPARTMENT_TABLE.items()
    }

    def standings(self, facts, obj):
        return department_standings(facts, [obj.department_id])

    def visible_filter(self, facts):
        if facts.company_roles():
            return Q()
        if facts.is_guest():
            return Q(person_id=facts.person_id)
        return Q(department__is_active=True) | Q(department__in=facts.departments_run())


TIME_OFF_TABLE: dict = {}
company_wide(TIME_OFF_TABLE, Role.ADMIN, {A.VIEW, A.CHANGE, A.DELETE, A.VIEW_HISTORY})
company_wide(TIME_OFF_TABLE, Role.HR, {A.VIEW, A.CHANGE, A.DELETE, A.VIEW_HISTORY})
company_wide(TIME_OFF_TABLE, Role.EXECUTIVE, {A.VIEW})
for _runner in RUNNERS:
    TIME_OFF_TABLE[(_runner, Relation.OWN_DEPARTMENT)] = frozenset(
        {A.VIEW, A.CHANGE, A.DELETE, A.VIEW_HISTORY}
    )
TIME_OFF_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = frozenset({A.VIEW})
for _role in (*RUNNERS, Role.MEMBER, Role.GUEST):
    TIME_OFF_TABLE[(_role, Relation.OWN)] = frozenset({A.VIEW, A.CHANGE, A.DELETE, A.VIEW_HISTORY})


class TimeOffRule(Rule):
    """Time off is seen by the person's department, HR and executives; changed by the person,
    those who run the department, HR and admins."""

    model = TimeOff
    table = TIME_OFF_TABLE

    def standings(self, facts, obj):
        standings = department_standings(facts, person_department_ids(obj.person))
        if obj.person_id == facts.person_id:
            standings.add((facts.best_department_role() or Role.GUEST, Relation.OWN))
        return standings

    def visible_filter(self, facts):
        if facts.company_roles():
            return Q()
        own = Q(person_id=facts.person_id)
        if facts.is_guest():
            return own
        departments = facts.departments_in()
        colleagues = Membership.objects.filter(department__in=departments).values("person_id")
        return own | Q(person__primary_department__in=departments) | Q(person__in=colleagues)


COMPANY_TABLE: dict = {}
company_wide(
    COMPANY_TABLE,
    Role.ADMIN,
    {
        A.VIEW,
        A.CHANGE,
        A.CREATE_DEPARTMENT,
        A.ADD_PERSON,
        A.IMPORT,
        A.EXPORT,
        A.MANAGE_ROLES,
        A.VIEW_AUDIT,
        A.OVERSEE,
    },
)
company_wide(COMPANY_TABLE, Role.HR, {A.VIEW, A.ADD_PERSON, A.IMPORT, A.EXPORT})
# Overseeing is reading every department's figures side by side (Today, the reports roll-up).
company_wide(COMPANY_TABLE, Role.EXECUTIVE, {A.VIEW, A.EXPORT, A.OVERSEE})
for _role in RUNNERS:
    COMPANY_TABLE[(_role, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW, A.EXPORT})
COMPANY_TABLE[(Role.MEMBER, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})


class CompanyRule(Rule):
    """Company-wide actions: settings, new top-level departments, imports, role changes."""

    model = Company
    table = COMPANY_TABLE

    def standings(self, facts, obj):
        return department_standings(facts, [])

    def visible_filter(self, facts):
        return Q() if not facts.is_guest() else Q(pk__in=[])


for _rule in (DepartmentRule(), PersonRule(), MembershipRule(), TimeOffRule(), CompanyRule()):
    register(_rule)
