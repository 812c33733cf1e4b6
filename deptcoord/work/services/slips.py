"""When a step slips (its due date moves later, or it becomes overdue), the steps that wait for
it move too: those owned by other departments are flagged and their coordinators told what
slipped, by how much and what it pushes."""

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone

from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import SYSTEM
from deptcoord.notices.notifications import translated
from deptcoord.work import graph, messages
from deptcoord.work.calendar import company_calendar
from deptcoord.work.calendar_days import (
    date_of_working_day,
    working_day_index,
    working_days_between,
)
from deptcoord.work.models import Dependency, Step
from deptcoord.work.services.notices import notify_department, step_url

LONGEST_CHAIN = 10_000
FLAG_FIELDS = ["flagged", "flagged_by", "slip_days"]


def downstream_steps(step: Step) -> tuple[list[Step], list[Dependency]]:
    """Every step that waits for ``step``, directly or not, across projects and departments,
    with the links among them (one query per level of the chain)."""
    seen = {step.pk}
    frontier = {step.pk}
    steps: list[Step] = []
    links: list[Dependency] = []
    while frontier and len(seen) < LONGEST_CHAIN:
        found = list(
            Dependency.objects.filter(predecessor_id__in=frontier).select_related(
                "successor__department", "successor__assignee"
            )
        )
        links.extend(found)
        frontier = set()
        for link in found:
            if link.successor_id not in seen:
                seen.add(link.successor_id)
                frontier.add(link.successor_id)
                steps.append(link.successor)
    return steps, links


def _duration(calendar, step: Step, due: date | None) -> int:
    start = step.start or due
    if start is None or due is None:
        return 1
    return max(working_days_between(calendar, start, due + timedelta(days=1)), 1)


def slip_impact(step: Step, old_due: date, new_due: date) -> tuple[int, dict[int, int], dict]:
    """The slip in working days and how far each waiting step moves (only those that move)."""
    waiting, links = downstream_steps(step)
    if not waiting:
        return 0, {}, {}
    dates = [d for s in [step, *waiting] for d in (s.start, s.due) if d] + [old_due, new_due]
    calendar = company_calendar(min(dates), max(dates), origin=min(dates))
    days = working_days_between(calendar, old_due, new_due)
    plan_steps = [
        graph.Step(
            step.pk,
            _duration(calendar, step, old_due),
            working_day_index(calendar, step.start or old_due),
        )
    ]
    for other in waiting:
        fixed = other.start or other.due
        plan_steps.append(
            graph.Step(
                other.pk,
                _duration(calendar, other, other.due),
                working_day_index(calendar, fixed) if fixed else None,
            )
        )
    plan = graph.ProjectPlan(
        steps=tuple(plan_steps),
        dependencies=tuple(
            graph.Dependency(link.predecessor_id, link.successor_id, link.lag_days)
            for link in links
        ),
    )
    impact = graph.downstream_slip(plan, step.pk, days)
    by_id = {other.pk: other for other in waiting}
    return days, impact.moved, by_id


def _pushed(items):
    """The pushed steps, their titles in the reader's language."""
    return translated(lambda: "; ".join(f"“{other.title}” +{shift}" for other, shift in items[:5]))


def propagate_slip(step: Step, old_due: date, new_due: date, *, actor=SYSTEM) -> list[Step]:
    """Flag the waiting steps of other departments that the slip pushes (each flag in the
    audit trail); tell their coordinators. Returns the flagged steps."""
    actor_id = actor.person_id
    if old_due is None or new_due is None or new_due <= old_due:
        return []
    days, moved, by_id = slip_impact(step, old_due, new_due)
    step.slip_days = max(days, 1)
    Step.objects.filter(pk=step.pk).update(slip_days=step.slip_days)
    pushed = [
        (by_id[pk], shift)
        for pk, shift in moved.items()
        if shift > 0 and by_id[pk].department_id != step.department_id and not by_id[pk].is_done
    ]
    if not pushed:
        return []
    now = timezone.now()
    for other, shift in pushed:
        before = snapshot(other, FLAG_FIELDS)
        Step.objects.filter(pk=other.pk).update(
            flagged=True, flagged_at=now, flagged_by=step, slip_days=shift, version=F("version") + 1
        )
        other.flagged, other.flagged_by, other.slip_days = True, step, shift
        audit_record(
            actor=actor,
            kind="update",
            action="work.step.flag",
            target=other,
            changes=diff(before, snapshot(other, FLAG_FIELDS)),
            department_id=other.department_id,
        )
    per_department = defaultdict(list)
    for other, shift in pushed:
        per_department[other.department_id].append((other, shift))
    for department_id, items in per_department.items():
        first = items[0][0]
        notify_department(
            department_id,
            kind="work.slip",
            message=messages.SLIP_NOTICE,
            params={
                "step": translated(lambda: step.title),
                "department": step.department,
                "days": step.slip_days,
                "pushed": _pushed(items),
            },
            url=step_url(first),
            target=first,
            skip=actor_id,
            actor=actor.person,
        )
    return [other for other, _shift in pushed]


@dataclass(frozen=True)
class Push:
    """A step waiting for a later one: its dates now and the dates that keep it after its
    predecessors (``days``: how many working days later)."""

    step: Step
    start: date | None
    due: date
    days: int
    was_start: date | None
    was_due: date


def _chain_order(root_id: int, links: list[Dependency]) -> list[int]:
    """The waiting steps in an order where every step comes after those it waits for."""
    waits_for = defaultdict(int)
    followers = defaultdict(list)
    for link in links:
        waits_for[link.successor_id] += 1
        followers[link.predecessor_id].append(link.successor_id)
    ready, order = deque([root_id]), []
    while ready:
        current = ready.popleft()
        order.append(current)
        for after in followers[current]:
            waits_for[after] -= 1
            if waits_for[after] == 0:
                ready.append(after)
    return order[1:]


def pushes(step: Step, start: date | None, due: date | None) -> list[Push]:
    """What running ``step`` from ``start`` to ``due`` would push: every step waiting for it
    (directly or not) that would start before its predecessors finish, moved later by just
    enough working days, keeping its length. Done steps stay where they are. Reads only."""
    if due is None:
        return []
    waiting, links = downstream_steps(step)
    if not waiting:
        return []
    dates = [d for s in waiting for d in (s.start, s.due) if d] + [d for d in (start, due) if d]
    calendar = company_calendar(min(dates), max(dates), origin=min(dates))
    by_id = {other.pk: other for other in waiting}
    finish = {step.pk: working_day_index(calendar, due, roll_forward=False) + 1}
    incoming = defaultdict(list)
    for link in links:
        incoming[link.successor_id].append(link)
    moved = []
    for pk in _chain_order(step.pk, links):
        other = by_id[pk]
        if other.due is None:
            continue
        due_index = working_day_index(calendar, other.due, roll_forward=False)
        start_index = working_day_index(calendar, other.start or other.due)
        needed = [
            finish[link.predecessor_id] + link.lag_days
            for link in incoming[pk]
            if link.predecessor_id in finish
        ]
        days = max(needed, default=start_index) - start_index
        if days <= 0 or other.is_done:
            finish[pk] = due_index + 1
            continue
        finish[pk] = due_index + days + 1
        moved.append(
            Push(
                other,
                date_of_working_day(calendar, start_index + days) if other.start else None,
                date_of_working_day(calendar, due_index + days),
                days,
                other.start,
                other.due,
            )
        )
    return moved
