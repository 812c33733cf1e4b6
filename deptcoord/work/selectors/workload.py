"""Each person's week load: assigned effort against the hours they have.

The hours come from the one capacity rule (``org.capacity``), the same the planner uses; a
step's remaining effort is spread over its assignee's own working days.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.org import capacity, working_hours
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


def _load(people, assigned, days_off, window) -> tuple[dict, dict]:
    """Assigned hours per (person, Monday) and the steps behind them, in the order read."""
    weekdays_of = {p.pk: working_hours.weekdays_from_digits(p.working_weekdays) for p in people}
    load, causes = defaultdict(float), defaultdict(list)
    for pk, person_id, first, last, remaining in assigned:
        spread = working_hours.effort_by_day(
            remaining,
            first,
            last,
            weekdays=weekdays_of[person_id],
            days_off=days_off,
            window=window,
        )
        for day, share in spread:
            key = (person_id, working_hours.week_of(day))
            load[key] += share
            if not causes[key] or causes[key][-1] != pk:
                causes[key].append(pk)
    return load, causes


def _weekly_hours(people, start: date, end: date, days_off) -> dict[tuple[int, date], float]:
    """Available hours per (person, Monday): org's capacity, day by day, added up by week."""
    hours = capacity.available_hours(
        people, start, end, days_off={d for d in days_off if start <= d <= end}
    )
    weekly = defaultdict(float)
    for person_id, calendar in hours.items():
        for day, left in calendar.items():
            weekly[(person_id, working_hours.week_of(day))] += left
    return weekly


def workload_for(
    people, weeks, *, first: date | None = None, steps_base: QuerySet | None = None
) -> list[WorkloadRow]:
    """Each person's assigned effort per week against their available hours.

    ``weeks`` is a number of weeks from the week of ``first`` (today by default) or a list of
    Mondays. The hours are ``org.capacity.available_hours``; a step's remaining effort is spread
    evenly over its assignee's working days. A fixed number of queries whatever the number of
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
    base = steps_base if steps_base is not None else Step.objects.all()
    assigned = _assigned_steps(base, {p.pk for p in people}, start, end)
    # the days off over every listed step's dates, so each step's working days count right
    span = (min([start, *(s[2] for s in assigned)]), max([end, *(s[3] for s in assigned)]))
    days_off = frozenset(days_off_between(*span))
    weekly = _weekly_hours(people, start, end, days_off)
    load, causes = _load(people, assigned, days_off, (start, end))
    return [
        WorkloadRow(
            person=person,
            cells=[
                WorkloadCell(
                    week=monday,
                    capacity=round(weekly[(person.pk, monday)], 1),
                    assigned=round(load[(person.pk, monday)], 1),
                    step_ids=causes[(person.pk, monday)],
                )
                for monday in mondays
            ],
        )
        for person in people
    ]


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
