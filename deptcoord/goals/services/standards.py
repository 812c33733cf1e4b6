"""Department standards and their measurements; a breach notifies the owner and coordinators."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils.functional import lazy

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.goals import messages
from deptcoord.goals.formatting import format_measure
from deptcoord.goals.models import Measurement, Standard
from deptcoord.goals.models.choices import STANDARD_METRICS
from deptcoord.goals.periods import measurement_label, measurement_period
from deptcoord.goals.services.common import (
    may_see,
    plain_number,
    record_created,
    save_with_audit,
)
from deptcoord.goals.services.common import today as local_today
from deptcoord.goals.validation import (
    add,
    check_choice,
    check_currency,
    check_number,
    check_titles,
    raise_if,
)
from deptcoord.notices.notifications import notify
from deptcoord.org.models import Membership

STANDARD_FIELDS = [
    "title_en",
    "title_vi",
    "description",
    "metric",
    "unit",
    "currency",
    "comparison",
    "threshold",
    "frequency",
    "owner",
    "is_active",
]
LONGEST_NOTE = 500


def is_breached(standard: Standard, value: Decimal) -> bool:
    """Whether a value falls on the wrong side of the standard's threshold."""
    if standard.comparison == Standard.Comparison.AT_LEAST:
        return value < standard.threshold
    return value > standard.threshold


def check_standard(data: dict, department) -> dict:
    """Validate a standard's fields; return the cleaned values (all STANDARD_FIELDS)."""
    errors: dict = {}
    cleaned = {name: data.get(name) for name in STANDARD_FIELDS}
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned["description"] = (data.get("description") or "").strip()
    metric = cleaned["metric"]
    if metric not in STANDARD_METRICS:
        add(errors, "metric", messages.THRESHOLD_METRIC)
    cleaned["currency"] = check_currency(errors, metric, data.get("currency"))
    cleaned["unit"] = (data.get("unit") or "").strip()[:30]
    for name, choices in (
        ("comparison", Standard.Comparison.values),
        ("frequency", Standard.Frequency.values),
    ):
        cleaned[name] = check_choice(errors, name, data.get(name), choices)
    cleaned["threshold"] = check_number(errors, "threshold", data.get("threshold"))
    cleaned["is_active"] = bool(data.get("is_active", True))
    owner = cleaned["owner"]
    if owner is None:
        add(errors, "owner", messages.OWNER_REQUIRED)
    elif not owner.is_active:
        add(errors, "owner", messages.OWNER_INACTIVE % {"name": owner})
    elif department is not None and not may_see(owner, Standard(department=department)):
        add(errors, "owner", messages.OWNER_CANNOT_SEE % {"name": owner})
    if department is None:
        add(errors, "department", messages.REQUIRED)
    elif not department.is_active:
        add(errors, "department", messages.DEPARTMENT_INACTIVE)
    raise_if(errors)
    return cleaned


@transaction.atomic
def standard_create(
    *,
    actor: Actor,
    department,
    owner,
    threshold,
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    metric: str = "percent",
    unit: str = "",
    currency: str = "",
    comparison: str = Standard.Comparison.AT_LEAST,
    frequency: str = Standard.Frequency.WEEKLY,
) -> Standard:
    """Define a standard the department keeps, e.g. "tickets answered within 24 h ≥ 95 %"."""
    data = {
        "title_en": title_en,
        "title_vi": title_vi,
        "description": description,
        "metric": metric,
        "unit": unit,
        "currency": currency,
        "comparison": comparison,
        "threshold": threshold,
        "frequency": frequency,
        "owner": owner,
        "is_active": True,
    }
    authorize(actor, Action.CHANGE, Standard(department=department, owner=owner))
    standard = Standard(department=department, **check_standard(data, department))
    standard.save()
    record_created(actor, standard, STANDARD_FIELDS, "goals.standard.create", department.pk)
    return standard


