"""What a request that does not fit its schema is told, in the reader's language (pydantic's
own sentences are English only)."""

import re

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import REQUIRED

CHOOSE = _("Use one of: %(choices)s.")
DATE = _("Enter a date as YYYY-MM-DD, e.g. 2026-12-07.")
DATETIME = _("Enter a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-12-07T09:00.")
BOOLEAN = _("Enter true or false.")
WHOLE_NUMBER = _("Enter a whole number.")
NUMBER = _("Enter a number.")
TEXT = _("Enter text.")

BY_TYPE = {
    "missing": REQUIRED,
    "date_parsing": DATE,
    "date_type": DATE,
    "date_from_datetime_parsing": DATE,
    "date_from_datetime_inexact": DATE,
    "datetime_parsing": DATETIME,
    "datetime_type": DATETIME,
    "datetime_from_date_parsing": DATETIME,
    "datetime_object_invalid": DATETIME,
    "bool_parsing": BOOLEAN,
    "bool_type": BOOLEAN,
    "int_parsing": WHOLE_NUMBER,
    "int_type": WHOLE_NUMBER,
    "int_from_float": WHOLE_NUMBER,
    "int_parsing_size": WHOLE_NUMBER,
    "float_parsing": NUMBER,
    "float_type": NUMBER,
    "decimal_parsing": NUMBER,
    "decimal_type": NUMBER,
    "string_type": TEXT,
}
WITH_LIMIT = {
    "greater_than_equal": (_("Enter a number of at least %(limit)s."), "ge"),
    "less_than_equal": (_("Enter a number of at most %(limit)s."), "le"),
    "greater_than": (_("Enter a number greater than %(limit)s."), "gt"),
    "less_than": (_("Enter a number less than %(limit)s."), "lt"),
    "string_too_long": (_("Use at most %(limit)s characters."), "max_length"),
    "string_too_short": (_("Use at least %(limit)s characters."), "min_length"),
    "too_long": (_("Send at most %(limit)s items."), "max_length"),
}
QUOTED = re.compile(r"'([^']*)'")


def schema_message(error: dict) -> str:
    """The reader's sentence for one pydantic error (pydantic's own when there is none)."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind in BY_TYPE:
        return str(BY_TYPE[kind])
    if kind in WITH_LIMIT and WITH_LIMIT[kind][1] in context:
        message, key = WITH_LIMIT[kind]
        return str(message % {"limit": context[key]})
    if kind in ("enum", "literal_error") and "expected" in context:
        choices = QUOTED.findall(str(context["expected"])) or [str(context["expected"])]
        return str(CHOOSE % {"choices": ", ".join(choices)})
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    return error.get("msg", "")
