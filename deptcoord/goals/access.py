"""Who may see and do what with goals, key results, templates and standards (registered with
the policy).

Company goals are read by everyone in the company and changed by executives and admins. A
department's (or team's) goals are changed by those who run it; unless marked private they are
read by everyone in the company (departments align on them), with their key results and
check-ins. A private one is read only by its department's members; the heads and coordinators
of departments whose goals are aligned with it read it too (the relation INVITED here: invited
by alignment), and the people of a team read the goals of the departments above it, which their
team's goals contribute to. Personal goals belong to the person, their coordinator and head.
Guests, who belong to no department, see nothing of goals.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, decide, register
from deptcoord.goals.models import (
    CheckIn,
    Goal,
    GoalTemplate,
    KeyResult,
    Measurement,
    Standard,
)
from deptcoord.org.access import company_wide, department_standings
from deptcoord.org.tree import departments_above

A = Action
READ = frozenset({A.VIEW, A.VIEW_HISTORY})
RUN = READ | {A.CHANGE, A.DELETE, A.CHECK_IN}
RUNNERS = (Role.HEAD, Role.COORDINATOR)
DEPARTMENT_ROLES = (*RUNNERS, Role.MEMBER)
TEAM_LEVELS = (Goal.Level.DEPARTMENT, Goal.Level.TEAM)

COMPANY_GOALS: dict = {}
company_wide(COMPANY_GOALS, Role.ADMIN, RUN)
company_wide(COMPANY_GOALS, Role.EXECUTIVE, RUN)
company_wide(COMPANY_GOALS, Role.HR, READ)
for _role in DEPARTMENT_ROLES:
    COMPANY_GOALS[(_role, Relation.OTHER_DEPARTMENT)] = READ
    COMPANY_GOALS[(_role, Relation.OWN)] = READ | {A.CHECK_IN}

DEPARTMENT_GOALS: dict = {}
company_wide(DEPARTMENT_GOALS, Role.ADMIN, RUN)
company_wide(DEPARTMENT_GOALS, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    DEPARTMENT_GOALS[(_role, Relation.OWN_DEPARTMENT)] = RUN
    DEPARTMENT_GOALS[(_role, Relation.INVITED)] = READ
DEPARTMENT_GOALS[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ
for _role in DEPARTMENT_ROLES:
    DEPARTMENT_GOALS[(_role, Relation.OWN)] = READ | {A.CHECK_IN}

PERSONAL_GOALS: dict = {}
company_wide(PERSONAL_GOALS, Role.ADMIN, RUN)
company_wide(PERSONAL_GOALS, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    PERSONAL_GOALS[(_role, Relation.OWN_DEPARTMENT)] = RUN
for _role in DEPARTMENT_ROLES:
    PERSONAL_GOALS[(_role, Relation.OWN)] = RUN


def may_add_goal_records(facts: RoleFacts) -> bool:
    """Whether the person may open the forms that add and align goals and import actuals or
    measurements (each record is then checked): everyone in the company, no guest."""
    return facts.is_authenticated and not facts.is_guest()


GOAL_TABLES = {
    Goal.Level.COMPANY: COMPANY_GOALS,
    Goal.Level.DEPARTMENT: DEPARTMENT_GOALS,
    Goal.Level.TEAM: DEPARTMENT_GOALS,
    Goal.Level.PERSON: PERSONAL_GOALS,
}


def _read_company_wide(facts: RoleFacts, goal: Goal) -> bool:
    """A department's or team's goal that is not private is read by everyone in the company."""
    return goal.level in TEAM_LEVELS and not goal.private and not facts.is_guest()


def _own_roles(facts: RoleFacts) -> set[Role]:
    best = facts.best_department_role()
    return {best} if best else facts.company_roles()


def _above_roles(facts: RoleFacts, goal: Goal) -> set[tuple[Role, Relation]]:
    """A team's people read the goals of the departments above their team, as members."""
    if goal.level not in TEAM_LEVELS or not goal.department_id:
        return set()
    if facts.role_in(goal.department_id) or goal.department_id not in departments_above(facts):
        return set()
    return {(Role.MEMBER, Relation.OWN_DEPARTMENT)}


def _aligned_roles(facts: RoleFacts, goal: Goal) -> set[Role]:
    """The person's roles in departments they run whose goals sit right above or below ``goal``."""
    runs = facts.departments_run()
    if not runs or goal.level not in TEAM_LEVELS or goal.department_id in runs:
        return set()
    linked = Q(pk=goal.parent_id) if goal.parent_id else Q(pk__in=[])
    if goal.pk is not None:
        linked |= Q(parent_id=goal.pk)
    departments = Goal.objects.filter(linked, department__in=runs).values_list(
        "department_id", flat=True
    )
    return {facts.role_in(pk) for pk in set(departments)}


def goal_filter(facts: RoleFacts, prefix: str = "") -> Q:
    """The goals the person may see, as a filter (``prefix`` reaches them from a related model)."""

    def where(**lookups) -> Q:
        return Q(**{prefix + name: value for name, value in lookups.items()})

    if not facts.is_authenticated or facts.is_guest():
        return where(pk__in=[])
    if facts.is_admin or facts.is_executive:
        return Q()
    visible = where(level=Goal.Level.COMPANY) | where(owner_id=facts.person_id)
    visible |= where(level__in=TEAM_LEVELS, private=False)
    readable = facts.departments_in() | departments_above(facts)
    visible |= where(level__in=TEAM_LEVELS, department__in=sorted(readable))
    runs = sorted(facts.departments_run())
    if runs:
        visible |= where(level=Goal.Level.PERSON, department__in=runs)
        visible |= where(level__in=TEAM_LEVELS, parent__department__in=runs)
        below = Goal.objects.filter(department__in=runs, parent__isnull=False).values("parent_id")
        visible |= where(level__in=TEAM_LEVELS, pk__in=below)
    return visible


