"""Creating, changing and deleting steps."""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse

from deptcoord.access import Action, can
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import (
    NO_VERSION_SENT,
    StaleVersionError,
    VersionRequired,
    check_version,
    lock,
)
from deptcoord.notices.notifications import Group, notify, translated
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.search.indexing import index_record, unindex_record
from deptcoord.work import messages
from deptcoord.work.models import Step
from deptcoord.work.services.common import record_created, record_deleted, save_with_audit, today
from deptcoord.work.services.notices import step_url
from deptcoord.work.services.slips import propagate_slip
from deptcoord.work.services.step_checks import STEP_FIELDS, check_step

EXTRA_FIELDS = ("recurring", "occurrence")
SEARCHED_FIELDS = {"title_en", "title_vi", "description", "department"}


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
    required_skill=None,
    required_level: int | str | None = None,
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
    index_record(step)
    if step.assignee is not None:
        notify_assignee(actor, step)
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
    changed = save_with_audit(actor, step, before, STEP_FIELDS, action, step.department_id)
    if SEARCHED_FIELDS & set(changed):
        index_record(step)
    return changed


def _after_change(actor: Actor, step: Step, changed: dict, old_due) -> None:
    """Follow-ups of a change: a later due date pushes the steps waiting for it; a new
    assignee is told."""
    if "due" in changed and old_due is not None and step.due is not None and step.due > old_due:
        propagate_slip(step, old_due, step.due, actor=actor)
    if "assignee" in changed and step.assignee is not None:
        notify_assignee(actor, step)


def notify_assignee(actor: Actor, step: Step) -> None:
    """Tell the assignee a step is theirs (unless they assigned it to themselves); several
    steps of one project given to them by one person at one go make one notification."""
    if step.assignee_id == actor.person_id:
        return
    by = actor.person
    project = step.project
    group = None
    if project is not None:
        group = Group(
            key=f"project:{project.pk}:by:{actor.person_id or ''}",
            message=messages.ASSIGNED_MANY if by else messages.ASSIGNED_MANY_NOBODY,
            params={"actor": by or "", "project": translated(lambda: project.title)},
            url=reverse("work:my_steps"),
        )
    notify(
        recipient=step.assignee,
        kind="work.assigned",
        message=(
            (messages.ASSIGNED if step.due else messages.ASSIGNED_NO_DUE)
            if by
            else (messages.ASSIGNED_NOBODY if step.due else messages.ASSIGNED_NOBODY_NO_DUE)
        ),
        params={
            "actor": by or "",
            "step": translated(lambda: step.title),
            "due": step.due or "",
        },
        url=step_url(step),
        target=step,
        actor=by,
        group=group,
    )


@transaction.atomic
def step_update(*, actor: Actor, step_id: int, expected_version: int | None, **changes) -> Step:
    """Change any of a step's fields (those who run its department, or its project)."""
    step = lock(Step, step_id)
    authorize(actor, Action.CHANGE, step)
    check_version(step, expected_version)
    old_due = step.due
    changed = apply_step_changes(actor, step, changes, "work.step.update")
    _after_change(actor, step, changed, old_due)
    recheck_reach(actor, step, Action.VIEW)
    return step


PROGRESS_FIELDS = ("status", "progress")


@transaction.atomic
def step_progress(
    *, actor: Actor, step_id: int, expected_version: int | None, status=None, progress=None
) -> Step:
    """Move a step along: its status and progress (the assignee may, as well as its runners)."""
    step = lock(Step, step_id)
    authorize(actor, Action.UPDATE_PROGRESS, step)
    check_version(step, expected_version)
    changes = {}
    if status is not None:
        changes["status"] = status
    if progress is not None:
        changes["progress"] = progress
    apply_step_changes(actor, step, changes, "work.step.progress")
    return step


@transaction.atomic
def step_flag_clear(*, actor: Actor, step_id: int, expected_version: int | None = None) -> Step:
    """Acknowledge a slip flag once the department has replanned around it."""
    step = lock(Step, step_id)
    authorize(actor, Action.CHANGE, step)
    check_version(step, expected_version)
    before = snapshot(step, FLAG_FIELDS)
    step.flagged, step.flag_reason, step.flagged_at, step.flagged_by = False, "", None, None
    save_with_audit(actor, step, before, FLAG_FIELDS, "work.step.flag_clear", step.department_id)
    return step


FLAG_FIELDS = ["flagged", "flagged_by"]


@transaction.atomic
def step_delete(*, actor: Actor, step_id: int, expected_version: int | None = None) -> None:
    """Delete a step with its links, time entries and comments."""
    step = lock(Step, step_id)
    authorize(actor, Action.DELETE, step)
    check_version(step, expected_version)
    record_deleted(actor, step, STEP_FIELDS, "work.step.delete", step.department_id)
    unindex_record(step)
    step.delete()


