"""Applying a plan: its steps get the proposed dates and assignees in one transaction."""

from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import formats, timezone

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import lock
from deptcoord.planning import messages
from deptcoord.planning.builder import pk_of
from deptcoord.planning.models import PlanRun
from deptcoord.planning.services.assumptions import forget_own_edits, record_assumption
from deptcoord.work.models import Step

STEP_FIELDS = ["start", "due", "assignee"]
CHANGED_SINCE = "changed"
DELETED_SINCE = "deleted"


def _proposals(run: PlanRun) -> dict[int, tuple]:
    """Step id → (start date, due date, person id) from the run's schedule."""
    found = {}
    for scheduled in run.result["plan"]["steps"]:
        found[pk_of(scheduled["step_id"])] = (
            run.start + timedelta(days=scheduled["start_day"]),
            run.start + timedelta(days=scheduled["finish_day"]),
            pk_of(scheduled["person_id"]),
        )
    return found


def _apply_step(actor: Actor, run: PlanRun, step: Step, proposal: tuple) -> bool:
    """Write one step's proposal with its audit entry; whether anything changed (the step's
    version moves on when it did)."""
    before = snapshot(step, STEP_FIELDS)
    step.start, step.due, step.assignee_id = proposal
    changes = diff(before, snapshot(step, STEP_FIELDS))
    if not changes:
        return False
    step.version += 1
    step.save(update_fields=["start", "due", "assignee", "version"])
    audit_record(
        actor=actor,
        kind="update",
        action="planning.run.apply_step",
        target=step,
        changes=changes,
        department_id=step.department_id,
    )
    return True


@transaction.atomic
def plan_run_apply(*, actor: Actor, run_id: int) -> PlanRun:
    """Give the steps the plan's dates and assignees; steps edited since the run was made are
    reported as conflicts and left as they are. A what-if's assumption (extra hours, a moved
    deadline, a postponed goal) is recorded as well, so the next plan starts from it."""
    run = lock(PlanRun, run_id)
    authorize(actor, Action.APPLY_PLAN, run)
    if run.applied_at is not None:
        when = formats.date_format(timezone.localtime(run.applied_at).date(), "SHORT_DATE_FORMAT")
        raise ValidationError({NON_FIELD_ERRORS: [messages.ALREADY_APPLIED % {"date": when}]})
    if run.status != PlanRun.Status.SUCCEEDED:
        message = messages.FAILED_RUN if run.status == run.Status.FAILED else messages.NOT_FINISHED
        raise ValidationError({NON_FIELD_ERRORS: [message]})
    proposals = _proposals(run)
    steps = {s.pk: s for s in Step.objects.select_for_update().filter(pk__in=list(proposals))}
    applied, unchanged, conflicts, versions = [], [], [], {}
    for pk, proposal in sorted(proposals.items()):
        key = f"step-{pk}"
        step = steps.get(pk)
        if step is None:
            conflicts.append({"step_id": key, "reason": DELETED_SINCE})
        elif step.version != run.step_versions.get(key):
            conflicts.append({"step_id": key, "reason": CHANGED_SINCE})
        elif _apply_step(actor, run, step, proposal):
            applied.append(key)
            versions[key] = (step.version - 1, step.version)
        else:
            unchanged.append(key)
    run.apply_report = {
        "applied": applied,
        "unchanged": unchanged,
        "conflicts": conflicts,
        "left_out": list(run.result["plan"]["left_out_step_ids"]),
        "assumption": record_assumption(actor, run),
    }
    forget_own_edits(run, versions)
    run.applied_at = timezone.now()
    run.applied_by = actor.person
    run.version += 1
    run.save(update_fields=["apply_report", "applied_at", "applied_by", "version"])
    audit_record(
        actor=actor,
        kind="update",
        action="planning.run.apply",
        target=run,
        changes={"applied": [None, len(applied)], "conflicts": [None, len(conflicts)]},
        department_id=run.department_id,
    )
    return run
