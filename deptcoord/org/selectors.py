"""Every read of the organisation, already narrowed by the access policy."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Lower

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.audit.models import AuditEntry
from deptcoord.org.calendar import company_row
from deptcoord.org.models import Company, Department, ExtraHours, Membership, Person, TimeOff
from deptcoord.search.folding import words_match

ROLE_ORDER = Case(
    When(role=Membership.Role.HEAD, then=Value(0)),
    When(role=Membership.Role.COORDINATOR, then=Value(1)),
    default=Value(2),
)
PEOPLE_SORTS = {
    "name": ("full_name",),
    "-name": ("-full_name",),
    "department": ("primary_department__code", "full_name"),
    "-department": ("-primary_department__code", "full_name"),
    "title": ("title_en", "full_name"),
    "-title": ("-title_en", "full_name"),
    "capacity": ("weekly_capacity_hours", "full_name"),
    "-capacity": ("-weekly_capacity_hours", "full_name"),
}


def company() -> Company:
    """The company (created with a placeholder name on first use)."""
    return company_row() or Company.objects.get_or_create(pk=1, defaults={"name": "—"})[0]


@dataclass
class DepartmentNode:
    """A department in the tree, with its leaders, head count and sub-departments."""

    department: Department
    leaders: list[Membership] = field(default_factory=list)
    member_count: int = 0
    children: list["DepartmentNode"] = field(default_factory=list)
    depth: int = 0


def department_tree(
    facts: RoleFacts, include_inactive: bool = False, *, details: bool = True
) -> list[DepartmentNode]:
    """The visible departments as a tree, in two queries whatever their number (one, without
    leaders and head counts, when ``details`` is false: enough for a filter's choices)."""
    departments = visible(facts, Department.objects.all())
    if details:
        departments = departments.annotate(member_count=Count("memberships", distinct=True))
    else:
        departments = departments.only("pk", "parent_id", "code", "name_en", "name_vi")
    if not include_inactive:
        departments = departments.filter(is_active=True)
    nodes = {
        dept.pk: DepartmentNode(dept, member_count=getattr(dept, "member_count", 0))
        for dept in departments
    }
    if details:
        _add_leaders(nodes)
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.department.parent_id)
        (parent.children if parent else roots).append(node)
    _set_depth(roots, 0)
    return roots


def department_choices(facts: RoleFacts) -> list[DepartmentNode]:
    """The visible active departments in tree order, with their depth, for a filter."""
    return flatten(department_tree(facts, details=False))


def _add_leaders(nodes: dict[int, DepartmentNode]) -> None:
    leaders = (
        Membership.objects.filter(
            role__in=[Membership.Role.HEAD, Membership.Role.COORDINATOR],
            person__is_active=True,
        )
        .select_related("person")
        .order_by(ROLE_ORDER, "person__full_name")
    )
    for membership in leaders:
        if membership.department_id in nodes:
            nodes[membership.department_id].leaders.append(membership)


def _set_depth(nodes: list[DepartmentNode], depth: int) -> None:
    for node in nodes:
        node.depth = depth
        _set_depth(node.children, depth + 1)


def flatten(nodes: list[DepartmentNode]) -> list[DepartmentNode]:
    """The tree in display order (parents before children)."""
    result = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(reversed(node.children))
    return result


def department_members(facts: RoleFacts, department: Department) -> QuerySet:
    """The department's memberships with their people, leaders first."""
    return (
        visible(facts, Membership.objects.filter(department=department))
        .select_related("person")
        .order_by(ROLE_ORDER, "person__full_name")
    )


def department_children(facts: RoleFacts, department: Department) -> QuerySet:
    """The visible sub-departments."""
    return visible(facts, department.children.all()).order_by("code")


def people(
    facts: RoleFacts,
    *,
    query: str = "",
    department_id=None,
    role: str = "",
    include_inactive: bool = False,
    sort: str = "name",
) -> QuerySet:
    """The people the viewer may see, filtered and sorted for the directory."""
    result = visible(facts, Person.objects.all()).select_related("primary_department")
    if not include_inactive:
        result = result.filter(is_active=True)
    if (match := words_match(query, "full_name", "email", "title_en", "title_vi")) is not None:
        result = result.filter(match)
    if department_id:
        result = result.filter(
            Q(primary_department_id=department_id)
            | Q(pk__in=Membership.objects.filter(department_id=department_id).values("person_id"))
        )
    if role in Membership.Role.values:
        result = result.filter(pk__in=Membership.objects.filter(role=role).values("person_id"))
    return result.order_by(*PEOPLE_SORTS.get(sort, PEOPLE_SORTS["name"]))


def person_detail_queryset() -> QuerySet:
    """People with what their page shows, fetched in a fixed number of queries."""
    return Person.objects.select_related("primary_department", "user").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("department"))
    )


def person_time_off(facts: RoleFacts, person: Person) -> QuerySet:
    """The person's time off that the viewer may see, newest first."""
    return visible(facts, TimeOff.objects.filter(person=person)).order_by("-start_date")


def person_extra_hours(person: Person, since) -> QuerySet:
    """Extra hours the person agreed that run on or after ``since``, soonest first (shown to
    those who may read the person's details)."""
    return (
        ExtraHours.objects.filter(person=person, last_day__gte=since)
        .select_related("created_by")
        .order_by("first_day", "pk")
    )


def people_away(facts: RoleFacts, day, department_ids=None) -> QuerySet:
    """Time off covering the day, visible to the viewer."""
    result = visible(facts, TimeOff.objects.filter(start_date__lte=day, end_date__gte=day))
    if department_ids is not None:
        result = result.filter(person__primary_department__in=department_ids)
    return result.select_related("person").order_by("person__full_name")


# Records whose model moved to another app: their entries from before the move carry the label
# they had then (entries are never rewritten).
FORMER_LABELS = {"org.Skill": ("people.Skill",), "org.SkillCategory": ("people.SkillCategory",)}


def history(facts: RoleFacts, obj, limit: int = 50) -> list[AuditEntry]:
    """The record's audit entries, newest first, when the viewer may see its history;
    security events (denials, exports, sign-ins) only for admins."""
    if not can(facts, Action.VIEW_HISTORY, obj):
        return []
    labels = [obj._meta.label, *FORMER_LABELS.get(obj._meta.label, ())]
    entries = AuditEntry.objects.filter(target_type__in=labels, target_id=str(obj.pk))
    if not facts.is_admin:
        entries = entries.exclude(kind=AuditEntry.Kind.SECURITY)
    return list(entries.order_by("-id")[:limit])


def person_by_email(email: str) -> Person | None:
    """The person with this e-mail address (any case), for sign-in and imports."""
    return (
        Person.objects.annotate(lower_email=Lower("email"))
        .filter(lower_email=email.lower())
        .first()
    )


def people_away_between(facts: RoleFacts, start, end, department_ids=None) -> QuerySet:
    """Time off overlapping the period, visible to the viewer."""
    result = visible(facts, TimeOff.objects.filter(start_date__lte=end, end_date__gte=start))
    if department_ids is not None:
        result = result.filter(person__primary_department__in=department_ids)
    return result.select_related("person").order_by("start_date", "person__full_name")


def departments_allowing(facts: RoleFacts, action: Action) -> QuerySet:
    """Active departments on which the person may take the action (for choice lists)."""
    candidates = visible(facts, Department.objects.filter(is_active=True)).order_by("code")
    allowed = [department.pk for department in candidates if can(facts, action, department)]
    return Department.objects.filter(pk__in=allowed).order_by("code")
