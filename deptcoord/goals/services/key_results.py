"""Adding, changing and removing a goal's key results."""

from decimal import Decimal

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.goals import messages
from deptcoord.goals.models import Direction, Goal, KeyResult, Metric
from deptcoord.goals.services.common import (
    may_see,
    record_created,
    record_deleted,
    save_with_audit,
)
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.rollup import rollup_refresh
from deptcoord.goals.validation import (
    add,
    check_measure,
    check_titles,
    check_weight,
    raise_if,
    short_date,
)
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.search.indexing import index_record, unindex_record

KEY_RESULT_FIELDS = [
    "title_en",
    "title_vi",
    "metric",
    "unit",
    "currency",
    "milestones",
    "start_value",
    "target_value",
    "direction",
    "weight",
    "owner",
    "start_date",
    "due_date",
]


def check_key_result(data: dict, goal: Goal, instance: KeyResult | None = None) -> dict:
    """Validate a key result of ``goal``; return the cleaned values (all KEY_RESULT_FIELDS)."""
    errors: dict = {}
    cleaned = dict.fromkeys(KEY_RESULT_FIELDS)
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned.update(check_measure(errors, data))
    cleaned["weight"] = check_weight(errors, data.get("weight"))
    cleaned["owner"] = owner = data.get("owner")
    if owner is None:
        add(errors, "owner", messages.OWNER_REQUIRED)
    elif not owner.is_active:
        add(errors, "owner", messages.OWNER_INACTIVE % {"name": owner})
    elif not may_see(owner, goal):
        add(errors, "owner", messages.OWNER_CANNOT_SEE % {"name": owner})
    cleaned["start_date"], cleaned["due_date"] = data.get("start_date"), data.get("due_date")
    _check_dates(errors, goal, cleaned["start_date"], cleaned["due_date"])
    metric_changed = instance is not None and cleaned["metric"] != instance.metric
    if metric_changed and instance.check_ins.exists():
        add(errors, "metric", messages.METRIC_LOCKED)
    raise_if(errors)
    return cleaned


def _check_dates(errors: dict, goal: Goal, start_date, due_date) -> None:
    """A key result's own dates fall within its goal's period."""
    if start_date is not None and start_date < goal.period_start:
        day = short_date(goal.period_start)
        add(errors, "start_date", messages.KEY_RESULT_STARTS_EARLY % {"day": day})
    if due_date is not None and due_date > goal.period_end:
        add(errors, "due_date", messages.KEY_RESULT_DUE_LATE % {"day": short_date(goal.period_end)})
    first, last = start_date or goal.period_start, due_date or goal.period_end
    if "start_date" not in errors and "due_date" not in errors and last <= first:
        add(errors, "due_date", messages.KEY_RESULT_DATES_ORDER)


@transaction.atomic
def key_result_create(
    *,
    actor: Actor,
    goal: Goal,
    owner,
    title_en: str = "",
    title_vi: str = "",
    metric: str = Metric.NUMBER,
    unit: str = "",
    currency: str = "",
    milestones: str = "",
    start_value: Decimal | None = None,
    target_value: Decimal | None = None,
    direction: str = Direction.INCREASE,
    weight: Decimal | int = 1,
    start_date=None,
    due_date=None,
) -> KeyResult:
    """Give a goal a measurable key result; its current value starts at its start value."""
    data = {name: value for name, value in locals().items() if name in KEY_RESULT_FIELDS}
    goal = lock(Goal, goal.pk)
    authorize(actor, Action.CHANGE, goal)
    cleaned = check_key_result(data, goal)
    key_result = KeyResult.objects.create(
        goal=goal, current_value=cleaned["start_value"], **cleaned
    )
    record_created(
        actor, key_result, KEY_RESULT_FIELDS, "goals.key_result.create", goal.department_id
    )
    outlook_refresh(key_results=[key_result])
    rollup_refresh(goal_ids=[goal.pk])
    index_record(key_result)
    recheck_reach(actor, key_result, Action.CHANGE)
    return key_result


@transaction.atomic
def key_result_update(
    *, actor: Actor, key_result_id: int, expected_version: int | None, **changes
) -> KeyResult:
    """Change a key result's titles, measure, owner, weight or dates."""
    key_result = lock(KeyResult, key_result_id)
    authorize(actor, Action.CHANGE, key_result)
    check_version(key_result, expected_version)
    unknown = set(changes) - set(KEY_RESULT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown key-result fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(key_result, field)) for field in KEY_RESULT_FIELDS}
    cleaned = check_key_result(data, key_result.goal, instance=key_result)
    before = snapshot(key_result, KEY_RESULT_FIELDS)
    for field, value in cleaned.items():
        setattr(key_result, field, value)
    if key_result.last_check_in_on is None:
        key_result.current_value = key_result.start_value
    changed = save_with_audit(
        actor,
        key_result,
        before,
        KEY_RESULT_FIELDS,
        "goals.key_result.update",
        key_result.goal.department_id,
    )
    if changed:
        outlook_refresh(key_results=[key_result])
        rollup_refresh(goal_ids=[key_result.goal_id])
        index_record(key_result)
    recheck_reach(actor, key_result, Action.CHANGE)
    return key_result


@transaction.atomic
def key_result_delete(
    *, actor: Actor, key_result_id: int, expected_version: int | None = None
) -> None:
    """Remove a key result and its check-ins (the trail keeps what it was)."""
    key_result = lock(KeyResult, key_result_id)
    authorize(actor, Action.DELETE, key_result)
    check_version(key_result, expected_version)
    record_deleted(
        actor,
        key_result,
        KEY_RESULT_FIELDS,
        "goals.key_result.delete",
        key_result.goal.department_id,
    )
    unindex_record(key_result)
    key_result.delete()
    rollup_refresh(goal_ids=[key_result.goal_id])
