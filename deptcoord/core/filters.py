"""The filters of API lists: a value a list does not know is refused, naming the parameter,
instead of being ignored (a mistyped filter would otherwise quietly answer everything)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNKNOWN_CHOICE = _("%(name)s: “%(value)s” is not known here. Use one of: %(choices)s.")
UNKNOWN_PERIOD = _(
    "%(name)s: “%(value)s” is not a period. Use a year (2026), a quarter (2026-Q4), a month "
    "(2026-11) or “all”."
)


def choice(name: str, value: str | None, allowed: Iterable[str]) -> str:
    """``value`` when it is empty or one of ``allowed``; a ValidationError naming the
    parameter ``name`` and the values it takes otherwise."""
    value = value or ""
    allowed = [str(option) for option in allowed]
    if value and value not in allowed:
        message = UNKNOWN_CHOICE % {
            "value": value[:40],
            "name": name,
            "choices": ", ".join(allowed),
        }
        raise ValidationError({name: [message]})
    return value


def refuse_period(name: str, value: str) -> None:
    """Refuse a period key no list understands, naming the parameter."""
    raise ValidationError({name: [UNKNOWN_PERIOD % {"value": value[:40], "name": name}]})
