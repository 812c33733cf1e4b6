"""Reads of steps: lists, a project's board, a step's page, links, and recurring activities."""

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from deptcoord.access import RoleFacts, openable, visible
from deptcoord.core.bounds import add_days
from deptcoord.work.models import (
    Dependency,
    Project,
    RecurringActivity,
    Step,
    StepComment,
    TimeEntry,
)

STEP_RELATED = ("project", "department", "assignee")


def steps(
    facts: RoleFacts,
    base: QuerySet | None = None,
    *,
    status="",
    department_id=None,
    assignee_id=None,
    query="",
    flagged=False,
) -> QuerySet:
    """Visible steps, filtered, with their project, department and assignee; each says whether
    the viewer may open its project (``project_visible``: an assignee or creator from outside
    the project sees the step, not the project's name)."""
    result = visible(facts, base if base is not None else Step.objects.all())
    if status == "open":
        result = result.exclude(status=Step.Status.DONE)
    elif status:
        result = result.filter(status=status)
    if department_id:
        result = result.filter(department_id=department_id)
    if assignee_id:
        result = result.filter(assignee_id=assignee_id)
    if query:
        result = result.filter(Q(title_en__icontains=query) | Q(title_vi__icontains=query))
    if flagged:
        result = result.filter(flagged=True)
    return (
        result.select_related(*STEP_RELATED)
        .annotate(project_visible=openable(facts, Project, "project_id"))
        .order_by(F("due").asc(nulls_last=True), "priority", "id")
    )


def project_steps(facts: RoleFacts, project: Project, **filters) -> QuerySet:
    """The project's steps the viewer may see."""
    return steps(facts, Step.objects.filter(project=project), **filters)


def my_steps(facts: RoleFacts, person) -> QuerySet:
    """The viewer's own open steps, soonest due first."""
    return steps(facts, Step.objects.filter(assignee=person)).exclude(status=Step.Status.DONE)


def board(facts: RoleFacts, project: Project) -> list[tuple[str, str, list[Step]]]:
    """The project's steps by status, one column per status."""
    columns = {value: [] for value in Step.Status.values}
    for step in project_steps(facts, project):
        columns[step.status].append(step)
    return [(value, label, columns[value]) for value, label in Step.Status.choices]


def step_detail_queryset() -> QuerySet:
    """Steps with what their page shows."""
    return Step.objects.select_related(
        "project",
        "department",
        "assignee",
        "flagged_by",
        "flagged_by__department",
        "recurring",
        "required_skill",
    )


def step_links(facts: RoleFacts, step: Step) -> tuple[list[Dependency], list[Dependency]]:
    """What the step waits for and what waits for it (only visible steps)."""
    seen = visible(facts, Step.objects.all()).values("pk")
    before = Dependency.objects.filter(successor=step, predecessor__in=seen).select_related(
        "predecessor", "predecessor__department"
    )
    after = Dependency.objects.filter(predecessor=step, successor__in=seen).select_related(
        "successor", "successor__department"
    )
    return list(before), list(after)


def step_comments(step: Step) -> QuerySet:
    """A step's discussion, oldest first."""
    return StepComment.objects.filter(step=step).select_related("author")


def step_time(step: Step) -> QuerySet:
    """Time logged on the step, latest first."""
    return TimeEntry.objects.filter(step=step).select_related("person")


def link_choices(facts: RoleFacts, step: Step) -> QuerySet:
    """Steps this one could wait for: the visible steps of its project, and open visible steps
    elsewhere due within half a year of it (links may cross projects and departments)."""
    around = step.due or step.start or timezone.localdate()
    nearby = Q(due__range=(add_days(around, -183), add_days(around, 183)))
    candidates = Q(project_id=step.project_id) if step.project_id else Q(pk__in=[])
    candidates |= nearby & ~Q(status=Step.Status.DONE)
    return (
        visible(facts, Step.objects.filter(candidates).exclude(pk=step.pk))
        .select_related("project", "department")
        .order_by("-project_id", "due", "id")
    )


def recurring(facts: RoleFacts, department_id=None) -> QuerySet:
    """Recurring activities the viewer may see."""
    result = visible(facts, RecurringActivity.objects.all()).select_related(
        "department", "assignee"
    )
    if department_id:
        result = result.filter(department_id=department_id)
    return result.order_by("department__code", "title_en")


def assignable_people(department_ids) -> dict[int, list]:
    """For each department, its active people (members, or with it as primary) — whom its
    steps may be given to — read in two queries whatever the number of departments."""
    from deptcoord.org.models import Membership, Person

    ids = sorted(set(department_ids))
    found: dict[int, list] = {pk: [] for pk in ids}
    if not ids:
        return found
    members = Membership.objects.filter(department_id__in=ids).values_list(
        "person_id", "department_id"
    )
    in_departments: dict[int, set[int]] = {}
    for person_id, department_id in members:
        in_departments.setdefault(person_id, set()).add(department_id)
    people = Person.objects.filter(
        Q(pk__in=list(in_departments)) | Q(primary_department_id__in=ids), is_active=True
    ).order_by("full_name", "pk")
    for person in people:
        departments = set(in_departments.get(person.pk, ()))
        if person.primary_department_id in found:
            departments.add(person.primary_department_id)
        for department_id in departments:
            found[department_id].append(person)
    return found
