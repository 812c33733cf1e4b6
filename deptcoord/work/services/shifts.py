"""Moving the steps a slip pushes: one call moves every waiting step that would start before
its predecessors finish, all or nothing, each change audited and each owner told."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action, can
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import StaleVersionError, check_version, lock
from deptcoord.notices.notifications import notify, translated
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.work import messages
from deptcoord.work.models import Step
from deptcoord.work.services.common import save_with_audit
from deptcoord.work.services.notices import department_coordinators, step_url
from deptcoord.work.services.slips import Push, downstream_steps, pushes
from deptcoord.work.services.steps import apply_step_changes, step_update
from deptcoord.work.validation import check_step_dates, raise_if, to_date

SHIFT_FIELDS = ["start", "due", "flagged", "flagged_by", "slip_days"]


def out_of_reach_message(facts, steps: list[Step], message=messages.SHIFT_OUT_OF_REACH):
    """Why the person may not move these steps (None when they may move them all); steps
    they cannot see are counted, never named."""
    refused = [step for step in steps if not can(facts, Action.CHANGE, step)]
    if not refused:
        return None
    seen = [f"“{step.title}”" for step in refused if can(facts, Action.VIEW, step)]
    hidden = len(refused) - len(seen)
    if hidden:
        seen.append(str(messages.STEPS_HIDDEN % {"count": hidden}))
    return str(message % {"steps": ", ".join(seen)})


@dataclass(frozen=True)
class ShiftPreview:
    """What a change of dates would push, as one person may see it: the moves of the steps
    they can see, how many others move, how many departments, and why they may not move them
    all (``refusal``)."""

    moves: list[Push]
    hidden: int
    departments: list
    elsewhere: int
    days: int
    refusal: str | None

    @property
    def count(self) -> int:
        """How many steps move, seen or not."""
        return len(self.moves) + self.hidden

    @property
    def versions(self) -> str:
        """The moved steps and their versions, as the shift form sends them back."""
        return ",".join(f"{move.step.pk}:{move.step.version}" for move in self.moves)


def check_new_dates(start, due) -> tuple:
    """New dates for a preview: ISO text or dates, a due date, not before the start."""
    errors: dict = {}
    start = to_date(errors, "start", start)
    due = to_date(errors, "due", due, required=True)
    check_step_dates(errors, start, due)
    raise_if(errors)
    return start, due


def shift_preview(
    facts, step: Step, start, due, refusal=messages.SHIFT_OUT_OF_REACH_PREVIEW
) -> ShiftPreview:
    """What running ``step`` from ``start`` to ``due`` would push (reads only); ``refusal``
    is the sentence saying which of them the person may not move."""
    moves = pushes(step, start, due)
    shown = [move for move in moves if can(facts, Action.VIEW, move.step)]
    elsewhere = [move.step for move in shown if move.step.department_id != step.department_id]
    departments = []
    for other in elsewhere:
        if other.department not in departments:
            departments.append(other.department)
    return ShiftPreview(
        moves=shown,
        hidden=len(moves) - len(shown),
        departments=departments,
        elsewhere=len(elsewhere),
        days=max((move.days for move in moves), default=0),
        refusal=out_of_reach_message(facts, [move.step for move in moves], refusal),
    )


def parse_versions(text: str) -> dict[int, int] | None:
    """``"12:3,14:1"`` (as the preview form sends it) as {step id: version}; None if garbled."""
    found = {}
    for part in filter(None, (text or "").split(",")):
        pk, _sep, version = part.partition(":")
        if not (pk.isdigit() and version.isdigit() and len(pk) < 10 and len(version) < 10):
            return None
        found[int(pk)] = int(version)
    return found


def _check_versions(moves: list[Push], expected: dict | None) -> None:
    """The steps to move and their versions must be those the person was shown."""
    if expected is None:
        return
    current = {move.step.pk: move.step.version for move in moves}
    wanted = {int(pk): int(version) for pk, version in expected.items()}
    if current != wanted:
        changed = [pk for pk in current if wanted.get(pk) != current[pk]]
        raise StaleVersionError(current[changed[0]] if changed else 0)


def _shift(actor: Actor, cause: Step, expected: dict | None) -> list[Push]:
    waiting, _links = downstream_steps(cause)
    list(Step.objects.select_for_update().filter(pk__in=[step.pk for step in waiting]))
    moves = pushes(cause, cause.start, cause.due)
    if actor.via != "system":
        refusal = out_of_reach_message(actor.facts, [move.step for move in moves])
        if refusal:
            raise ValidationError(f"{refusal} {messages.NOTHING_MOVED}")
    _check_versions(moves, expected)
    for move in moves:
        step = move.step
        before = snapshot(step, SHIFT_FIELDS)
        step.start, step.due = move.start, move.due
        step.flagged, step.flagged_by, step.slip_days = False, None, 0
        save_with_audit(actor, step, before, SHIFT_FIELDS, "work.step.shift", step.department_id)
    for move in moves:
        _tell_owners(actor, cause, move)
    return moves


def _tell_owners(actor: Actor, cause: Step, move: Push) -> None:
    """The assignee of a moved step hears of it, or its department's coordinators."""
    step = move.step
    owners = [step.assignee] if step.assignee_id else department_coordinators(step.department_id)
    for owner in owners:
        if owner is None or owner.pk == actor.person_id:
            continue
        notify(
            recipient=owner,
            kind="work.shift",
            message=messages.SHIFT_NOTICE,
            params={
                "actor": actor.person or "",
                "step": translated(lambda step=step: step.title),
                "days": move.days,
                "due": move.due,
                "cause": translated(lambda: cause.title),
                "cause_due": cause.due,
            },
            url=step_url(step),
            target=step,
            actor=actor.person,
        )


@transaction.atomic
def slip_shift(*, actor: Actor, step_id: int, expected_versions: dict | None = None):
    """Move later every step that ``step_id`` now pushes (see ``slips.pushes``), all of them
    or none: the person must be able to change each, and ``expected_versions`` (step id →
    version, as shown in the preview) must still hold. Returns the moves (none when no step
    waits too early: nothing to do)."""
    cause = lock(Step, step_id)
    authorize(actor, Action.VIEW, cause)
    return _shift(actor, cause, expected_versions)


@transaction.atomic
def step_reschedule(
    *,
    actor: Actor,
    step_id: int,
    expected_version: int | None,
    start=None,
    due=None,
    shift: bool = False,
    expected_versions: dict | None = None,
) -> tuple[Step, list[Push]]:
    """New dates for a step (dragged on the timeline); with ``shift``, the steps it pushes
    move with it in the same transaction (see ``slip_shift``), else they are flagged as a
    change of due date always does."""
    if not shift:
        return step_update(
            actor=actor, step_id=step_id, expected_version=expected_version, start=start, due=due
        ), []
    step = lock(Step, step_id)
    authorize(actor, Action.CHANGE, step)
    check_version(step, expected_version)
    apply_step_changes(actor, step, {"start": start, "due": due}, "work.step.update")
    moves = _shift(actor, step, expected_versions)
    recheck_reach(actor, step, Action.VIEW)
    return step, moves
