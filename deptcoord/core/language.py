"""Records kept in both languages: the form a reader of the active language sees; and writing
for one person away from their own requests (e-mails, feeds): their language and time zone."""

from contextlib import contextmanager
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language


def in_language(english: str, vietnamese: str) -> str:
    """The Vietnamese or English form for the active language, falling back to the other."""
    if (get_language() or "en").startswith("vi"):
        return vietnamese or english
    return english or vietnamese


def language_of(person) -> str:
    """The language a person writes and reads in: the one they chose, else the active one (for
    text written on their behalf, such as a title the application gives their record), else the
    installation's (for an e-mail written away from any request)."""
    chosen = getattr(person, "language", "") or ""
    return chosen or get_language() or settings.LANGUAGE_CODE


def zone_of(person):
    """The person's time zone (the installation's when theirs is missing or unknown)."""
    name = getattr(person, "timezone", "") or ""
    try:
        return ZoneInfo(name) if name else timezone.get_default_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


@contextmanager
def as_reader(person, language: str | None = None):
    """Render as ``person`` reads: in their language and time zone (``language`` for someone
    without a choice of their own, such as a meeting's guest)."""
    chosen = language or (language_of(person) if person is not None else settings.LANGUAGE_CODE)
    with translation.override(chosen), timezone.override(zone_of(person)):
        yield
