"""Reads of projects: the list with its figures, a project's page header and its timeline."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from deptcoord.access import RoleFacts, visible
from deptcoord.core.bounds import date_in_bounds
from deptcoord.goals.models import Goal
from deptcoord.search.folding import words_match
from deptcoord.work import graph
from deptcoord.work.calendar import company_calendar
from deptcoord.work.calendar_days import working_day_index, working_days_between
from deptcoord.work.models import Dependency, Project, Step


def projects(facts: RoleFacts, *, status="", department_id=None, query="") -> QuerySet:
    """The projects the viewer may see, with step counts, filtered."""
    result = visible(facts, Project.objects.all()).select_related("lead_department", "coordinator")
    if status == "open":
        result = result.filter(status__in=[Project.Status.PLANNED, Project.Status.ACTIVE])
    elif status:
        result = result.filter(status=status)
    if department_id:
        taking_part = Project.departments.through.objects.filter(department_id=department_id)
        result = result.filter(
            Q(lead_department_id=department_id) | Q(pk__in=taking_part.values("project_id"))
        )
    if (match := words_match(query, "code", "title_en", "title_vi")) is not None:
        result = result.filter(match)
    return result.annotate(
        step_count=_step_count(Step.objects.all()),
        done_count=_step_count(Step.objects.filter(status=Step.Status.DONE)),
    ).order_by("status", "end", "code")


def _step_count(steps: QuerySet):
    """How many of ``steps`` each project has: a count per project through the step index,
    rather than joining every step of every listed project."""
    counted = (
        steps.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def project_detail_queryset() -> QuerySet:
    """Projects with what their page header shows."""
    return Project.objects.select_related("lead_department", "coordinator")


TIMELINE_FIELDS = (
    "title_en",
    "title_vi",
    "start",
    "due",
    "status",
    "progress",
    "is_milestone",
    "flagged",
    "version",
    "project_id",
    "assignee_id",
    "created_by_id",
    "department__code",
    "department__name_en",
    "department__name_vi",
)


@dataclass
class TimelineStep:
    """A step on the timeline, with its schedule from the dependency graph."""

    step: Step
    start: date
    end: date
    slack: int
    critical: bool
    predecessors: list[int] = field(default_factory=list)
    start_text: str = ""  # the dates as the viewer reads them, filled in by the page
    end_text: str = ""


@dataclass
class Timeline:
    """A project's steps on a timeline, its critical path and its finish."""

    rows: list[TimelineStep]
    critical_ids: frozenset[int]
    finish: date | None
    undated: list[Step]


def timeline(facts: RoleFacts, project: Project) -> Timeline:
    """The project's dated steps with slack and the critical path (three queries)."""
    visible_steps = list(
        visible(facts, Step.objects.filter(project=project))
        .select_related("department")
        .only(*TIMELINE_FIELDS)
        .order_by("start", "due", "id")
    )
    # A step dated outside 1900–2200 (stored before dates were bounded) is listed as undated.
    dated = [s for s in visible_steps if (s.start or s.due) and _in_bounds(s)]
    ids = {s.pk for s in dated}
    undated = [s for s in visible_steps if s.pk not in ids]
    if not dated:
        return Timeline([], frozenset(), None, undated)
    links = [
        link
        for link in Dependency.objects.filter(successor_id__in=ids).values_list(
            "predecessor_id", "successor_id", "lag_days"
        )
        if link[0] in ids
    ]
    first = min(s.start or s.due for s in dated)
    last = max(s.due or s.start for s in dated)
    calendar = company_calendar(first, last, origin=first)
    plan_steps = []
    for s in dated:
        start, due = s.start or s.due, s.due or s.start
        duration = max(working_days_between(calendar, start, due + timedelta(days=1)), 1)
        plan_steps.append(graph.Step(s.pk, duration, working_day_index(calendar, start)))
    plan = graph.ProjectPlan(
        tuple(plan_steps), tuple(graph.Dependency(a, b, lag) for a, b, lag in links)
    )
    try:
        schedule = graph.schedule_plan(plan)
    except graph.PlanError:
        schedule = None
    predecessors = defaultdict(list)
    for before, after, _lag in links:
        predecessors[after].append(before)
    rows = []
    for s in dated:
        entry = schedule.steps[s.pk] if schedule else None
        rows.append(
            TimelineStep(
                step=s,
                start=s.start or s.due,
                end=s.due or s.start,
                slack=entry.total_slack if entry else 0,
                critical=bool(entry and entry.critical and not s.is_done),
                predecessors=predecessors[s.pk],
            )
        )
    rows.sort(key=lambda row: (row.start, row.end, row.step.pk))
    critical = frozenset(row.step.pk for row in rows if row.critical)
    return Timeline(rows, critical, last, undated)


def _in_bounds(step: Step) -> bool:
    return date_in_bounds(step.start) and date_in_bounds(step.due)


def goals_served(facts: RoleFacts, project: Project) -> tuple[list[Goal], int]:
    """The project's goals the viewer may open, and how many others it serves (their titles
    stay hidden), in one query."""
    openable = visible(facts, Goal.objects.filter(pk=OuterRef("pk")))
    linked = list(project.goals.annotate(can_open=Exists(openable)).order_by("pk"))
    shown = [goal for goal in linked if goal.can_open]
    return shown, len(linked) - len(shown)