@transaction.atomic
def standard_update(
    *, actor: Actor, standard_id: int, expected_version: int | None, **changes
) -> Standard:
    """Change a standard (a new threshold re-marks the breaches of its measurements)."""
    standard = lock(Standard, standard_id)
    authorize(actor, Action.CHANGE, standard)
    check_version(standard, expected_version)
    unknown = set(changes) - set(STANDARD_FIELDS)
    if unknown:
        raise TypeError(f"Unknown standard fields: {sorted(unknown)}")
    data = {name: changes.get(name, getattr(standard, name)) for name in STANDARD_FIELDS}
    cleaned = check_standard(data, standard.department)
    before = snapshot(standard, STANDARD_FIELDS)
    for name, value in cleaned.items():
        setattr(standard, name, value)
    changed = save_with_audit(
        actor, standard, before, STANDARD_FIELDS, "goals.standard.update", standard.department_id
    )
    if {"threshold", "comparison"} & set(changed):
        measurements = list(standard.measurements.all())
        for measurement in measurements:
            measurement.breached = is_breached(standard, measurement.value)
        Measurement.objects.bulk_update(measurements, ["breached"], batch_size=500)
    return standard


@transaction.atomic
def measurement_record(
    *, actor: Actor, standard_id: int, day: date | None, value, note: str = ""
) -> Measurement:
    """Record the standard's value for the period containing ``day`` (recording a period again
    corrects it). A new breach notifies the owner and the department's coordinators."""
    standard = lock(Standard, standard_id)
    authorize(actor, Action.MEASURE, standard)
    errors: dict = {}
    amount = check_number(errors, "value", value)
    note = (note or "").strip()
    if len(note) > LONGEST_NOTE:
        add(errors, "note", messages.NOTE_TOO_LONG)
    if day is None:
        add(errors, "day", messages.DAY_REQUIRED)
    elif measurement_period(standard.frequency, day) > local_today():
        add(errors, "day", messages.MEASUREMENT_IN_FUTURE)
    raise_if(errors)
    start = measurement_period(standard.frequency, day)
    measurement = Measurement.objects.select_for_update().filter(
        standard=standard, period_start=start
    ).first() or Measurement(standard=standard, period_start=start, value=amount)
    was_breached = measurement.pk is not None and measurement.breached
    previous = None if measurement.pk is None else plain_number(measurement.value)
    measurement.value, measurement.note = amount, note
    measurement.breached = is_breached(standard, amount)
    measurement.recorded_by = actor.person
    measurement.save()
    audit_record(
        actor=actor,
        kind="update",
        action="goals.standard.measure",
        target=standard,
        changes={start.isoformat(): [previous, plain_number(measurement.value)]},
        department_id=standard.department_id,
    )
    if measurement.breached and not was_breached:
        _notify_breach(standard, measurement)
    return measurement


def _notify_breach(standard: Standard, measurement: Measurement) -> None:
    """Tell the owner and the department's coordinators (or its head when it has none)."""
    leaders = Membership.objects.filter(department=standard.department_id).select_related("person")
    coordinators = [m.person for m in leaders if m.role == Membership.Role.COORDINATOR]
    heads = [m.person for m in leaders if m.role == Membership.Role.HEAD]
    recipients = {standard.owner_id: standard.owner}
    for person in coordinators or heads:
        recipients.setdefault(person.pk, person)

    def shown(value):
        return format_measure(value, standard.metric, standard.unit, standard.currency)

    params = {
        "standard": lazy(lambda: standard.title, str)(),
        "value": lazy(lambda: shown(measurement.value), str)(),
        "threshold": lazy(lambda: f"{standard.comparison_sign} {shown(standard.threshold)}", str)(),
        "period": lazy(
            lambda: measurement_label(standard.frequency, measurement.period_start), str
        )(),
    }
    url = reverse("goals:standard_detail", kwargs={"pk": standard.pk})
    for person in recipients.values():
        notify(
            recipient=person,
            kind="goals.standard_breached",
            message=messages.STANDARD_BREACHED,
            params=params,
            url=url,
            target=standard,
        )
