"""Numbers as people type them, in the language they use: ``5.000.000`` and ``1.234,5`` in
Vietnamese, ``5,000,000`` and ``1,234.5`` in English, plain ``1234.5`` in both.

The active language's reading comes first (``1.250`` is one thousand two hundred and fifty in
Vietnamese, one and a quarter in English), then the plain one. A text written the other
language's way is read so only when it cannot mean anything else; ``1234,567`` in English
(a misplaced thousands comma, or a decimal comma?) is refused rather than guessed.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import NOT_A_NUMBER, NOT_A_WHOLE_NUMBER

AMBIGUOUS_NUMBER = _(
    "“%(value)s” could be read two ways. Write it like %(example)s, "
    "or without thousands separators."
)
# (decimal mark, grouping mark) of each language's numbers.
SEPARATORS = {"vi": (",", "."), "en": (".", ",")}
EXAMPLES = {"vi": "1.234,5", "en": "1,234.5"}
SPACES = ("\u00a0", "\u202f", " ")
UNIT_MARKS = ("₫", "đ", "VND", "vnd", "%")
# Digits with a point, as programs write numbers (an exponent too: 1e9 from a script).
PLAIN = re.compile(r"^\d+(\.\d+)?([eE][+-]?\d{1,4})?$", re.ASCII)
ONE_MARK_THREE_DIGITS = re.compile(r"^\d+[.,]\d{3}$", re.ASCII)


def raise_if(errors: dict) -> None:
    """Raise all the collected field errors at once."""
    if errors:
        raise ValidationError(errors)


def add(errors: dict, field: str, message) -> None:
    """Record one problem with a field."""
    errors.setdefault(field, []).append(message)


class NumberError(ValueError):
    """A text that is not a number in the viewer's language; the message says what to type."""


def language() -> str:
    """The active language's code as the number rules know it (English when unknown)."""
    code = (get_language() or "en").split("-")[0]
    return code if code in SEPARATORS else "en"


def _pattern(decimal_mark: str, grouping_mark: str) -> re.Pattern:
    grouped = rf"\d{{1,3}}(?:{re.escape(grouping_mark)}\d{{3}})+"
    return re.compile(rf"^(?:{grouped}|\d+)(?:{re.escape(decimal_mark)}\d+)?$", re.ASCII)


PATTERNS = {code: _pattern(*marks) for code, marks in SEPARATORS.items()}


def _read(body: str, code: str) -> Decimal | None:
    """The number ``body`` means in the language ``code``, or None if it is not written so."""
    if not PATTERNS[code].match(body):
        return None
    decimal_mark, grouping_mark = SEPARATORS[code]
    return Decimal(body.replace(grouping_mark, "").replace(decimal_mark, "."))


def _error(message, value) -> NumberError:
    return NumberError(message % {"value": value, "example": EXAMPLES[language()]})


def _clean(text: str, units: bool) -> tuple[str, str]:
    """The sign and the digits-and-marks of a typed number."""
    body = text
    if units:
        for mark in UNIT_MARKS:
            body = body.replace(mark, "")
    for space in SPACES:
        body = body.replace(space, "")
    if body[:1] in ("+", "-"):
        return body[:1], body[1:]
    return "", body


def parse_decimal(text, *, units: bool = False) -> Decimal:
    """The number a person typed, read in the active language; NumberError when it is not one.

    ``units`` allows a currency or percent sign (``300 ₫``, ``95,5 %``), as spreadsheets have.
    """
    if isinstance(text, bool) or text is None:
        raise _error(NOT_A_NUMBER, text)
    if isinstance(text, int | Decimal | float):
        number = Decimal(str(text))
        if not number.is_finite():
            raise _error(NOT_A_NUMBER, text)
        return number
    original = str(text).strip()
    sign, body = _clean(original, units)
    code = language()
    number = _read(body, code)
    if number is None and PLAIN.match(body):
        number = Decimal(body)
    if number is None:
        others = {_read(body, other) for other in SEPARATORS if other != code} - {None}
        if len(others) != 1:
            raise _error(NOT_A_NUMBER, original)
        if ONE_MARK_THREE_DIGITS.match(body):
            raise _error(AMBIGUOUS_NUMBER, original)
        number = others.pop()
    return -number if sign == "-" else number


def to_decimal(value) -> Decimal:
    """A finite decimal from a number or a typed text (see ``parse_decimal``), or NumberError."""
    try:
        return parse_decimal(value)
    except InvalidOperation:
        raise _error(NOT_A_NUMBER, value) from None


def read_number(errors: dict, field: str, value) -> Decimal | None:
    """The number in ``value``, or None with the reason added to the field's errors."""
    try:
        return to_decimal(value)
    except NumberError as error:
        add(errors, field, str(error))
        return None


class LocalDecimalField(forms.DecimalField):
    """A number field that reads ``5.000.000`` in Vietnamese and ``5,000,000`` in English."""

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_decimal(value)
        except NumberError as error:
            raise ValidationError(str(error), code="invalid") from None


class LocalIntegerField(forms.IntegerField):
    """A whole-number field that reads ``1.200`` in Vietnamese and ``1,200`` in English, as
    the product prints them (Django's own refuses both with "Enter a whole number.")."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = parse_decimal(value)
        except NumberError:
            number = None
        if number is None or number != number.to_integral_value():
            raise ValidationError(
                str(_error(NOT_A_WHOLE_NUMBER, str(value).strip())), code="invalid"
            )
        return int(number)
