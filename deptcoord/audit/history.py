"""History panels: any audit entry, whatever shape its changes were written in, as a summary
and lines a person can read in their language. This module is the one place that turns stored
changes into words: field labels come from the record's model (its fields' verbose names),
values are shown by the kind of their field (choice labels, dates and times as the page writes
them, money and numbers, people's names, lists joined, Yes/No), and keys that are no model
field are named in ``vocabulary.KEY_LABELS``.

The trail is append-only, so an entry that fails to render would break its record's page for
good; nothing here raises on odd data, and every shape written in the past still reads."""

import ast
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.formats import date_format, time_format
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deptcoord.audit.vocabulary import ACTION_SUMMARIES, ACTION_WORDS, KEY_LABELS, SUMMARIES
from deptcoord.core.money import format_money, format_number

EMPTY = "—"
MAX_TEXT = 300
MAX_DEPTH = 3
MAX_DECIMALS = 4

ROLE_PREFIX = "role:"
ROLE_FIELD = "org.Membership.role"

# Apps that write keys no model field names (notification kinds...) say how they read.
_key_sources: list = []

# Actions whose changes name the fields of another model than the entry's record.
ACTION_MODELS = {"goals.key_result.check_in": "goals.CheckIn"}

ISO_DATETIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?\b"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ISO_PERIOD = re.compile(r"\b(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})\b")
OPTIONAL_SUFFIX = " (optional)"


@dataclass(frozen=True)
class ChangeLine:
    """One named detail: a change from ``before`` to ``after``, or a single value."""

    field: str
    after: str
    before: str = ""
    is_change: bool = False


@dataclass(frozen=True)
class EntryView:
    """What a history panel shows for one entry."""

    summary: str = ""
    lines: list[ChangeLine] = field(default_factory=list)


@dataclass(frozen=True)
class Spec:
    """How to show the values of one key: its label, the kind of its values, and for a
    choice its labels, for money its currency."""

    label: str
    kind: str = "auto"
    choices: dict = field(default_factory=dict)
    currency: str = ""


# Values


def _short(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def join_naturally(items: list[str]) -> str:
    """ "A, B and C" in the reader's language."""
    return get_text_list([str(item) for item in items], _("and"))


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def text_of(value, depth: int = 0) -> str:
    """A stored value as short plain text, its kind guessed from its shape (related records by
    label, lists joined, dates and numbers as the reader writes them)."""
    if _is_empty(value):
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    if depth >= MAX_DEPTH:
        return "…"
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, datetime | date | time):
        return _moment(value)
    if isinstance(value, dict):
        return _short(_record(value, depth))
    if isinstance(value, list | tuple):
        return _short(join_naturally([text_of(item, depth + 1) for item in value]))
    return _short(_legacy_text(str(value), depth))


def _record(value: dict, depth: int) -> str:
    if "label" in value:
        label = str(value["label"])
        return label if value.get("required", True) else _("%(name)s (optional)") % {"name": label}
    return ", ".join(f"{key}: {text_of(item, depth + 1)}" for key, item in value.items())


def _legacy_text(text: str, depth: int) -> str:
    """A string written by a service: an ISO date or time in it reads as the page writes it,
    a Python list (as older entries hold) as a joined list."""
    moment = _parse_moment(text)
    if moment is not None:
        return _moment(moment)
    if text.startswith("[") and text.endswith("]") and len(text) < 5000:
        try:
            items = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            items = None
        if isinstance(items, list):
            return text_of(items, depth)
    if text.endswith(OPTIONAL_SUFFIX):
        return _("%(name)s (optional)") % {"name": text[: -len(OPTIONAL_SUFFIX)]}
    return _dates_written(text)


def _dates_written(text: str) -> str:
    """The ISO dates and times in a text, written as the reader writes them."""
    text = ISO_PERIOD.sub(r"\1 – \2", text)
    return ISO_DATE.sub(_written_moment, ISO_DATETIME.sub(_written_moment, text))


def _written_moment(found: re.Match) -> str:
    moment = _parse_moment(found.group())
    return _moment(moment) if moment is not None else found.group()


def _parse_moment(text: str):
    try:
        if ISO_DATETIME.fullmatch(text):
            return parse_datetime(text.replace(" ", "T", 1))
        if ISO_DATE.fullmatch(text):
            return parse_date(text)
    except ValueError:
        return None
    return None


def _moment(value) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return time_format(value, "TIME_FORMAT")


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _number(value) -> str:
    number = _decimal(value)
    if number is None:
        return _short(str(value))
    decimals = min(max(-number.normalize().as_tuple().exponent, 0), MAX_DECIMALS)
    return format_number(number, decimals)