class GoalRule(Rule):
    """Goals are read and changed according to their level (see the module's docstring)."""

    model = Goal
    table = DEPARTMENT_GOALS

    def standings(self, facts, obj):
        if facts.is_guest():
            return set()
        standings = department_standings(facts, [obj.department_id] if obj.department_id else [])
        if obj.owner_id is not None and obj.owner_id == facts.person_id:
            standings |= {(role, Relation.OWN) for role in _own_roles(facts)}
        standings |= {(role, Relation.INVITED) for role in _aligned_roles(facts, obj)}
        return standings | _above_roles(facts, obj)

    def actions(self, facts, obj):
        if not facts.is_authenticated:
            return frozenset()
        granted = decide(GOAL_TABLES.get(obj.level, DEPARTMENT_GOALS), self.standings(facts, obj))
        return granted | READ if _read_company_wide(facts, obj) else granted

    def visible_filter(self, facts):
        return goal_filter(facts)


GOAL_RULE = GoalRule()
KEY_RESULT_ACTIONS = RUN


class KeyResultRule(Rule):
    """A key result is seen and changed with its goal; its owner may also check in on it."""

    model = KeyResult

    def actions(self, facts, obj):
        goal_actions = GOAL_RULE.actions(facts, obj.goal)
        granted = set(goal_actions & KEY_RESULT_ACTIONS)
        if A.VIEW in goal_actions and obj.owner_id == facts.person_id:
            granted.add(A.CHECK_IN)
        return frozenset(granted)

    def visible_filter(self, facts):
        return goal_filter(facts, "goal__")


class CheckInRule(Rule):
    """Check-ins are read with their key result and never changed (a new check-in corrects)."""

    model = CheckIn

    def actions(self, facts, obj):
        return (
            frozenset({A.VIEW})
            if A.VIEW in GOAL_RULE.actions(facts, obj.key_result.goal)
            else frozenset()
        )

    def visible_filter(self, facts):
        return goal_filter(facts, "key_result__goal__")


def _department_table(run: frozenset, owner: frozenset) -> dict:
    table: dict = {}
    company_wide(table, Role.ADMIN, run)
    company_wide(table, Role.EXECUTIVE, READ)
    for role in RUNNERS:
        table[(role, Relation.OWN_DEPARTMENT)] = run
    table[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ
    for role in DEPARTMENT_ROLES:
        table[(role, Relation.OWN)] = owner
    return table


def _department_filter(facts: RoleFacts, prefix: str = "", owner: bool = True) -> Q:
    if not facts.is_authenticated or facts.is_guest():
        return Q(pk__in=[])
    if facts.is_admin or facts.is_executive:
        return Q()
    visible = Q(**{f"{prefix}department__in": sorted(facts.departments_in())})
    if owner:
        visible |= Q(**{f"{prefix}owner_id": facts.person_id})
    return visible


class _DepartmentRecordRule(Rule):
    """Records that belong to one department: run by its runners, read by its members."""

    def standings(self, facts, obj):
        if facts.is_guest():
            return set()
        standings = department_standings(facts, [obj.department_id])
        if getattr(obj, "owner_id", None) == facts.person_id:
            standings |= {(role, Relation.OWN) for role in _own_roles(facts)}
        return standings


class StandardRule(_DepartmentRecordRule):
    """A department's standards: kept by those who run it, measured by them and the owner."""

    model = Standard
    table = _department_table(RUN - {A.CHECK_IN} | {A.MEASURE}, READ | {A.MEASURE})

    def visible_filter(self, facts):
        return _department_filter(facts)


STANDARD_RULE = StandardRule()


class MeasurementRule(Rule):
    """Measurements are read with their standard."""

    model = Measurement

    def actions(self, facts, obj):
        seen = A.VIEW in STANDARD_RULE.actions(facts, obj.standard)
        return frozenset({A.VIEW}) if seen else frozenset()

    def visible_filter(self, facts):
        if not facts.is_authenticated or facts.is_guest():
            return Q(pk__in=[])
        if facts.is_admin or facts.is_executive:
            return Q()
        return Q(standard__department__in=sorted(facts.departments_in())) | Q(
            standard__owner_id=facts.person_id
        )


class GoalTemplateRule(_DepartmentRecordRule):
    """A department's goal templates: kept and rolled out by those who run it."""

    model = GoalTemplate
    table = _department_table(READ | {A.CHANGE, A.DELETE, A.ROLL_OUT}, READ)

    def visible_filter(self, facts):
        return _department_filter(facts, owner=False)


# Importing actuals or measurements is checking in or measuring many at once: open to those who
# may check in or measure somewhere (each row is still checked on its key result or standard).
# HR alone reads goals but neither checks in nor measures; guests see no goals.
IMPORTERS: dict = {}
company_wide(IMPORTERS, Role.ADMIN, {A.IMPORT})
company_wide(IMPORTERS, Role.EXECUTIVE, {A.IMPORT})
for _role in DEPARTMENT_ROLES:
    IMPORTERS[(_role, Relation.OTHER_DEPARTMENT)] = frozenset({A.IMPORT})

for _rule in (
    GOAL_RULE,
    KeyResultRule(),
    CheckInRule(),
    STANDARD_RULE,
    MeasurementRule(),
    GoalTemplateRule(),
):
    register(_rule)
