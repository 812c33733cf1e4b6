"""Importing key-result actuals and standard measurements from spreadsheets.

As with people, the preview runs the very import inside a transaction and rolls it back, so the
preview shows exactly what the import will do; nothing is saved unless every row is valid.
Actuals become check-ins (the sales system's monthly figures, say); measurements are recorded
for the period containing their date.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action, can, visible
from deptcoord.core.bounds import check_import_date
from deptcoord.goals import messages, services
from deptcoord.goals.models import Confidence, KeyResult, Measurement, Standard
from deptcoord.goals.periods import measurement_period
from deptcoord.goals.validation import to_decimal
from deptcoord.org.imports import ImportReport, RowOutcome

ACTUALS_COLUMNS = ["key_result_id", "value", "date", "confidence", "note"]
MEASUREMENT_COLUMNS = ["standard_id", "date", "value", "note"]
COLUMNS = {"actuals": ACTUALS_COLUMNS, "measurements": MEASUREMENT_COLUMNS}
REQUIRED_COLUMNS = {
    "actuals": {"key_result_id", "value"},
    "measurements": {"standard_id", "date", "value"},
}
UPLOAD_KINDS = {"actuals": "goals.actuals", "measurements": "goals.measurements"}
DATE_PATTERNS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
CURRENCY_MARKS = ("₫", "đ", "VND", "vnd", "%", "\u00a0", " ")


class _Rollback(Exception):
    """Raised to undo a preview, or an import with bad rows."""


def parse_number(text) -> Decimal:
    """A number as people type it: 1200000, 1.200.000, 1,200,000.50, 95,5 %, 300 ₫."""
    cleaned = str(text or "").strip()
    for mark in CURRENCY_MARKS:
        cleaned = cleaned.replace(mark, "")
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(grouping, "").replace(decimal_mark, ".")
    elif cleaned.count(",") > 1 or cleaned.count(".") > 1:
        cleaned = cleaned.replace(",", "").replace(".", "")
    else:
        cleaned = cleaned.replace(",", ".")
    return to_decimal(cleaned)


def parse_date(text) -> date | None:
    """A date written as 2026-11-30, 30/11/2026 or 30-11-2026 (None when empty)."""
    text = str(text or "").strip()
    if not text:
        return None
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def run_import(*, actor, kind: str, rows, commit: bool) -> ImportReport:
    """Import the rows (or only preview them when ``commit`` is false)."""
    handler = {"actuals": _actual_row, "measurements": _measurement_row}[kind]
    report = ImportReport(rows=[])
    try:
        with transaction.atomic():
            for row in rows:
                report.rows.append(_run_row(actor, handler, row))
            if not commit or report.error_rows:
                raise _Rollback
    except _Rollback:
        return report
    report.saved = True
    return report


def _run_row(actor, handler, row) -> RowOutcome:
    outcome = RowOutcome(number=row.number, label="")
    try:
        with transaction.atomic():
            outcome.label, outcome.action = handler(actor, row.values)
    except ValidationError as error:
        outcome.errors.extend(
            (name, str(message))
            for name, problems in error.message_dict.items()
            for message in problems
        )
        outcome.label = outcome.label or next(iter(row.values.values()), "")
    return outcome


def _number(errors: dict, column: str, text) -> Decimal | None:
    try:
        return parse_number(text)
    except ValueError:
        errors[column] = [messages.NOT_A_NUMBER % {"value": text}]
        return None


def _day(errors: dict, text) -> date | None:
    try:
        return check_import_date(errors, "date", parse_date(text))
    except ValueError:
        errors["date"] = [messages.BAD_DATE % {"value": text}]
        return None


def _record(actor, model, text, action: Action):
    """The record with this id if the actor may see it and take the action on it."""
    pk = str(text or "").strip()
    if not pk.isdigit() or len(pk) > 18:
        return None
    found = visible(actor.facts, model.objects.filter(pk=int(pk))).first()
    return found if found is not None and can(actor.facts, action, found) else None


def _actual_row(actor, values: dict) -> tuple[str, str]:
    errors: dict = {}
    key_result = _record(actor, KeyResult, values.get("key_result_id"), Action.CHECK_IN)
    if key_result is None:
        errors["key_result_id"] = [
            messages.NO_SUCH_KEY_RESULT % {"value": values.get("key_result_id", "")}
        ]
    value = _number(errors, "value", values.get("value"))
    day = _day(errors, values.get("date"))
    confidence = (values.get("confidence") or "").strip().lower()
    if confidence and confidence not in Confidence.values:
        errors["confidence"] = [messages.BAD_CONFIDENCE % {"value": confidence}]
    if errors:
        raise ValidationError(errors)
    services.check_in_create(
        actor=actor,
        key_result_id=key_result.pk,
        value=value,
        confidence=confidence or key_result.confidence or Confidence.ON_TRACK,
        note=values.get("note", ""),
        day=day,
    )
    return key_result.title, "create"


def _measurement_row(actor, values: dict) -> tuple[str, str]:
    errors: dict = {}
    standard = _record(actor, Standard, values.get("standard_id"), Action.MEASURE)
    if standard is None:
        errors["standard_id"] = [
            messages.NO_SUCH_STANDARD % {"value": values.get("standard_id", "")}
        ]
    value = _number(errors, "value", values.get("value"))
    day = _day(errors, values.get("date"))
    if day is None and "date" not in errors:
        errors["date"] = [messages.DAY_REQUIRED]
    if errors:
        raise ValidationError(errors)
    existing = Measurement.objects.filter(
        standard=standard, period_start=measurement_period(standard.frequency, day)
    ).first()
    note = values.get("note", "")
    services.measurement_record(
        actor=actor, standard_id=standard.pk, day=day, value=value, note=note
    )
    if existing is None:
        return standard.title, "create"
    same = existing.value == value.quantize(Decimal("0.0001")) and existing.note == note.strip()
    return standard.title, "unchanged" if same else "update"
