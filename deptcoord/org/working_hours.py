"""How a person's weekly hours fall on days: the arithmetic of capacity.

Pure: the caller supplies the person's working weekdays and weekly hours, the days off, the
days away and the busy hours; nothing here reads a clock or a database.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta


def weekdays_from_digits(digits: str | None) -> frozenset[int]:
    """The working weekdays, 0 = Monday, from the stored digits 1 (Monday) to 7 (Sunday).

    No digits means no working day: such a person has no hours, so no work can be planned on
    them (the forms and the import refuse an empty field; the default is Monday to Friday).
    """
    return frozenset(int(d) - 1 for d in (digits or "") if d.isdigit() and 1 <= int(d) <= 7)


def hours_per_day(weekly_hours: float, weekdays: frozenset[int]) -> float:
    """Hours on each working day: the weekly hours spread over the working weekdays."""
    return float(weekly_hours or 0) / len(weekdays) if weekdays else 0.0


def days_between(first: date, last: date) -> Iterable[date]:
    """Every date from ``first`` to ``last``, both included."""
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def working_days(
    first: date, last: date, weekdays: frozenset[int], days_off: frozenset[date] | set[date]
) -> list[date]:
    """The person's working days from ``first`` to ``last``: their weekdays, less days off."""
    return [d for d in days_between(first, last) if d.weekday() in weekdays and d not in days_off]


def available_hours(
    *,
    first: date,
    last: date,
    weekly_hours: float,
    weekdays: frozenset[int],
    days_off: frozenset[date] | set[date] = frozenset(),
    away: frozenset[date] | set[date] = frozenset(),
    busy: Mapping[date, float] | None = None,
    extra: Iterable[tuple[date, date, float]] = (),
) -> dict[date, float]:
    """Hours left for work on each day with any (to the hundredth).

    A working day gives the weekly hours spread over the working weekdays; public holidays,
    company days off and days away give none; busy time comes off the day it falls on, never
    below zero, so time on a day off is not taken twice. ``extra`` hours agreed on top
    ((first day, last day, hours per week)) are spread over the days with hours left in each
    week counted from their first day, never past 24 hours a day.
    """
    per_day, busy = hours_per_day(weekly_hours, weekdays), busy or {}
    found = {}
    for day in working_days(first, last, weekdays, days_off):
        if day in away:
            continue
        left = round(max(per_day - busy.get(day, 0.0), 0.0), 2)
        if left > 0.01:
            found[day] = left
    for begins, ends, per_week in extra:
        add_extra_hours(found, max(begins, first), min(ends, last), begins, per_week)
    return found


def add_extra_hours(
    hours: dict[date, float], first: date, last: date, anchor: date, per_week: float
) -> None:
    """Add ``per_week`` hours to each week (counted from ``anchor``) between ``first`` and
    ``last``, spread over the days of that week that have hours, capped at 24 a day (the rule
    of the planner's "extra hours" what-if, so that an agreed what-if plans the same)."""
    weeks: dict[int, list[date]] = {}
    for day, left in hours.items():
        if first <= day <= last and left > 0:
            weeks.setdefault((day - anchor).days // 7, []).append(day)
    for days in weeks.values():
        for day in days:
            hours[day] = round(min(24.0, hours[day] + per_week / len(days)), 2)


def count_working_days(
    first: date, last: date, weekdays: frozenset[int], days_off: frozenset[date] | set[date]
) -> int:
    """How many working days from ``first`` to ``last`` (both counted), without walking them."""
    if last < first:
        return 0
    weeks, rest = divmod((last - first).days + 1, 7)
    count = weeks * len(weekdays)
    count += sum(1 for n in range(rest) if (first.weekday() + n) % 7 in weekdays)
    return count - sum(1 for d in days_off if first <= d <= last and d.weekday() in weekdays)


def effort_by_day(
    effort: float,
    first: date,
    last: date,
    *,
    weekdays: frozenset[int],
    days_off: frozenset[date] | set[date],
    window: tuple[date, date],
) -> list[tuple[date, float]]:
    """A step's effort spread evenly over the assignee's working days from ``first`` to
    ``last``; the days inside ``window`` with their share.

    A step with no working day in its dates puts all its effort on its last day, so it still
    shows as load (on someone who has no hours then: an overload to resolve).
    """
    start, end = window
    count = count_working_days(first, last, weekdays, days_off)
    if count <= 0:
        return [(last, float(effort))] if start <= last <= end else []
    share = float(effort) / count
    inside = working_days(max(first, start), min(last, end), weekdays, days_off)
    return [(day, share) for day in inside]


def week_of(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())
