"""What any input may hold, one rule for forms, API schemas and imports: dates between 1900 and
2200 (a step due in 9999 breaks every calendar that adds days to it), and text without control
characters (a NUL cannot be stored in PostgreSQL, and most control characters cannot be written
to an XLSX file).

Invisible direction overrides (U+202A–U+202E, U+2066–U+2069) are removed from text as it
arrives rather than refused: they make a name or title show other than it is (a right-to-left
override turns the letters after it around on screen), and nobody types them on purpose."""

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

MIN_YEAR = 1900
MAX_YEAR = 2200
FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)

DATE_OUT_OF_RANGE = _("Enter a date between 1900 and 2200.")
CONTROL_CHARACTERS = _(
    "Remove the invisible control characters from this text; they cannot be saved."
)

# Tab, line feed and carriage return are text in a multi-line field; nothing else below a space.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
BIDI_OVERRIDE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def date_in_bounds(value) -> bool:
    """True for a date (or date-time) in 1900–2200, and for anything that is not a date."""
    return not isinstance(value, date) or MIN_YEAR <= value.year <= MAX_YEAR


def add_days(day: date, days: int) -> date:
    """The day moved by ``days``, stopping at the first or last day a date can hold (for dates
    stored before the bounds were enforced)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def has_control(text, multiline: bool = True) -> bool:
    """True when the text holds a control character (tab and newlines allowed if multi-line)."""
    pattern = CONTROL if multiline else LINE_CONTROL
    return isinstance(text, str) and pattern.search(text) is not None


def strip_control(text: str, multiline: bool = True) -> str:
    """The text without its control characters and direction overrides (for imported cells,
    query parameters and what was stored before the rule)."""
    return strip_bidi((CONTROL if multiline else LINE_CONTROL).sub("", text))


def strip_bidi(text):
    """The text without invisible direction overrides (anything else is returned as is)."""
    if isinstance(text, str) and BIDI_OVERRIDE.search(text):
        return BIDI_OVERRIDE.sub("", text)
    return text


def _without_bidi(to_python):
    def read(value):
        return strip_bidi(to_python(value))

    return read


def validate_date(value) -> None:
    """Form validator: a date in 1900–2200."""
    if not date_in_bounds(value):
        raise ValidationError(DATE_OUT_OF_RANGE, code="date_range")


def validate_text(value) -> None:
    """Form validator for multi-line text: no control characters but tab and newlines."""
    if has_control(value):
        raise ValidationError(CONTROL_CHARACTERS, code="control_characters")


def validate_line(value) -> None:
    """Form validator for a single line: no control characters at all."""
    if has_control(value, multiline=False):
        raise ValidationError(CONTROL_CHARACTERS, code="control_characters")


def bound_form_fields(fields) -> None:
    """Apply the rules to a form's date and text fields (called by the project's form base)."""
    for field in fields.values():
        if isinstance(field, forms.DateField | forms.DateTimeField):
            field.validators.append(validate_date)
            if isinstance(field.widget, forms.DateInput):
                field.widget.attrs.setdefault("min", FIRST_DAY.isoformat())
                field.widget.attrs.setdefault("max", LAST_DAY.isoformat())
        elif isinstance(field, forms.CharField):
            multiline = isinstance(field.widget, forms.Textarea)
            field.validators.append(validate_text if multiline else validate_line)
            field.to_python = _without_bidi(field.to_python)


def check_import_date(errors: dict, column: str, value):
    """An imported date, or None with the error added to the row's ``errors`` by column when
    it is out of 1900–2200."""
    if date_in_bounds(value):
        return value
    errors.setdefault(column, []).append(DATE_OUT_OF_RANGE)
    return None


def _checked(value, depth: int = 0):
    """The value, its text without direction overrides; PydanticCustomError when a date is out
    of bounds or a text holds a control character."""
    if isinstance(value, date) and not date_in_bounds(value):
        raise PydanticCustomError("date_range", str(DATE_OUT_OF_RANGE))
    if isinstance(value, str):
        if has_control(value):
            raise PydanticCustomError("control_characters", str(CONTROL_CHARACTERS))
        return strip_bidi(value)
    if depth >= 3:
        return value
    if isinstance(value, dict):
        return {_checked(key, depth + 1): _checked(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return type(value)(_checked(item, depth + 1) for item in value)
    return value


class BoundedSchema(Schema):
    """The API's schema base: on input, every date and text field follows the rules above
    (422 naming the field); output is never checked, so a value stored earlier still reads."""

    @field_validator("*", mode="after")
    @classmethod
    def _within_bounds(cls, value, info: ValidationInfo):
        context = info.context if isinstance(info.context, dict) else {}
        if "request" not in context or "response_status" in context:
            return value
        return _checked(value)


class StripControlCharacters:
    """Middleware: query parameters (searches, filters) lose their control characters and
    direction overrides, so a NUL typed into a search box finds what the rest finds instead of
    failing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%" in query and _has_encoded_control(query):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(strip_control(key), [strip_control(value) for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


# Control characters, and the UTF-8 of U+202A–U+202E and U+2066–U+2069, percent-encoded.
ENCODED_CONTROL = re.compile(
    r"%(?:[01][0-9a-f]|7f|c2%[89][0-9a-f]|e2%80%a[a-e]|e2%81%a[6-9])", re.IGNORECASE
)


def _has_encoded_control(query: str) -> bool:
    return ENCODED_CONTROL.search(query) is not None
