"""Working-day arithmetic: turn calendar dates into working-day indexes and back.

Pure: the caller supplies the days off (public holidays, company days off) and
which weekdays are worked; nothing here reads a clock or a database.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta

MONDAY_TO_FRIDAY = frozenset({0, 1, 2, 3, 4})

NO_WORKING_WEEKDAYS = "A working calendar needs at least one working weekday."
BAD_WEEKDAY = "Weekday {weekday!r} is not valid; use 0 (Monday) to 6 (Sunday)."


@dataclass(frozen=True)
class WorkingCalendar:
    """Which dates are worked: a weekday mask (0 = Monday) minus days off.

    Working-day index 0 is the first working day on or after ``origin``.
    """

    origin: date
    working_weekdays: frozenset[int] = MONDAY_TO_FRIDAY
    days_off: frozenset[date] = frozenset()
    # Days off that fall on working weekdays, sorted, so counts are a bisect away.
    _sorted_days_off: tuple[date, ...] = field(init=False, repr=False, compare=False)
    # How many working weekdays precede each weekday within one Monday-based week.
    _weekdays_before: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weekdays = frozenset(self.working_weekdays)
        if not weekdays:
            raise ValueError(NO_WORKING_WEEKDAYS)
        for weekday in weekdays:
            if weekday not in range(7):
                raise ValueError(BAD_WEEKDAY.format(weekday=weekday))
        days_off = frozenset(self.days_off)
        counted = tuple(sorted(day for day in days_off if day.weekday() in weekdays))
        before = tuple(sum(1 for w in range(k) if w in weekdays) for k in range(8))
        object.__setattr__(self, "working_weekdays", weekdays)
        object.__setattr__(self, "days_off", days_off)
        object.__setattr__(self, "_sorted_days_off", counted)
        object.__setattr__(self, "_weekdays_before", before)


def is_working_day(calendar: WorkingCalendar, day: date) -> bool:
    """True when ``day`` is a working weekday and not a day off."""
    return day.weekday() in calendar.working_weekdays and day not in calendar.days_off


def _working_weekdays_from_monday(calendar: WorkingCalendar, monday: date, day: date) -> int:
    """Working weekdays in [monday, day) where ``monday`` is a Monday on or before ``day``."""
    days = (day - monday).days
    weeks, rest = divmod(days, 7)
    return weeks * calendar._weekdays_before[7] + calendar._weekdays_before[rest]


def working_days_between(calendar: WorkingCalendar, start: date, end: date) -> int:
    """Working days in [start, end); negative (the count in [end, start)) when end < start."""
    if end < start:
        return -working_days_between(calendar, end, start)
    monday = start - timedelta(days=start.weekday())
    weekdays = _working_weekdays_from_monday(calendar, monday, end) - (
        _working_weekdays_from_monday(calendar, monday, start)
    )
    days_off = calendar._sorted_days_off
    off = bisect.bisect_left(days_off, end) - bisect.bisect_left(days_off, start)
    return weekdays - off


def next_working_day(calendar: WorkingCalendar, day: date) -> date:
    """``day`` itself when it is worked, otherwise the first working day after it."""
    while not is_working_day(calendar, day):
        day += timedelta(days=1)
    return day


def previous_working_day(calendar: WorkingCalendar, day: date) -> date:
    """``day`` itself when it is worked, otherwise the last working day before it."""
    while not is_working_day(calendar, day):
        day -= timedelta(days=1)
    return day


def working_day_index(calendar: WorkingCalendar, day: date, *, roll_forward: bool = True) -> int:
    """The working-day index of ``day``; a day off rolls to the next (or previous) working day."""
    worked = (
        next_working_day(calendar, day) if roll_forward else previous_working_day(calendar, day)
    )
    return working_days_between(calendar, calendar.origin, worked)


def date_of_working_day(calendar: WorkingCalendar, index: int) -> date:
    """The calendar date of working day ``index`` (which may be negative)."""

    # Find the first date d with working_days_between(origin, d + 1) > index:
    # that count never decreases as d grows, so a bracketed bisection finds it.
    def count_through(day: date) -> int:
        """Working days from the origin up to and including ``day``."""
        return working_days_between(calendar, calendar.origin, day + timedelta(days=1))

    per_week = len(calendar.working_weekdays)
    guess = calendar.origin + timedelta(days=index * 7 // per_week)
    span = 14
    low = guess - timedelta(days=span)
    while count_through(low) > index:
        span *= 2
        low = guess - timedelta(days=span)
    span = 14
    high = guess + timedelta(days=span)
    while count_through(high) <= index:
        span *= 2
        high = guess + timedelta(days=span)
    # Invariant: count_through(low) <= index < count_through(high).
    while (high - low).days > 1:
        middle = low + timedelta(days=(high - low).days // 2)
        if count_through(middle) > index:
            high = middle
        else:
            low = middle
    return high


def finish_date(calendar: WorkingCalendar, finish_index: int, start_index: int) -> date:
    """The last working day of work that runs from ``start_index`` up to ``finish_index``.

    Finishes are exclusive indexes; a zero-length step finishes on its start day.
    """
    return date_of_working_day(calendar, max(finish_index - 1, start_index))
