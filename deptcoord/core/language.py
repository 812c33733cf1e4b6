"""Records kept in both languages: the form a reader of the active language sees."""

from django.conf import settings
from django.utils.translation import get_language


def in_language(english: str, vietnamese: str) -> str:
    """The Vietnamese or English form for the active language, falling back to the other."""
    if (get_language() or "en").startswith("vi"):
        return vietnamese or english
    return english or vietnamese


def language_of(person) -> str:
    """The language a person writes in: the one they chose, else the active one (for text
    written on their behalf, such as a title the application gives their record)."""
    chosen = getattr(person, "language", "") or ""
    return chosen or get_language() or settings.LANGUAGE_CODE
