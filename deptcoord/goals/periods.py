"""Goal periods: quarters, years, months or custom dates, named as a coordinator says them.

A period is stored as its first and last day; a quarter, a year or a month is recognised from
the dates, so there is nothing else to keep in step.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

QUARTER_LABEL = _("Q%(quarter)s %(year)s")
CUSTOM_LABEL = _("%(start)s – %(end)s")


@dataclass(frozen=True)
class Period:
    """A named span of days, first and last day included."""

    key: str
    start: date
    end: date

    @property
    def label(self) -> str:
        """The period's name in the viewer's language."""
        return period_label(self.start, self.end)


def quarter(year: int, number: int) -> Period:
    """Quarter 1–4 of a year."""
    first_month = 3 * (number - 1) + 1
    last_month = first_month + 2
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(f"{year}-Q{number}", date(year, first_month, 1), end)


def quarter_of(day: date) -> Period:
    """The quarter containing the day."""
    return quarter(day.year, (day.month - 1) // 3 + 1)


def month(year: int, number: int) -> Period:
    """A calendar month."""
    end = date(year, number, calendar.monthrange(year, number)[1])
    return Period(f"{year}-{number:02d}", date(year, number, 1), end)


def year(number: int) -> Period:
    """A calendar year."""
    return Period(str(number), date(number, 1, 1), date(number, 12, 31))


def period_label(start: date, end: date) -> str:
    """ "Q4 2026", "2026", "November 2026" or the two dates."""
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    if start.day == 1 and start.month % 3 == 1 and end == quarter_of(start).end:
        return str(QUARTER_LABEL % {"quarter": (start.month - 1) // 3 + 1, "year": start.year})
    if start.day == 1 and end == month(start.year, start.month).end:
        return date_format(start, "YEAR_MONTH_FORMAT")
    return str(
        CUSTOM_LABEL
        % {
            "start": date_format(start, "SHORT_DATE_FORMAT"),
            "end": date_format(end, "SHORT_DATE_FORMAT"),
        }
    )


def parse_period(key: str) -> Period | None:
    """The period named by a key such as 2026-Q4, 2026 or 2026-11 (None if it names none)."""
    key = (key or "").strip().upper()
    try:
        if len(key) == 4 and key.isdigit():
            return year(int(key))
        head, _sep, tail = key.partition("-")
        if tail.startswith("Q") and len(tail) == 2 and tail[1] in "1234":
            return quarter(int(head), int(tail[1]))
        if tail.isdigit() and 1 <= int(tail) <= 12:
            return month(int(head), int(tail))
    except ValueError:
        return None
    return None


def next_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same kind right after this one (a month, quarter, year or as many days)."""
    following = end + timedelta(days=1)
    if start.day == 1 and end == month(start.year, start.month).end:
        upcoming = month(following.year, following.month)
        return upcoming.start, upcoming.end
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return year(start.year + 1).start, year(start.year + 1).end
    if start.day == 1 and start.month % 3 == 1 and end == quarter_of(start).end:
        upcoming = quarter_of(following)
        return upcoming.start, upcoming.end
    return following, following + (end - start)


def period_choices(today: date) -> list[Period]:
    """The periods offered in forms and filters: nearby quarters, months and years."""
    current = quarter_of(today)
    previous = quarter_of(current.start - timedelta(days=1))
    upcoming = quarter_of(current.end + timedelta(days=1))
    months = [month(today.year, today.month)]
    for _index in range(2):
        after = months[-1].end + timedelta(days=1)
        months.append(month(after.year, after.month))
    return [current, upcoming, previous, *months, year(today.year), year(today.year + 1)]


WEEK_LABEL = _("Week %(week)s, %(year)s")


def measurement_period(frequency: str, day: date) -> date:
    """The first day of the day, week (Monday), month or quarter a measurement covers."""
    if frequency == "weekly":
        return day - timedelta(days=day.weekday())
    if frequency == "monthly":
        return day.replace(day=1)
    if frequency == "quarterly":
        return quarter_of(day).start
    return day


def measurement_label(frequency: str, start: date) -> str:
    """How people name the period a measurement covers."""
    if frequency == "weekly":
        iso = start.isocalendar()
        return str(WEEK_LABEL % {"week": iso.week, "year": iso.year})
    if frequency == "monthly":
        return date_format(start, "YEAR_MONTH_FORMAT")
    if frequency == "quarterly":
        return quarter_of(start).label
    return date_format(start, "SHORT_DATE_FORMAT")
