"""Each person's week load: assigned effort against the hours they have.

The hours come from the one capacity rule (``org.capacity``), the same the planner uses; a
step's remaining effort is spread over its assignee's own working days. The figures are kept
per person and week in ``org.WeekLoad`` (``org.week_load``), to which this module gives the
steps (``committed_steps``); the pages read the kept rows. A person's load counts all their
work, whatever the viewer may open: the pages name only the steps the viewer may open and put
the rest on one line of other work.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, RoleFacts, can
from deptcoord.org import capacity, week_load, working_hours
from deptcoord.org import selectors as org
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import Membership, Person
from deptcoord.work.models import Project, Step

CELL_TITLE = _("%(assigned)s h assigned of %(capacity)s h")
# Past this many people the steps are read for everyone and kept for the scope in Python: a
# long list of ids costs the database more than the rows it would leave out.
MANY_PEOPLE = 200


@dataclass
class WorkloadCell:
    """One person's week: assigned effort against capacity, with the steps behind it."""

    week: date
    capacity: float
    assigned: float
    step_ids: list[int]
    shares: dict[int, float] = field(default_factory=dict)  # step id → hours that week
    meeting_hours: float = 0.0
    time_off_hours: float = 0.0

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
    """Hours each person is busy (in meetings) per week, ``{(person_id, monday): hours}``, from
    the busy time registered with org's capacity (three queries for the meetings).

    ``counted(person_id, day)`` may leave out some days, e.g. those without capacity.
    """
    if not weeks:
        return {}
    by_day = capacity.busy_hours(people, min(weeks), max(weeks) + timedelta(days=6))
    hours: dict[tuple[int, date], float] = defaultdict(float)
    for (person_id, day), spent in by_day.items():
        if counted is None or counted(person_id, day):
            hours[(person_id, working_hours.week_of(day))] += spent
    return dict(hours)


def _assigned_steps(base: QuerySet, ids: set[int], start: date, end: date) -> list[tuple]:
    """Open dated steps of the people touching the window: (pk, assignee, first, last, hours
    left)."""
    if len(ids) <= MANY_PEOPLE:
        base = base.filter(assignee__in=ids)
    rows = (
        base.exclude(status=Step.Status.DONE)
        .filter(Q(due__gte=start) | Q(due__isnull=True, start__lte=end))
        .filter(Q(start__lte=end) | Q(start__isnull=True))
        .exclude(due__isnull=True, start__isnull=True)
        .values_list("pk", "assignee_id", "start", "due", "effort_hours", "progress")
    )
    return [
        (pk, person_id, first or due, due or first, float(effort or 0) * (100 - (done or 0)) / 100)
        for pk, person_id, first, due, effort, done in rows
        if person_id in ids
    ]


def workload_for(people, weeks, *, first: date | None = None) -> list[WorkloadRow]:
    """Each person's assigned effort per week against their available hours.

    ``weeks`` is a number of weeks from the week of ``first`` (today by default) or a list of
    Mondays. The figures are the kept week loads (``org.week_load``): every step of the person,
    whoever reads. A fixed number of queries whatever the number of people, steps and meetings.
    """
    people = list(people)
    mondays = (
        list(weeks)
        if not isinstance(weeks, int)
        else week_starts(first or timezone.localdate(), weeks)
    )
    if not people or not mondays:
        return []
    loads = week_load.loads_for(people, mondays)
    rows = []
    for person in people:
        cells = []
        for monday in mondays:
            load = loads.get((person.pk, monday)) or week_load.Load(person.pk, monday)
            shares = {int(pk): hours for pk, hours in load.shares.items()}
            cells.append(
                WorkloadCell(
                    week=monday,
                    capacity=round(load.available_hours, 1),
                    assigned=round(load.work_hours, 1),
                    step_ids=sorted(shares, key=lambda pk, shares=shares: (-shares[pk], pk)),
                    shares=shares,
                    meeting_hours=round(load.meeting_hours, 1),
                    time_off_hours=round(load.time_off_hours, 1),
                )
            )
        rows.append(WorkloadRow(person=person, cells=cells))
    return rows


