"""Creating, changing and deleting steps."""

from decimal import Decimal

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.work.models import Step
from deptcoord.work.services.common import record_created, record_deleted, save_with_audit, today
from deptcoord.work.services.step_checks import STEP_FIELDS, check_step

EXTRA_FIELDS = ("recurring", "occurrence")


@transaction.atomic
def step_create(
    *,
    actor: Actor,
    department,
    title_en: str = "",
    title_vi: str = "",
    project=None,
    assignee=None,
    start=None,
    due=None,
    effort_hours: Decimal | int | str = 0,
    priority: int = Step.Priority.MEDIUM,
    is_milestone: bool = False,
    description: str = "",
    status: str = Step.Status.TODO,
    progress: int = 0,
    **more,
) -> Step:
    """Create a step owned by ``department``, in ``project`` or on its own (a department
    activity). Other apps use this too: a meeting's action item becomes a step."""
    unknown = set(more) - set(EXTRA_FIELDS)
    if unknown:
        raise TypeError(f"Unknown step fields: {sorted(unknown)}")
    authorize(actor, Action.CHANGE, Step(department=department, project=project))
    data = {name: value for name, value in locals().items() if name in STEP_FIELDS}
    cleaned = check_step(data)
    step = Step(**cleaned, **more, created_by=actor.person)
    if step.status == Step.Status.DONE:
        step.completed_on = today()
    step.save()
    record_created(actor, step, STEP_FIELDS, "work.step.create", step.department_id)
    recheck_reach(actor, step, Action.VIEW)
    return step


def apply_step_changes(actor: Actor, step: Step, changes: dict, action: str) -> dict:
    """Validate and save changes to a locked step; return what changed (for the caller's
    follow-ups: slips, notifications)."""
    unknown = set(changes) - set(STEP_FIELDS)
    if unknown:
        raise TypeError(f"Unknown step fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(step, field)) for field in STEP_FIELDS}
    reopened = step.status == Step.Status.DONE and changes.get("status") not in (None, "done")
    if reopened and "progress" not in changes:
        data["progress"] = min(step.progress, 90)
    cleaned = check_step(data, instance=step)
    before = snapshot(step, STEP_FIELDS)
    for field, value in cleaned.items():
        setattr(step, field, value)
    if step.status == Step.Status.DONE and step.completed_on is None:
        step.completed_on = today()
    elif step.status != Step.Status.DONE:
        step.completed_on = None
    return save_with_audit(actor, step, before, STEP_FIELDS, action, step.department_id)


@transaction.atomic
def step_update(*, actor: Actor, step_id: int, expected_version: int | None, **changes) -> Step:
    """Change any of a step's fields (those who run its department, or its project)."""
    step = lock(Step, step_id)
    authorize(actor, Action.CHANGE, step)
    check_version(step, expected_version)
    apply_step_changes(actor, step, changes, "work.step.update")
    recheck_reach(actor, step, Action.VIEW)
    return step


@transaction.atomic
def step_delete(*, actor: Actor, step_id: int, expected_version: int | None = None) -> None:
    """Delete a step with its links, time entries and comments."""
    step = lock(Step, step_id)
    authorize(actor, Action.DELETE, step)
    check_version(step, expected_version)
    record_deleted(actor, step, STEP_FIELDS, "work.step.delete", step.department_id)
    step.delete()