BULK_LIMIT = 200  # steps changed at one go (a page of a list shows fewer)
BULK_FIELDS = ("status", "assignee", "due")
KEEP = object()  # a field a change of several steps leaves as each step has it


class StaleStepsError(StaleVersionError):
    """Some of the steps changed since the versions the person selected (named in the
    message); nothing was changed."""

    def __init__(self, steps: list[Step]):
        super().__init__(steps[0].version)
        self.steps = steps
        self.message = messages.BULK_STALE % {"steps": _names(steps)}

    def __str__(self):
        return str(self.message)


class StepsDenied(PermissionDenied):
    """The person may not make the change to some of the steps (named); nothing changed."""

    def __init__(self, steps: list[Step], refused=None):
        super().__init__(str(messages.BULK_DENIED % {"steps": _names(steps)}))
        self.steps = steps
        self.message = messages.BULK_DENIED % {"steps": _names(steps)}
        if refused is not None:
            self.refused = refused


def _names(steps) -> str:
    return ", ".join(f"“{step.title}”" for step in steps)


def _bulk_changes(status, assignee, due) -> dict:
    changes = {}
    if status is not KEEP and status not in (None, ""):
        changes["status"] = status
    if assignee is not KEEP:
        changes["assignee"] = assignee
    if due is not KEEP:
        changes["due"] = due
    return changes


def _bulk_items(items) -> list[tuple[int, object]]:
    """(step id, version) pairs, each step once, within the limit."""
    pairs = [(int(pk), version) for pk, version in items]
    if not pairs:
        raise ValidationError({NON_FIELD_ERRORS: [messages.BULK_NOTHING_SELECTED]})
    if len(pairs) > BULK_LIMIT:
        raise ValidationError({NON_FIELD_ERRORS: [messages.BULK_TOO_MANY % {"limit": BULK_LIMIT}]})
    if len({pk for pk, _version in pairs}) != len(pairs):
        raise ValidationError({NON_FIELD_ERRORS: [messages.BULK_DUPLICATE]})
    return pairs


def _refuse_denied(actor: Actor, steps: list[Step], action) -> None:
    denied, refused = [], None
    for step in steps:
        try:
            authorize(actor, action, step)
        except PermissionDenied as refusal:
            denied.append(step)
            refused = refused or getattr(refusal, "refused", None)
    if denied:
        raise StepsDenied(denied, refused)


def _check_all(steps: list[Step], changes: dict) -> None:
    """Validate the change on every step before any is written; refuse naming each step."""
    problems: dict = {}
    for step in steps:
        data = {field: changes.get(field, getattr(step, field)) for field in STEP_FIELDS}
        try:
            check_step(data, instance=step)
        except ValidationError as error:
            for field, items in error.message_dict.items():
                key = field if field in BULK_FIELDS else NON_FIELD_ERRORS
                for problem in items:
                    line = messages.BULK_STEP_PROBLEM % {"step": step.title, "problem": problem}
                    problems.setdefault(key, []).append(line)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def steps_bulk_update(*, actor: Actor, items, status=KEEP, assignee=KEEP, due=KEEP) -> list[Step]:
    """Give several steps one status, assignee or due date at one go: all of them or none.

    ``items`` are (step id, version) pairs; a version of None skips the check for that step,
    NO_VERSION_SENT refuses it. A step the person may not see answers as not found; a status
    needs the right to move the step along (its assignee has it), an assignee or a due date
    the right to change it. Any stale version, refusal or bad value refuses the whole change,
    naming the steps. Each step gets its own audit entry and follow-ups (pushed successors,
    the new assignee told, several steps of a project to one person in one notification)."""
    pairs = _bulk_items(items)
    changes = _bulk_changes(status, assignee, due)
    if not changes:
        raise ValidationError({NON_FIELD_ERRORS: [messages.BULK_NOTHING_TO_CHANGE]})
    ids = [pk for pk, _version in pairs]
    found = {
        step.pk: step
        for step in Step.objects.select_for_update(of=("self",))
        .select_related("project", "department", "assignee")
        .filter(pk__in=ids)
    }
    steps = []
    for pk, _version in pairs:
        step = found.get(pk)
        if step is None or (actor.via != "system" and not can(actor.facts, Action.VIEW, step)):
            raise Http404
        steps.append(step)
    only_status = set(changes) == {"status"}
    _refuse_denied(actor, steps, Action.UPDATE_PROGRESS if only_status else Action.CHANGE)
    if any(version is NO_VERSION_SENT for _pk, version in pairs):
        raise VersionRequired
    stale = [
        step
        for step, (_pk, version) in zip(steps, pairs, strict=True)
        if version is not None and int(version) != step.version
    ]
    if stale:
        raise StaleStepsError(stale)
    _check_all(steps, changes)
    for step in steps:
        old_due = step.due
        changed = apply_step_changes(actor, step, dict(changes), "work.step.bulk_update")
        _after_change(actor, step, changed, old_due)
        recheck_reach(actor, step, Action.VIEW)
    return steps
