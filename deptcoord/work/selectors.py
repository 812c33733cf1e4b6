"""Reads for the work pages and the API, already narrowed to what the viewer may see.

Lists run a fixed number of queries whatever their size: figures come from annotations and
related records from ``select_related``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import RoleFacts, visible
from deptcoord.core.bounds import add_days, date_in_bounds
from deptcoord.goals.models import Goal
from deptcoord.meetings.selectors import MANY_PEOPLE, busy_hours
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import Membership, Person, TimeOff
from deptcoord.work import graph
from deptcoord.work.calendar import company_calendar
from deptcoord.work.calendar_days import working_day_index, working_days_between
from deptcoord.work.models import (
    Dependency,
    Expense,
    Project,
    RecurringActivity,
    Request,
    Step,
    StepComment,
    TimeEntry,
)
from deptcoord.work.services.requests import stale_after_days

CELL_TITLE = _("%(assigned)s h assigned of %(capacity)s h")
ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=16, decimal_places=2))
STEP_RELATED = ("project", "department", "assignee")


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
    if query:
        result = result.filter(
            Q(code__icontains=query) | Q(title_en__icontains=query) | Q(title_vi__icontains=query)
        )
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
    """Visible steps, filtered, with their project, department and assignee."""
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
    return result.select_related(*STEP_RELATED).order_by("due", "priority", "id")


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


TIMELINE_FIELDS = (
    "title_en",
    "title_vi",
    "start",
    "due",
    "status",
    "progress",
    "is_milestone",
    "flagged",
    "project_id",
    "assignee_id",
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
    undated = [s for s in visible_steps if s not in dated]
    if not dated:
        return Timeline([], frozenset(), None, undated)
    ids = {s.pk for s in dated}
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


def requests(facts: RoleFacts, *, box="", state="", department_ids=None) -> QuerySet:
    """Requests visible to the viewer: incoming (to their departments) or outgoing."""
    result = visible(facts, Request.objects.all()).select_related(
        "from_department", "to_department", "project", "requested_by", "step"
    )
    mine = sorted(department_ids if department_ids is not None else facts.departments_in())
    if box == "incoming":
        result = result.filter(to_department__in=mine)
    elif box == "outgoing":
        result = result.filter(from_department__in=mine)
    if state:
        result = result.filter(state=state)
    return result.order_by("-created_at", "-id")


def is_stale(request: Request, now=None) -> bool:
    """Whether a pending request has waited longer than the configured number of days."""
    now = now or timezone.now()
    return request.is_pending and request.created_at < now - timedelta(days=stale_after_days())


def stale_count(facts: RoleFacts) -> int:
    """Pending requests past the waiting limit, either side."""
    limit = timezone.now() - timedelta(days=stale_after_days())
    return requests(facts, state=Request.State.PENDING).filter(created_at__lt=limit).count()


def recurring(facts: RoleFacts, department_id=None) -> QuerySet:
    """Recurring activities the viewer may see."""
    result = visible(facts, RecurringActivity.objects.all()).select_related(
        "department", "assignee"
    )
    if department_id:
        result = result.filter(department_id=department_id)
    return result.order_by("department__code", "title_en")


# money and time


def expenses(facts: RoleFacts, project: Project) -> QuerySet:
    """The project's expenses, latest first."""
    return visible(facts, Expense.objects.filter(project=project)).select_related("recorded_by")


@dataclass
class Budget:
    """Spend against budget: the total, the share and the cumulative series by month."""

    spent: Decimal
    budget: Decimal
    percent: float | None
    over_alert: bool
    by_category: list[tuple[str, Decimal]]
    months: list[str]
    cumulative: list[float | None]
    plan: list[float]


def budget(project: Project) -> Budget:
    """Spend against budget over the project's months (two queries)."""
    rows = (
        Expense.objects.filter(project=project)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("amount"))
        .order_by("month")
    )
    per_month = {row["month"]: row["total"] for row in rows}
    categories = (
        Expense.objects.filter(project=project)
        .values("category")
        .annotate(total=Sum("amount"))
        .order_by("-total")
    )
    labels = dict(Expense.Category.choices)
    months = []
    cursor = date(project.start.year, project.start.month, 1)
    last = project.end
    if per_month:
        last = max(last, max(per_month))
    while cursor <= last:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    this_month = timezone.localdate().replace(day=1)
    running, cumulative, plan = Decimal(0), [], []
    for index, month in enumerate(months, start=1):
        running += per_month.get(month, Decimal(0))
        # months to come have no spend yet: the line stops at this month
        cumulative.append(float(running) if month <= this_month or month in per_month else None)
        plan.append(float(project.budget) * index / len(months))
    spent = sum(per_month.values(), Decimal(0))
    percent = float(spent * 100 / project.budget) if project.budget else None
    return Budget(
        spent=spent,
        budget=project.budget,
        percent=percent,
        over_alert=percent is not None and percent >= project.budget_alert_percent,
        by_category=[
            (labels.get(row["category"], row["category"]), row["total"]) for row in categories
        ],
        months=[month.strftime("%m/%Y") for month in months],
        cumulative=cumulative,
        plan=plan,
    )