def show(spec: Spec, value) -> str:
    """One value as the reader reads it, by the kind of its field; a value of another shape
    than its field has (an older entry) falls back to its shape."""
    if _is_empty(value):
        return EMPTY
    try:
        shown = _by_kind(spec, value)
    except (ValueError, TypeError, ArithmeticError, OverflowError):
        shown = None
    return _short(shown) if shown is not None else text_of(value)


def _by_kind(spec: Spec, value) -> str | None:
    kind = spec.kind
    if kind == "choice":
        label = spec.choices.get(str(value))
        return str(label) if label is not None else None
    if kind == "bool":
        if value in (True, False, "True", "False"):  # 1 and 0 too, as older entries hold
            return yes_no(value in (True, "True"))
        return None
    if kind == "person" and isinstance(value, int) and not isinstance(value, bool):
        return f"#{value}"  # an entry that kept only the id
    if kind in ("date", "datetime", "time") and isinstance(value, str):
        parser = {"date": parse_date, "datetime": parse_datetime, "time": parse_time}[kind]
        moment = parser(value)
        if moment is None and kind == "date":
            moment = parse_datetime(value)
        return _moment(moment) if moment is not None else None
    if kind == "money" and spec.currency and _decimal(value) is not None:
        return format_money(_decimal(value), spec.currency)
    if kind in ("number", "money") and _decimal(value) is not None:
        return _number(value)
    if kind == "list" and isinstance(value, list | tuple):
        if spec.choices:
            return join_naturally([str(spec.choices.get(str(item), item)) for item in value])
        return None
    if kind == "text" and isinstance(value, str):
        return value
    return None


# Labels


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError, TypeError):
        return None


def _model_field(label: str):
    model_label, _dot, name = label.rpartition(".")
    model = _model(model_label)
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _field_kind(model_field) -> str:
    if model_field.many_to_many or model_field.one_to_many:
        return "list"
    if model_field.is_relation:
        return "person"
    if getattr(model_field, "flatchoices", None):
        return "choice"
    kinds = [
        (models.BooleanField, "bool"),
        (models.DateTimeField, "datetime"),
        (models.DateField, "date"),
        (models.TimeField, "time"),
        (models.DecimalField, "number"),
        (models.FloatField, "number"),
        (models.IntegerField, "number"),
        (models.CharField, "text"),
        (models.TextField, "text"),
    ]
    return next((kind for cls, kind in kinds if isinstance(model_field, cls)), "auto")


def _spec_of_field(model_field, currency: str) -> Spec:
    kind = _field_kind(model_field)
    choices = {
        str(value): label for value, label in getattr(model_field, "flatchoices", None) or ()
    }
    model = getattr(model_field, "model", None)
    has_currency = model is not None and any(
        item.name == "currency" for item in model._meta.concrete_fields
    )
    if kind == "number" and isinstance(model_field, models.DecimalField) and has_currency:
        kind = "money"
    label = getattr(model_field, "verbose_name", "") or model_field.name
    return Spec(capfirst(str(label)), kind, choices, currency)


def _field_of(models_in_turn, name: str):
    for model in models_in_turn:
        if model is None:
            continue
        try:
            return model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
    return None


def _related_models(model) -> list:
    """The models a record's own relations lead to (a report's receipts, a meeting's
    participants): services record some of their fields on the record's entry."""
    if model is None:
        return []
    found = []
    for relation in model._meta.get_fields():
        related = getattr(relation, "related_model", None)
        if relation.is_relation and related is not None and related is not model:
            found.append(related)
    return found


def register_key_source(source) -> None:
    """Let an app name the keys it writes that are no model field: ``source(name)`` returns
    the key's ``Spec`` (label, kind, choices) or None when the key is not its own."""
    if source not in _key_sources:
        _key_sources.append(source)


def _from_sources(name: str) -> Spec | None:
    for source in _key_sources:
        try:
            found = source(name)
        except Exception:  # an app's source must not break the panel  # noqa: S112
            continue
        if found is not None:
            return found
    return None


