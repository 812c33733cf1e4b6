"""What every people service shares: field checks that collect errors, and audit helpers."""

from django.utils import timezone
from django.utils.formats import date_format

from deptcoord.audit.services import (  # noqa: F401  (shared audit helpers)
    record_created,
    record_deleted,
    save_with_audit,
)
from deptcoord.core.validation import add, raise_if  # noqa: F401  (the people services read them here)
from deptcoord.people import messages
from deptcoord.people.models import HIGHEST_LEVEL, LOWEST_LEVEL

LONGEST_TEXT = 5000


def today():
    """Today in the company's time zone."""
    return timezone.localdate()


def short_date(day) -> str:
    """A date as the viewer writes it (26/11/2026 in Vietnamese)."""
    return date_format(day, "SHORT_DATE_FORMAT")


def check_names(errors: dict, name_en, name_vi, limit: int = 120) -> tuple[str, str]:
    """The two names, stripped; at least one is needed."""
    english, vietnamese = (name_en or "").strip(), (name_vi or "").strip()
    if not english and not vietnamese:
        add(errors, "name_en", messages.NAME_REQUIRED)
    for field, name in (("name_en", english), ("name_vi", vietnamese)):
        if len(name) > limit:
            add(errors, field, messages.NAME_TOO_LONG % {"limit": limit})
    return english, vietnamese


def check_level(errors: dict, field: str, value) -> int | None:
    """A whole level from 0 to 5."""
    text = str(value if value is not None else "").strip()
    try:
        level = int(text)
    except ValueError:
        level = None
    if level is None or not LOWEST_LEVEL <= level <= HIGHEST_LEVEL or str(level) != text:
        add(errors, field, messages.LEVEL_OUT_OF_RANGE % {"value": text})
        return None
    return level


def check_text(errors: dict, field: str, value, required=None, limit: int = LONGEST_TEXT) -> str:
    """Free text, stripped; ``required`` is the message when it must not be empty."""
    text = (value or "").strip()
    if required is not None and not text:
        add(errors, field, required)
    if len(text) > limit:
        add(errors, field, messages.TEXT_TOO_LONG % {"limit": limit})
    return text


def check_choice(errors: dict, field: str, value, choices) -> str:
    """A value that must be one of the choices' values."""
    text = str(value if value is not None else "")
    if text not in {str(choice) for choice in choices}:
        add(errors, field, messages.UNKNOWN_CHOICE % {"value": text})
    return text
