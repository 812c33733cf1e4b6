"""A person's available hours day by day: the one capacity rule, for the workload and the planner.

Working weekdays and weekly hours come from the person, public holidays and company days off from
the working calendar, then time off, less the busy time that apps above org register here in
their ``AppConfig.ready()`` (meetings). The arithmetic is ``org.working_hours`` (pure).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from deptcoord.org import working_hours
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import ExtraHours, Person, TimeOff

# (people, first day, last day) → {(person id, day): hours busy}
BusySource = Callable[[list[Person], date, date], dict[tuple[int, date], float]]
_busy_sources: dict[str, BusySource] = {}


def register_busy_time(name: str, source: BusySource) -> None:
    """Let an app take time off everyone's capacity (registering a name twice replaces it)."""
    _busy_sources[name] = source


def busy_hours(people, first_day: date, last_day: date) -> dict[tuple[int, date], float]:
    """Hours each person is busy per day, from every registered source, added up."""
    people = list(people)
    total: dict[tuple[int, date], float] = defaultdict(float)
    if not people or last_day < first_day:
        return {}
    for source in _busy_sources.values():
        for key, hours in source(people, first_day, last_day).items():
            total[key] += hours
    return dict(total)


def days_away(people, first_day: date, last_day: date) -> dict[int, set[date]]:
    """The days each person is on time off between the two days (one query)."""
    away: dict[int, set[date]] = defaultdict(set)
    rows = TimeOff.objects.filter(
        person__in=[p.pk for p in people], start_date__lte=last_day, end_date__gte=first_day
    ).values_list("person_id", "start_date", "end_date")
    for person_id, start, end in rows:
        away[person_id].update(
            working_hours.days_between(max(start, first_day), min(end, last_day))
        )
    return away


def extra_hours(people, first_day: date, last_day: date) -> dict[int, list[tuple]]:
    """The extra hours each person agreed that touch the days (one query)."""
    found: dict[int, list[tuple]] = defaultdict(list)
    rows = ExtraHours.objects.filter(
        person__in=[p.pk for p in people], first_day__lte=last_day, last_day__gte=first_day
    ).order_by("pk")
    for row in rows.values_list("person_id", "first_day", "last_day", "hours_per_week"):
        found[row[0]].append((row[1], row[2], float(row[3])))
    return found


def available_hours(
    people: Iterable[Person], first_day: date, last_day: date, *, days_off=None
) -> dict[int, dict[date, float]]:
    """Per person, the hours left for work on each day that has any, first to last day.

    ``days_off`` (public holidays and company days off) may be handed in when the caller has
    read them already. A fixed number of queries whatever the number of people.
    """
    people = list(people)
    if not people or last_day < first_day:
        return {person.pk: {} for person in people}
    if days_off is None:
        days_off = days_off_between(first_day, last_day)
    days_off = frozenset(days_off)
    away = days_away(people, first_day, last_day)
    busy: dict[int, dict[date, float]] = defaultdict(dict)
    for (person_id, day), hours in busy_hours(people, first_day, last_day).items():
        busy[person_id][day] = hours
    extra = extra_hours(people, first_day, last_day)
    return {
        person.pk: working_hours.available_hours(
            first=first_day,
            last=last_day,
            weekly_hours=float(person.weekly_capacity_hours or 0),
            weekdays=working_hours.weekdays_from_digits(person.working_weekdays),
            days_off=days_off,
            away=away.get(person.pk, set()),
            busy=busy.get(person.pk),
            extra=extra.get(person.pk, ()),
        )
        for person in people
    }