def estimate_vs_actual(facts: RoleFacts, base: QuerySet) -> QuerySet:
    """Steps with their estimate and the hours logged on them (one query)."""
    return (
        visible(facts, base)
        .select_related("department", "assignee")
        .annotate(actual=Coalesce(Sum("time_entries__hours"), ZERO))
        .order_by("department__code", "due", "id")
    )


def time_totals(base: QuerySet, by: str) -> list[dict]:
    """Estimate and actual hours grouped by ``department`` or ``assignee`` (two queries)."""
    key = {"department": "department__name_en", "assignee": "assignee__full_name"}[by]
    estimates = {
        row[key]: row["estimate"]
        for row in base.values(key).annotate(estimate=Sum("effort_hours")).order_by(key)
    }
    actuals = {
        row["step__" + key]: row["actual"]
        for row in TimeEntry.objects.filter(step__in=base.values("pk"))
        .values("step__" + key)
        .annotate(actual=Sum("hours"))
        .order_by("step__" + key)
    }
    names = sorted(set(estimates) | set(actuals), key=lambda name: name or "")
    return [
        {
            "name": name,
            "estimate": estimates.get(name) or Decimal(0),
            "actual": actuals.get(name) or Decimal(0),
        }
        for name in names
    ]


def timesheet(facts: RoleFacts, start: date, end: date, department_id=None) -> QuerySet:
    """Time entries in a period the viewer may see (for the timesheet export)."""
    result = visible(facts, TimeEntry.objects.filter(date__range=(start, end)))
    if department_id:
        result = result.filter(step__department_id=department_id)
    return result.select_related("person", "step", "step__project", "step__department").order_by(
        "date", "person__full_name", "id"
    )


# workload


@dataclass
class WorkloadCell:
    """One person's week: assigned effort against capacity, with the steps behind it."""

    week: date
    capacity: float
    assigned: float
    step_ids: list[int]

    @property
    def text(self) -> str:
        """Assigned / available hours, rounded: 36/40."""
        return f"{self.assigned:.0f}/{self.capacity:.0f}"

    @property
    def title(self) -> str:
        """The cell's figures in a sentence, in the viewer's language."""
        return str(CELL_TITLE % {"assigned": self.assigned, "capacity": self.capacity})

    @property
    def load(self) -> float | None:
        """Assigned effort as a share of capacity (None when there is no capacity)."""
        return self.assigned / self.capacity if self.capacity else None

    @property
    def overloaded(self) -> bool:
        """More work than hours that week."""
        return self.assigned > self.capacity + 0.01

    @property
    def level(self) -> int:
        """0 (idle) to 4 (overloaded) for the heat map's colour."""
        if self.overloaded:
            return 4
        load = self.load or 0
        return 0 if load == 0 else 1 if load < 0.5 else 2 if load < 0.85 else 3


@dataclass
class WorkloadRow:
    """A person's weeks."""

    person: Person
    cells: list[WorkloadCell]


def week_starts(first: date, weeks: int) -> list[date]:
    """The Mondays of ``weeks`` weeks from the week of ``first``."""
    monday = first - timedelta(days=first.weekday())
    return [monday + timedelta(weeks=index) for index in range(weeks)]


def meeting_hours(
    people: list[Person], weeks: list[date], counted=None
) -> dict[tuple[int, date], float]:
    """Hours each person spends in meetings per week, ``{(person_id, monday): hours}``,
    subtracted from their capacity (three queries, from the meetings app's busy hours).

    ``counted(person_id, day)`` may leave out days that already have no capacity (days off,
    time off), so a meeting is not taken off twice.
    """
    if not weeks:
        return {}
    by_day = busy_hours(people, min(weeks), max(weeks) + timedelta(days=6))
    hours: dict[tuple[int, date], float] = defaultdict(float)
    for (person_id, day), spent in by_day.items():
        if counted is None or counted(person_id, day):
            hours[(person_id, day - timedelta(days=day.weekday()))] += spent
    return dict(hours)


def _weekdays(person: Person) -> set[int]:
    return {int(digit) - 1 for digit in (person.working_weekdays or "12345") if digit.isdigit()}


