"""Importing key-result actuals and standard measurements from spreadsheets, through the
import flow of ``deptcoord.core.imports`` (preview first, nothing saved unless every row is
valid). Actuals become check-ins (the sales system's monthly figures, say); measurements are
recorded for the period containing their date.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, can, visible
from deptcoord.core.bounds import check_import_date
from deptcoord.core.imports import (
    ImportKind,
    ImportReport,
    RowOutcome,
    register_import_kind,
    row_errors,
    run_rows,
    upload_target,
)
from deptcoord.core.validation import NumberError, parse_decimal
from deptcoord.goals import access, messages, services
from deptcoord.goals.models import Confidence, KeyResult, Measurement, Standard
from deptcoord.goals.periods import measurement_period

ACTUALS_COLUMNS = ["key_result_id", "value", "date", "confidence", "note"]
MEASUREMENT_COLUMNS = ["standard_id", "date", "value", "note"]
COLUMNS = {"actuals": ACTUALS_COLUMNS, "measurements": MEASUREMENT_COLUMNS}
REQUIRED_COLUMNS = {
    "actuals": {"key_result_id", "value"},
    "measurements": {"standard_id", "date", "value"},
}
DATE_PATTERNS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
LABELS = {
    "key_result_id": _("Key result ID"),
    "standard_id": _("Standard ID"),
    "value": _("Value"),
    "date": _("Date"),
    "confidence": _("Confidence"),
    "note": _("Note"),
}
EXAMPLES = {
    "actuals": {"key_result_id": "123", "value": "1200000000", "date": "2026-11-30"},
    "measurements": {"standard_id": "45", "date": "2026-11-30", "value": "95.5"},
}


def _allowed(kind: str):
    def allowed(facts, scope) -> dict:
        return {"confidence": list(Confidence.values)} if kind == "actuals" else {}

    return allowed


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

    def fill(report: ImportReport) -> None:
        for row in rows:
            report.rows.append(_run_row(actor, handler, row))

    return run_rows(fill, commit=commit)


def _run_row(actor, handler, row) -> RowOutcome:
    outcome = RowOutcome(number=row.number, label="")
    try:
        with transaction.atomic():
            outcome.label, outcome.action = handler(actor, row.values)
    except ValidationError as error:
        outcome.errors.extend(row_errors(error))
        outcome.label = outcome.label or next(iter(row.values.values()), "")
    return outcome


def _number(errors: dict, column: str, text) -> Decimal | None:
    try:
        return parse_decimal(text, units=True)
    except NumberError as error:
        errors[column] = [str(error)]
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


DONE = _("Import done: %(created)s recorded, %(updated)s corrected, %(unchanged)s unchanged.")


def _register(kind: str, done_url: str) -> None:
    def run(*, actor, rows, commit, scope) -> ImportReport:
        return run_import(actor=actor, kind=kind, rows=rows, commit=commit)

    register_import_kind(
        ImportKind(
            name=f"goals.{kind}",
            columns=COLUMNS[kind],
            required=REQUIRED_COLUMNS[kind],
            run=run,
            target=lambda facts, scope: upload_target(f"goals.{kind}"),
            done_message=DONE,
            done_url=lambda scope: reverse(done_url),
            importers=access.IMPORTERS,
            labels={column: LABELS[column] for column in COLUMNS[kind]},
            example=EXAMPLES[kind],
            allowed=_allowed(kind),
        )
    )


_register("actuals", "goals:list")
_register("measurements", "goals:standards")
