"""Recurring department activities and the steps they generate ahead of time."""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import SYSTEM, Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.work import messages
from deptcoord.work.models import RecurringActivity, Step
from deptcoord.work.recurrence import RecurrenceError, occurrences, parse_rule
from deptcoord.work.services.common import (
    record_created,
    record_deleted,
    save_with_audit,
    today,
)
from deptcoord.work.services.step_checks import belongs
from deptcoord.work.validation import add, check_effort, check_titles, raise_if, to_date

RECURRING_FIELDS = [
    "department",
    "project",
    "title_en",
    "title_vi",
    "description",
    "rrule",
    "starts_on",
    "effort_hours",
    "assignee",
    "lead_days",
    "is_active",
]


def check_recurring(data: dict) -> dict:
    """Validate a recurring activity; return the cleaned values."""
    errors: dict = {}
    cleaned = dict(data)
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned["description"] = (data.get("description") or "").strip()
    cleaned["effort_hours"] = check_effort(errors, data.get("effort_hours"))
    cleaned["starts_on"] = to_date(errors, "starts_on", data.get("starts_on")) or today()
    rule = (data.get("rrule") or "").strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    cleaned["rrule"] = rule
    if not rule:
        add(errors, "rrule", messages.REQUIRED)
    else:
        try:
            parse_rule(rule, cleaned["starts_on"])
        except RecurrenceError as error:
            message = messages.RRULE_TOO_OFTEN if error.reason == "too_often" else None
            add(errors, "rrule", message or messages.RRULE_INVALID % {"value": rule[:100]})
    try:
        lead = int(data.get("lead_days") if data.get("lead_days") not in (None, "") else 14)
    except (TypeError, ValueError):
        lead = -1
    if not 0 <= lead <= 366:
        add(errors, "lead_days", messages.LEAD_DAYS_RANGE)
    cleaned["lead_days"] = lead
    department, assignee = data.get("department"), data.get("assignee")
    if department is None:
        add(errors, "department", messages.REQUIRED)
    elif assignee is not None and not belongs(assignee, department):
        add(
            errors,
            "assignee",
            messages.ASSIGNEE_OUTSIDE % {"name": assignee, "department": department},
        )
    cleaned["is_active"] = bool(data.get("is_active", True))
    raise_if(errors)
    return cleaned


@transaction.atomic
def recurring_create(
    *,
    actor: Actor,
    department,
    rrule: str,
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    starts_on=None,
    effort_hours: Decimal | int | str = 0,
    assignee=None,
    lead_days: int = 14,
    project=None,
    is_active: bool = True,
) -> RecurringActivity:
    """Set up an activity that comes back on a rule, and create its first steps."""
    authorize(actor, Action.CHANGE, RecurringActivity(department=department))
    data = {name: value for name, value in locals().items() if name in RECURRING_FIELDS}
    activity = RecurringActivity.objects.create(**check_recurring(data))
    record_created(
        actor, activity, RECURRING_FIELDS, "work.recurring.create", activity.department_id
    )
    recurring_generate(activity=activity)
    return activity


@transaction.atomic
def recurring_update(
    *, actor: Actor, activity_id: int, expected_version: int | None = None, **changes
) -> RecurringActivity:
    """Change a recurring activity (steps already created stay as they are)."""
    activity = lock(RecurringActivity, activity_id)
    authorize(actor, Action.CHANGE, activity)
    check_version(activity, expected_version)
    unknown = set(changes) - set(RECURRING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(activity, field)) for field in RECURRING_FIELDS}
    cleaned = check_recurring(data)
    before = snapshot(activity, RECURRING_FIELDS)
    for field in RECURRING_FIELDS:
        setattr(activity, field, cleaned[field])
    save_with_audit(
        actor, activity, before, RECURRING_FIELDS, "work.recurring.update", activity.department_id
    )
    recurring_generate(activity=activity)
    return activity


@transaction.atomic
def recurring_delete(*, actor: Actor, activity_id: int, expected_version=None) -> None:
    """Stop and remove a recurring activity; the steps it created stay."""
    activity = lock(RecurringActivity, activity_id)
    authorize(actor, Action.DELETE, activity)
    check_version(activity, expected_version)
    record_deleted(
        actor, activity, RECURRING_FIELDS, "work.recurring.delete", activity.department_id
    )
    activity.delete()


def recurring_generate(*, activity: RecurringActivity, on=None) -> list[Step]:
    """Create the steps of the occurrences due within the activity's lead days (each once)."""
    if not activity.is_active:
        return []
    on = on or today()
    first = max(activity.starts_on, on)
    if activity.generated_until is not None:
        first = max(first, activity.generated_until + timedelta(days=1))
    last = on + timedelta(days=activity.lead_days)
    created = []
    existing = set(activity.steps.values_list("occurrence", flat=True))
    for day in occurrences(activity.rrule, activity.starts_on, first, last):
        if day in existing:
            continue
        try:
            with transaction.atomic():
                created.append(step_for_occurrence(activity, day))
        except IntegrityError:
            continue
    if last != activity.generated_until:
        RecurringActivity.objects.filter(pk=activity.pk).update(generated_until=last)
        activity.generated_until = last
    return created


def step_for_occurrence(activity: RecurringActivity, day) -> Step:
    """One occurrence's step (created by the system: the activity was authorised)."""
    from deptcoord.work.services.steps import step_create

    assignee = activity.assignee
    if assignee is not None and not (assignee.is_active and belongs(assignee, activity.department)):
        assignee = None
    project = activity.project if activity.project and activity.project.is_open else None
    return step_create(
        actor=SYSTEM,
        department=activity.department,
        project=project,
        title_en=activity.title_en,
        title_vi=activity.title_vi,
        description=activity.description,
        assignee=assignee,
        start=day,
        due=day,
        effort_hours=activity.effort_hours,
        recurring=activity,
        occurrence=day,
    )
