"""Recording extra hours a person agreed to work for a stretch of days."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.org import messages
from deptcoord.org.models import ExtraHours, Person

EXTRA_HOURS_FIELDS = ["person", "first_day", "last_day", "hours_per_week", "reason"]
MOST_PER_WEEK = Decimal(80)


def _hours(value) -> Decimal:
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({"hours_per_week": [messages.EXTRA_HOURS_RANGE]}) from None
    if not 0 < hours <= MOST_PER_WEEK:
        raise ValidationError({"hours_per_week": [messages.EXTRA_HOURS_RANGE]})
    return hours


@transaction.atomic
def extra_hours_agree(
    *,
    actor: Actor,
    person: Person,
    first_day: date,
    last_day: date,
    hours_per_week,
    reason: str = "",
) -> ExtraHours:
    """Record that the person works ``hours_per_week`` more from the first to the last day."""
    authorize(actor, Action.ADD_TIME_OFF, person)
    if first_day is None or last_day is None or last_day < first_day:
        raise ValidationError({"last_day": [messages.EXTRA_HOURS_ORDER]})
    agreed = ExtraHours.objects.create(
        person=person,
        first_day=first_day,
        last_day=last_day,
        hours_per_week=_hours(hours_per_week),
        reason=(reason or "").strip()[:300],
        created_by=actor.person,
    )
    audit_record(
        actor=actor,
        kind="create",
        action="org.extra_hours.agree",
        target=agreed,
        changes=diff({}, snapshot(agreed, EXTRA_HOURS_FIELDS)),
        department_id=person.primary_department_id,
    )
    return agreed