def workload_for(
    people, weeks, *, first: date | None = None, steps_base: QuerySet | None = None
) -> list[WorkloadRow]:
    """Each person's assigned effort per week against their capacity.

    ``weeks`` is a number of weeks from the week of ``first`` (today by default) or a list of
    Mondays. Capacity is the weekly hours spread over the person's working days, less public
    holidays, company days off, time off and meetings (``meeting_hours``). A step's effort is
    spread evenly over its working days. A fixed number of queries whatever the number of
    people, steps and meetings.
    """
    people = list(people)
    mondays = (
        list(weeks)
        if not isinstance(weeks, int)
        else week_starts(first or timezone.localdate(), weeks)
    )
    if not people or not mondays:
        return []
    start, end = mondays[0], mondays[-1] + timedelta(days=6)
    days_off = set(days_off_between(start, end))
    away = set()
    for off in TimeOff.objects.filter(
        person__in=people, start_date__lte=end, end_date__gte=start
    ).values_list("person_id", "start_date", "end_date"):
        day = max(off[1], start)
        while day <= min(off[2], end):
            away.add((off[0], day))
            day += timedelta(days=1)
    weekdays_of = {person.pk: _weekdays(person) for person in people}
    meetings = meeting_hours(
        people,
        mondays,
        lambda person_id, day: (
            day.weekday() in weekdays_of[person_id]
            and day not in days_off
            and (person_id, day) not in away
        ),
    )
    base = steps_base if steps_base is not None else Step.objects.all()
    ids = set(weekdays_of)
    if len(ids) <= MANY_PEOPLE:
        base = base.filter(assignee__in=ids)
    assigned_steps = (
        base.exclude(status=Step.Status.DONE)
        .filter(Q(due__gte=start) | Q(due__isnull=True, start__lte=end))
        .filter(Q(start__lte=end) | Q(start__isnull=True))
        .exclude(due__isnull=True, start__isnull=True)
        .values_list("pk", "assignee_id", "start", "due", "effort_hours", "progress")
    )
    load = defaultdict(float)
    causes = defaultdict(list)
    for pk, person_id, first_day, due, effort, progress in assigned_steps:
        if person_id not in ids:
            continue
        first_day, last_day = first_day or due, due or first_day
        # The effort is spread over the step's working days; only those in the window count.
        worked = _weekdays_between(first_day, last_day) - sum(
            1 for day in days_off if first_day <= day <= last_day and day.weekday() < 5
        )
        inside = [
            day
            for day in _span(max(first_day, start), min(last_day, end))
            if day.weekday() < 5 and day not in days_off
        ]
        if worked <= 0:
            worked, inside = 1, [last_day] if start <= last_day <= end else []
        per_day = float(effort or 0) * (100 - (progress or 0)) / 100 / worked
        for day in inside:
            key = (person_id, day - timedelta(days=day.weekday()))
            load[key] += per_day
            if not causes[key] or causes[key][-1] != pk:
                causes[key].append(pk)
    open_days = {
        monday: [
            day for day in (monday + timedelta(days=n) for n in range(7)) if day not in days_off
        ]
        for monday in mondays
    }
    rows = []
    for person in people:
        weekdays = weekdays_of[person.pk]
        per_day = float(person.weekly_capacity_hours or 0) / max(
            len(person.working_weekdays or "12345"), 1
        )
        cells = []
        for monday in mondays:
            working = sum(
                1
                for day in open_days[monday]
                if day.weekday() in weekdays and (person.pk, day) not in away
            )
            capacity = max(per_day * working - meetings.get((person.pk, monday), 0.0), 0.0)
            cells.append(
                WorkloadCell(
                    week=monday,
                    capacity=round(capacity, 1),
                    assigned=round(load[(person.pk, monday)], 1),
                    step_ids=causes[(person.pk, monday)],
                )
            )
        rows.append(WorkloadRow(person=person, cells=cells))
    return rows


def _weekdays_between(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last``, both counted."""
    if last < first:
        return 0
    weeks, rest = divmod((last - first).days + 1, 7)
    return weeks * 5 + sum(1 for n in range(rest) if (first.weekday() + n) % 7 < 5)


def _span(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def department_people(department) -> QuerySet:
    """The active people of a department (members of it, or with it as primary)."""
    members = Membership.objects.filter(department=department).values("person_id")
    return (
        Person.objects.filter(Q(pk__in=members) | Q(primary_department=department))
        .filter(is_active=True)
        .order_by("full_name")
    )


def project_people(project: Project) -> QuerySet:
    """The active people assigned to the project's steps."""
    assigned = Step.objects.filter(project=project).values("assignee_id")
    return Person.objects.filter(pk__in=assigned, is_active=True).order_by("full_name")
