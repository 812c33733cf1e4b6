"""Records kept in both languages: the form a reader of the active language sees."""

from django.utils.translation import get_language


def in_language(english: str, vietnamese: str) -> str:
    """The Vietnamese or English form for the active language, falling back to the other."""
    if (get_language() or "en").startswith("vi"):
        return vietnamese or english
    return english or vietnamese