def spec_for(name: str, action: str = "", target_type: str = "", currency: str = "") -> Spec:
    """How the key ``name`` of an entry about a ``target_type`` record reads."""
    target = _model(target_type)
    model_field = _field_of((_model(ACTION_MODELS.get(action, "")), target), name)
    if model_field is None and name not in KEY_LABELS:
        model_field = _field_of(_related_models(target), name)
    if model_field is not None:
        return _spec_of_field(model_field, currency)
    registered = _from_sources(name)
    if registered is not None:
        return registered
    if name in KEY_LABELS:
        label, kind, borrowed = KEY_LABELS[name]
        lent = _model_field(borrowed) if borrowed else None
        return _spec_of_field(lent, currency) if lent else Spec(str(label), kind)
    if name.startswith(ROLE_PREFIX):
        role = _model_field(ROLE_FIELD)
        choices = {str(value): text for value, text in (role.flatchoices if role else ())}
        label = _("Role in %(department)s") % {"department": name[len(ROLE_PREFIX) :]}
        return Spec(label, "choice", choices)
    moment = _parse_moment(name)
    if moment is not None:
        return Spec(_moment(moment), "number")
    return Spec(capfirst(name.replace("_", " ")) if name else EMPTY)


# Entries


def describe(entry) -> EntryView:
    """The summary and lines for an entry; an unknown shape gets a plain summary."""
    try:
        return _describe(
            str(getattr(entry, "action", "") or ""),
            getattr(entry, "changes", None),
            str(getattr(entry, "target_type", "") or ""),
        )
    except Exception:  # a stored value no rule foresaw must not break the page
        return EntryView(summary=_("Details of this entry cannot be shown."))


def _describe(action: str, changes, target_type: str = "") -> EntryView:
    if action in SUMMARIES:
        return EntryView(summary=str(SUMMARIES[action]))
    if action == "access.denied":
        wanted = changes.get("action") if isinstance(changes, dict) else None
        return EntryView(
            summary=_("Access was refused (%(action)s).") % {"action": _wanted(wanted)}
        )
    if isinstance(changes, dict) and "format" in changes and _is_export(action, changes):
        return EntryView(summary=_export_summary(changes))
    summary = str(ACTION_SUMMARIES.get(action, ""))
    if isinstance(changes, dict):
        before, after = _currencies(changes)
        lines = [
            _line(spec_for(str(name), action, target_type, after), value, before)
            for name, value in changes.items()
        ]
        return EntryView(summary=summary, lines=lines)
    if _is_empty(changes):
        return EntryView(summary=summary)
    return EntryView(summary=_("Recorded details: %(details)s") % {"details": text_of(changes)})


def _wanted(action) -> str:
    word = ACTION_WORDS.get(action) if isinstance(action, str) else None
    return str(word) if word is not None else text_of(action)


def _currencies(changes: dict) -> tuple[str, str]:
    """The currency of an entry's amounts before and after (when the entry names it)."""
    value = changes.get("currency")
    pair = list(value) if isinstance(value, list | tuple) and len(value) == 2 else [value, value]

    def code(item) -> str:
        return item if isinstance(item, str) and item.isalpha() and len(item) == 3 else ""

    return code(pair[0]) or code(pair[1]), code(pair[1]) or code(pair[0])


def _is_export(action: str, changes: dict) -> bool:
    return action.endswith("export") or set(changes) <= {"format", "rows"}


def _export_summary(changes: dict) -> str:
    file_format = text_of(changes.get("format")).upper()
    rows = changes.get("rows")
    if isinstance(rows, int) and not isinstance(rows, bool):
        return ngettext(
            "Exported %(count)s row as %(format)s.", "Exported %(count)s rows as %(format)s.", rows
        ) % {"count": format_number(rows), "format": file_format}
    return _("Exported as %(format)s.") % {"format": file_format}


def _is_pair(spec: Spec, value) -> bool:
    """Whether a value is a change ``[before, after]`` (a list field's own value, as older
    entries hold one, has no list or empty side)."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return False
    if spec.kind != "list":
        return True
    return any(
        side is None or isinstance(side, list | tuple) or str(side).startswith("[")
        for side in value
    )


def _line(spec: Spec, value, currency_before: str = "") -> ChangeLine:
    if _is_pair(spec, value):
        earlier = replace(spec, currency=currency_before or spec.currency)
        before, after = show(earlier, value[0]), show(spec, value[1])
        return ChangeLine(spec.label, after, before=before, is_change=True)
    return ChangeLine(spec.label, show(spec, value))


def dates_written(text) -> str:
    """A text the application stored (a record's name in the trail, a notification), its ISO
    dates written as the reader writes them; it is kept as it is if anything is odd."""
    try:
        return _dates_written(str(text or ""))
    except Exception:  # a stored text must not break the page
        return str(text or "")


def changed_labels(entry) -> str:
    """The labels of the fields an entry changed, joined (for one-line feeds)."""
    try:
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        action, target_type = str(entry.action or ""), str(entry.target_type or "")
        names = [spec_for(str(name), action, target_type) for name in changes]
        return _short(join_naturally([spec.label for spec in names]))
    except Exception:  # a feed line must not break on an odd entry
        return ""
