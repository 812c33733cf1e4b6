"""The classic single-mode resource-constrained project (RCPSP) as PSPLIB defines it.

Activities have integer durations and per-resource demands; resources are renewable with a
fixed capacity per time unit; successors may start only once an activity has finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from deptcoord.planning.errors import (
    DEMAND_EXCEEDS_CAPACITY,
    DUPLICATE_ID,
    INVALID_VALUE,
    UNKNOWN_STEP,
    PlanningError,
)
from deptcoord.planning.precedence import topological_order


@dataclass(frozen=True)
class Activity:
    """One activity: how long it takes, what it needs of each resource, what follows it."""

    activity_id: int
    duration: int
    demands: tuple[int, ...]
    successors: tuple[int, ...] = ()


@dataclass(frozen=True)
class RcpspProblem:
    """A project: activities and the capacity of each renewable resource."""

    name: str
    capacities: tuple[int, ...]
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class RcpspResult:
    """A schedule: start and finish per activity (same order as the problem's activities)."""

    name: str
    starts: tuple[int, ...]
    finishes: tuple[int, ...]
    makespan: int
    proven_optimal: bool
    lower_bound: int
    method: str
    seconds: float


def check_rcpsp(problem: RcpspProblem) -> list[int]:
    """Raise PlanningError for bad input; return the activity ids in topological order."""
    ids = [activity.activity_id for activity in problem.activities]
    if len(set(ids)) != len(ids):
        duplicate = next(value for value in ids if ids.count(value) > 1)
        raise PlanningError(DUPLICATE_ID, str(duplicate))
    known = set(ids)
    for activity in problem.activities:
        if activity.duration < 0 or len(activity.demands) != len(problem.capacities):
            raise PlanningError(INVALID_VALUE, str(activity.activity_id), ["duration/demands"])
        for resource, demand in enumerate(activity.demands):
            if demand < 0:
                raise PlanningError(INVALID_VALUE, str(activity.activity_id), ["demand"])
            if demand > problem.capacities[resource]:
                raise PlanningError(DEMAND_EXCEEDS_CAPACITY, str(activity.activity_id), [resource])
        for successor in activity.successors:
            if successor not in known:
                raise PlanningError(UNKNOWN_STEP, str(successor))
    return topological_order({a.activity_id: a.successors for a in problem.activities})


def earliest_starts(problem: RcpspProblem) -> list[int]:
    """Earliest start of each activity when resources are ignored (critical path method)."""
    index = {a.activity_id: position for position, a in enumerate(problem.activities)}
    starts = [0] * len(problem.activities)
    for activity_id in check_rcpsp(problem):
        activity = problem.activities[index[activity_id]]
        finish = starts[index[activity_id]] + activity.duration
        for successor in activity.successors:
            starts[index[successor]] = max(starts[index[successor]], finish)
    return starts


def tails(problem: RcpspProblem) -> list[int]:
    """Longest path from each activity's start to the project end, its own duration included."""
    index = {a.activity_id: position for position, a in enumerate(problem.activities)}
    tail = [0] * len(problem.activities)
    for activity_id in reversed(check_rcpsp(problem)):
        activity = problem.activities[index[activity_id]]
        after = max((tail[index[s]] for s in activity.successors), default=0)
        tail[index[activity_id]] = activity.duration + after
    return tail


def lower_bound(problem: RcpspProblem) -> int:
    """The better of the critical-path length and the per-resource work-over-capacity bound."""
    critical_path = max(tails(problem), default=0)
    energy = 0
    for resource, capacity in enumerate(problem.capacities):
        work = sum(a.duration * a.demands[resource] for a in problem.activities)
        if capacity > 0:
            energy = max(energy, -(-work // capacity))
    return max(critical_path, energy)


def predecessors(problem: RcpspProblem) -> dict[int, list[int]]:
    """The activities each activity waits for."""
    before: dict[int, list[int]] = {a.activity_id: [] for a in problem.activities}
    for activity in problem.activities:
        for successor in activity.successors:
            before[successor].append(activity.activity_id)
    return before
