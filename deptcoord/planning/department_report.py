"""Explains a goal's verdict: the chain of steps that decides its finish, and who is overloaded."""

from __future__ import annotations

from collections import defaultdict

from deptcoord.planning.department import ChainLink, Goal, Load, ScheduledStep
from deptcoord.planning.department_index import DepartmentIndex, Placement

# A person or skill group using this share of their hours before a deadline has no room left.
LOADED_SHARE = 0.95

WAITS_FOR_DEPENDENCY = "dependency"
WAITS_FOR_SAME_PERSON = "same_person"
WAITS_FOR_RELEASE = "release"
WAITS_FOR_NOTHING = "nothing"


def _blocker(index: DepartmentIndex, step_id: str, placements, by_person):
    """What the step waited for last: (ready day, reason, step waited for or None)."""
    place = placements[step_id]
    candidates = [(index.steps[step_id].release_day, 0, WAITS_FOR_RELEASE, None)]
    for predecessor, lag in index.before[step_id]:
        ready = index.timetable.shifted(placements[predecessor].end, lag)
        candidates.append((ready, 2, WAITS_FOR_DEPENDENCY, predecessor))
    for other in by_person[place.person_id]:
        if placements[other].end <= place.start:
            candidates.append((placements[other].end, 1, WAITS_FOR_SAME_PERSON, other))
    ready, _rank, reason, previous = max(candidates, key=lambda c: (c[0], c[1]))
    return ready, reason, previous


def deciding_chain(
    index: DepartmentIndex, goal: Goal, placements: dict[str, Placement]
) -> tuple[ChainLink, ...]:
    """The steps, first to last, that pushed the goal's last step to finish when it does."""
    if not goal.step_ids:
        return ()
    by_person = defaultdict(list)
    for step_id, place in placements.items():
        by_person[place.person_id].append(step_id)
    current = max(goal.step_ids, key=lambda s: (placements[s].end, s))
    chain: list[ChainLink] = []
    while current is not None and len(chain) < len(placements):
        place = placements[current]
        ready, reason, previous = _blocker(index, current, placements, by_person)
        # The link holds only if the step started on its person's first working day after it.
        tight = index.timetable.first_working_day(place.person_id, ready) == place.start
        waits_for = reason if tight else WAITS_FOR_NOTHING
        chain.append(ChainLink(current, place.person_id, place.start, place.end - 1, waits_for))
        current = previous if tight else None
    return tuple(reversed(chain))


def hours_by_person(index: DepartmentIndex, scheduled: list[ScheduledStep]) -> dict:
    """Planned hours per person and day."""
    used = {person_id: [0.0] * index.timetable.horizon for person_id in index.timetable.capacity}
    for step in scheduled:
        for day, hours in step.hours_by_day:
            used[step.person_id][day] += hours
    return used


def _load(index: DepartmentIndex, kind, name, people, used, last_day) -> Load:
    """Planned against available hours of a group of people, days 0..last_day."""
    planned = sum(sum(used[p][: last_day + 1]) for p in people)
    available = sum(index.timetable.hours_between(p, 0, last_day) for p in people)
    share = planned / available if available > 0 else 0.0
    return Load(kind, name, round(planned, 2), round(available, 2), round(share, 4))


def loads_before(index: DepartmentIndex, goal: Goal, used: dict) -> tuple[Load, ...]:
    """People and skill groups able to work on the goal, ≥ 95 % loaded before its deadline."""
    last_day = min(goal.deadline_day, index.timetable.horizon - 1)
    relevant = [index.steps[s] for s in sorted(index.upstream(goal.step_ids))]
    people = sorted({p for step in relevant for p in step.eligible_person_ids})
    loads = [_load(index, "person", p, [p], used, last_day) for p in people]
    for skill in sorted({step.skill for step in relevant if step.skill}):
        group = [p.person_id for p in index.problem.people if skill in p.skills]
        if not group:
            group = sorted({p for s in relevant if s.skill == skill for p in s.eligible_person_ids})
        loads.append(_load(index, "skill", skill, group, used, last_day))
    loaded = [load for load in loads if load.share >= LOADED_SHARE]
    return tuple(sorted(loaded, key=lambda load: (-load.share, load.kind, load.name)))
