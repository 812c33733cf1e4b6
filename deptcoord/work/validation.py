"""Checks on project, step, request, time and expense input; each failure names the field and
says what to do. Every check adds to an ``errors`` dict so one pass reports every problem."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from deptcoord.core.validation import (  # noqa: F401  (the services import them from here)
    add,
    raise_if,
    read_number,
)
from deptcoord.work import messages

MAX_EFFORT = Decimal(10_000)
LARGEST_MONEY = Decimal(10) ** 14
LONGEST_PROJECT_DAYS = 5 * 366
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")


def short_date(day: date) -> str:
    """A date as the viewer writes it (26/11/2026 in Vietnamese)."""
    return date_format(day, "SHORT_DATE_FORMAT")


def check_titles(errors: dict, title_en, title_vi) -> tuple[str, str]:
    """The two titles, stripped; at least one is needed."""
    english, vietnamese = (title_en or "").strip(), (title_vi or "").strip()
    if not english and not vietnamese:
        add(errors, "title_en", messages.TITLE_REQUIRED)
    for field, title in (("title_en", english), ("title_vi", vietnamese)):
        if len(title) > 200:
            add(errors, field, messages.TITLE_TOO_LONG)
    return english, vietnamese


def check_choice(errors: dict, field: str, value, choices, default=None):
    """A value that must be one of the choices' values (compared as text)."""
    if value is None and default is not None:
        return default
    for choice in choices:
        if str(choice) == str(value):
            return choice
    add(errors, field, messages.UNKNOWN_CHOICE % {"value": value})
    return default


def check_decimal(errors, field, value, low, high, message, *, low_open=False, places="0.01"):
    """A number within [low, high] (or (low, high] when ``low_open``), rounded to ``places``."""
    if value is None or value == "":
        add(errors, field, messages.REQUIRED)
        return None
    number = read_number(errors, field, value)
    if number is None:
        return None
    if number > high or number < low or (low_open and number == low):
        add(errors, field, message)
        return None
    return number.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def check_effort(errors: dict, value, field: str = "effort_hours") -> Decimal | None:
    """An effort estimate in hours: 0 to 10,000."""
    if value is None or value == "":
        return Decimal(0)
    return check_decimal(errors, field, value, Decimal(0), MAX_EFFORT, messages.EFFORT_RANGE)


def to_date(errors: dict, field: str, value, required: bool = False) -> date | None:
    """A date from a date or ISO text."""
    if value is None or value == "":
        if required:
            add(errors, field, messages.REQUIRED)
        return None
    if isinstance(value, date):
        return value
    try:
        parsed = parse_date(str(value).strip())
    except ValueError:
        parsed = None
    if parsed is None:
        add(errors, field, messages.NOT_A_DATE % {"value": value})
    return parsed


def check_step_dates(errors: dict, start, due) -> None:
    """A step's due date is on or after its start."""
    if start and due and due < start:
        add(
            errors,
            "due",
            messages.DUE_BEFORE_START % {"due": short_date(due), "start": short_date(start)},
        )


def check_code(errors: dict, code) -> str:
    """A project code: letters, digits and dashes, up to 20."""
    text = (code or "").strip().upper()
    if not text:
        add(errors, "code", messages.CODE_REQUIRED)
    elif not CODE.match(text):
        add(errors, "code", messages.CODE_FORMAT)
    return text


def check_project_dates(errors: dict, start, end) -> None:
    """Both dates given, the end on or after the start, at most five years apart."""
    if start is None:
        add(errors, "start", messages.REQUIRED)
    if end is None:
        add(errors, "end", messages.REQUIRED)
    if start is None or end is None:
        return
    if end < start:
        add(errors, "end", messages.PROJECT_DATES)
    elif (end - start).days > LONGEST_PROJECT_DAYS:
        add(errors, "end", messages.PROJECT_TOO_LONG)
