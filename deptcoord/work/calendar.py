"""The company's working calendar for steps: weekends, public holidays and company days off,
handed to the pure working-day arithmetic in ``calendar_days``."""

from datetime import date

from deptcoord.core.bounds import add_days
from deptcoord.org.calendar import days_off_between
from deptcoord.work.calendar_days import WorkingCalendar, working_days_between


def company_calendar(start: date, end: date, origin: date | None = None) -> WorkingCalendar:
    """Monday to Friday minus the days off between ``start`` and ``end`` (with a margin)."""
    first, last = add_days(start, -31), add_days(end, 400)
    return WorkingCalendar(
        origin=origin or start, days_off=frozenset(days_off_between(first, last))
    )


def working_days_late(old_due: date, new_due: date) -> int:
    """How many working days later ``new_due`` is than ``old_due`` (at least 1 when later)."""
    calendar = company_calendar(min(old_due, new_due), max(old_due, new_due))
    days = working_days_between(calendar, old_due, new_due)
    return max(days, 1) if new_due > old_due else days
