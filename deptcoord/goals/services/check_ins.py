"""Checking in on a key result: a new value, a confidence and a note."""

from datetime import date

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import lock
from deptcoord.goals import messages
from deptcoord.goals.models import CheckIn, Confidence, Goal, KeyResult, Metric
from deptcoord.goals.services.common import plain_number
from deptcoord.goals.services.common import today as local_today
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.rollup import rollup_refresh
from deptcoord.goals.validation import add, check_choice, check_number, raise_if, short_date

LATEST_FIELDS = ["current_value", "confidence", "last_check_in_on"]
LONGEST_NOTE = 2000


def check_check_in(key_result: KeyResult, data: dict, today: date) -> dict:
    """Validate a check-in on the key result; return the cleaned value, confidence, note, day."""
    errors: dict = {}
    if key_result.goal.status == Goal.Status.CANCELLED:
        add(errors, "goal", messages.CHECK_IN_ON_CANCELLED)
    value = _check_value(errors, key_result, data.get("value"))
    confidence = check_choice(errors, "confidence", data.get("confidence"), Confidence.values)
    note = (data.get("note") or "").strip()
    if len(note) > LONGEST_NOTE:
        add(errors, "note", messages.NOTE_TOO_LONG)
    day = data.get("day") or today
    if day > today:
        add(errors, "day", messages.CHECK_IN_IN_FUTURE)
    elif day < key_result.starts_on:
        add(
            errors,
            "day",
            messages.CHECK_IN_BEFORE_START % {"day": short_date(key_result.starts_on)},
        )
    raise_if(errors)
    return {"value": value, "confidence": confidence, "note": note, "day": day}


def _check_value(errors: dict, key_result: KeyResult, raw):
    value = check_number(errors, "value", raw)
    if value is None:
        return None
    if key_result.metric == Metric.YES_NO and value not in (0, 1):
        add(errors, "value", messages.YES_NO_VALUE)
    if key_result.metric == Metric.MILESTONE:
        count = len(key_result.milestone_names)
        if value != value.to_integral_value() or not 0 <= value <= count:
            add(errors, "value", messages.MILESTONE_VALUE % {"count": count})
    return value


@transaction.atomic
def check_in_create(
    *,
    actor: Actor,
    key_result_id: int,
    value,
    confidence: str = Confidence.ON_TRACK,
    note: str = "",
    day: date | None = None,
) -> CheckIn:
    """Report a key result's value on a day (today by default); the latest check-in gives its
    current value and confidence, and the forecast is refreshed."""
    key_result = lock(KeyResult, key_result_id)
    authorize(actor, Action.CHECK_IN, key_result)
    today = local_today()
    data = {"value": value, "confidence": confidence, "note": note, "day": day}
    cleaned = check_check_in(key_result, data, today)
    check_in = CheckIn.objects.create(key_result=key_result, author=actor.person, **cleaned)
    latest = key_result.check_ins.order_by("-day", "-id").first()
    key_result.current_value = latest.value
    key_result.confidence = latest.confidence
    key_result.last_check_in_on = latest.day
    key_result.save(update_fields=LATEST_FIELDS)
    changes = {  # the check-in's own fields, which its key result's history names
        "day": [None, check_in.day.isoformat()],
        "value": [None, plain_number(check_in.value)],
        "confidence": [None, check_in.confidence],
    }
    if check_in.note:
        changes["note"] = [None, check_in.note]
    audit_record(
        actor=actor,
        kind="update",
        action="goals.key_result.check_in",
        target=key_result,
        changes=changes,
        department_id=key_result.goal.department_id,
    )
    outlook_refresh(key_results=[key_result], today=today)
    rollup_refresh(goal_ids=[key_result.goal_id])
    return check_in
