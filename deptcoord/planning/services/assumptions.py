"""What a what-if assumed becomes true when its plan is applied.

"+13 h/week for two people" is recorded as extra hours those people agreed for the plan's time
frame; "move the deadline" gives the goal (or project) its new end; "postpone a goal" gives the
postponed goal (or project) a period that starts after the deadline it made room for. Each goes
through the owning app's audited service, under the applier's rights, so the next plan made
with nothing changed plans the same.
"""

from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from deptcoord.core.actor import Actor
from deptcoord.goals.models import Goal
from deptcoord.goals.services.goals import goal_update
from deptcoord.org.models import Person
from deptcoord.org.services.extra_hours import extra_hours_agree
from deptcoord.planning import messages
from deptcoord.planning.builder import pk_of
from deptcoord.planning.department import EXTRA_CAPACITY, MOVE_DEADLINE, POSTPONE_GOAL
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Project
from deptcoord.work.services.projects import project_update


def _deadline_day(run: PlanRun, goal_key: str) -> int:
    return _deadlines(run)[goal_key]


def _deadlines(run: PlanRun) -> dict[str, int]:
    return {g["goal_id"]: int(g["deadline_day"]) for g in run.problem["engine"]["goals"]}


def _set_period(actor: Actor, goal_key: str, start=None, end=None) -> None:
    """A goal's period or a project's dates, through their own services."""
    pk = pk_of(goal_key)
    if goal_key.startswith("project-"):
        project = Project.objects.get(pk=pk)
        changes = {"end": end} if start is None else {"start": start, "end": max(end, start)}
        project_update(actor=actor, project_id=pk, expected_version=project.version, **changes)
        return
    goal = Goal.objects.get(pk=pk)
    changes = {"period_end": end}
    if start is not None:
        # A period ends after it starts.
        changes = {"period_start": start, "period_end": max(end, start + timedelta(days=1))}
    goal_update(actor=actor, goal_id=pk, expected_version=goal.version, **changes)


def record_assumption(actor: Actor, run: PlanRun) -> dict:
    """Make the scenario's change true; what was recorded, for the apply report ({} for none).
    A change the applier may not make refuses the whole apply, with a reason."""
    try:
        return _record(actor, run)
    except PermissionDenied:
        raise ValidationError({NON_FIELD_ERRORS: [messages.ASSUMPTION_REFUSED]}) from None


def _record(actor: Actor, run: PlanRun) -> dict:
    change = run.change or {}
    kind = change.get("kind")
    if kind == EXTRA_CAPACITY:
        hours = float(change["extra_hours_per_week"])
        people = Person.objects.filter(pk__in=[pk_of(k) for k in change["person_ids"]])
        for person in people.order_by("pk"):
            extra_hours_agree(
                actor=actor,
                person=person,
                first_day=run.start,
                last_day=run.end,
                hours_per_week=hours,
                reason=run.name,
            )
        return {
            "kind": kind,
            "hours": hours,
            "people": [p.full_name for p in people.order_by("pk")],
        }
    if kind == MOVE_DEADLINE:
        new_end = run.start + timedelta(days=int(change["new_deadline_day"]))
        _set_period(actor, change["goal_id"], end=new_end)
        return {"kind": kind, "date": new_end.isoformat()}
    if kind == POSTPONE_GOAL:
        release = _deadline_day(run, change["goal_id"]) + 1
        new_start = run.start + timedelta(days=release)
        # The postponed goal waits, and so do the goals made only of its work (its project's
        # end, say): the scenario moved their deadlines, and each gets the later period.
        before = _deadlines(run.parent) if run.parent else {}
        after = _deadlines(run)
        waiting = {key for key, day in after.items() if before.get(key, day) != day}
        for key in sorted(waiting | {change["postponed_goal_id"]}):
            _set_period(actor, key, start=new_start, end=run.start + timedelta(days=after[key]))
        return {"kind": kind, "date": new_start.isoformat()}
    return {}


def family(run: PlanRun) -> list[PlanRun]:
    """The plan the run came from and every scenario made from it, the run aside."""
    root = run
    while root.parent_id is not None and root.parent is not None:
        root = root.parent
    found, frontier = [root], [root.pk]
    while frontier:
        children = list(PlanRun.objects.filter(parent_id__in=frontier))
        found.extend(children)
        frontier = [child.pk for child in children]
    return [member for member in found if member.pk != run.pk]


def forget_own_edits(run: PlanRun, versions: dict[str, tuple[int, int]]) -> None:
    """Scenarios of the same plan read the steps as they were before this apply: the apply's
    new versions are not hand edits to them (``versions``: step key → (old, new))."""
    for member in family(run):
        if member.applied_at is not None:
            continue
        read = dict(member.step_versions)
        moved = {k: new for k, (old, new) in versions.items() if read.get(k) == old}
        if moved:
            member.step_versions = read | moved
            member.save(update_fields=["step_versions"])