def committed_steps(people, first: date, last: date) -> dict[tuple[int, date], dict[str, float]]:
    """The open steps' remaining effort of each person per week, by step (for the week loads):
    ``{(person id, Monday): {step id: hours}}``, the weeks from ``first`` to ``last``."""
    people = list(people)
    assigned = _assigned_steps(Step.objects.all(), {p.pk for p in people}, first, last)
    span = (min([first, *(s[2] for s in assigned)]), max([last, *(s[3] for s in assigned)]))
    days_off = frozenset(days_off_between(*span))
    weekdays_of = {p.pk: working_hours.weekdays_from_digits(p.working_weekdays) for p in people}
    found: dict[tuple[int, date], dict[str, float]] = defaultdict(dict)
    for pk, person_id, start, end, remaining in assigned:
        spread = working_hours.effort_by_day(
            remaining,
            start,
            end,
            weekdays=weekdays_of[person_id],
            days_off=days_off,
            window=(first, last),
        )
        for day, share in spread:
            shares = found[(person_id, working_hours.week_of(day))]
            shares[str(pk)] = shares.get(str(pk), 0.0) + share
    return found


def step_load_change(step, changes: dict) -> list[int]:
    """The people whose week loads a change of a step moves: its assignee, before and after."""
    people = [step.assignee_id]
    before_after = changes.get("assignee") or ()
    people += [value.get("id") if isinstance(value, dict) else value for value in before_after]
    return [pk for pk in people if isinstance(pk, int)]


@dataclass
class Cause:
    """An overloaded week: the steps the viewer may open with their hours that week, and the
    hours of the work they may not open, of meetings and of time off, without detail."""

    person: Person
    cell: WorkloadCell
    steps: list[tuple[Step, float]]
    other_hours: float


def oversees_all_loads(facts: RoleFacts) -> bool:
    """Whether the person reads everyone's load (executives, admins and HR)."""
    return facts.is_hr or can(facts, Action.OVERSEE, org.company())


def overseen(facts: RoleFacts, people: QuerySet) -> QuerySet:
    """The people whose load the person may read: everyone for those who oversee the company,
    the people of the departments they run for heads and coordinators, and their own."""
    if oversees_all_loads(facts):
        return people
    runs = sorted(facts.departments_run())
    if not runs:
        return people.filter(pk=facts.person_id)
    ids = Membership.objects.filter(department__in=runs).values("person_id")
    return people.filter(Q(pk=facts.person_id) | Q(primary_department__in=runs) | Q(pk__in=ids))


def sees_load_of(facts: RoleFacts, person: Person) -> bool:
    """Whether the person may read ``person``'s load (the rule of ``overseen``)."""
    runs = facts.departments_run()
    if person.pk == facts.person_id or person.primary_department_id in runs:
        return True
    if runs and Membership.objects.filter(person=person, department__in=sorted(runs)).exists():
        return True
    return oversees_all_loads(facts)


def overload_causes(steps_visible: QuerySet, rows: list[WorkloadRow]) -> list[Cause]:
    """Every overloaded week of the rows with what fills it: the steps of ``steps_visible`` (the
    viewer's) by name, the hours of any other step as one figure (one query)."""
    overloaded = [(row, cell) for row in rows for cell in row.cells if cell.overloaded]
    ids = {pk for _row, cell in overloaded for pk in cell.step_ids}
    named = {}
    if ids:
        found = steps_visible.filter(pk__in=sorted(ids)).only("pk", "title_en", "title_vi", "due")
        named = {step.pk: step for step in found}
    causes = []
    for row, cell in overloaded:
        shown = [
            (named[pk], round(cell.shares.get(pk, 0.0), 1)) for pk in cell.step_ids if pk in named
        ]
        other = sum(hours for pk, hours in cell.shares.items() if pk not in named)
        causes.append(Cause(row.person, cell, shown, round(other, 1)))
    return causes


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
