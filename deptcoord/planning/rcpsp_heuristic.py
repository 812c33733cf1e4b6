"""Fast RCPSP schedules: serial schedule generation and iterated forward-backward improvement.

The latest-finish-time schedule is justified (right- then left-justifying every activity while
the makespan shrinks); then, for a number of passes or until a deadline, the best schedule's own
start times, slightly shuffled, serve as the next priority list, and the justified result
replaces the best when it is no longer. The result serves as instant preview, as fallback, and
as the CP-SAT hint and upper bound.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from deptcoord.planning.rcpsp import RcpspProblem, RcpspResult, lower_bound, tails

# Passes without a shorter schedule before the search starts afresh from a shuffled rule.
RESTART_AFTER = 40


@dataclass(frozen=True)
class _Network:
    """The project by position: durations, demands, successors and predecessors."""

    durations: tuple[int, ...]
    demands: tuple[tuple[int, ...], ...]
    successors: tuple[tuple[int, ...], ...]
    predecessors: tuple[tuple[int, ...], ...]
    capacities: tuple[int, ...]

    def reversed(self) -> _Network:
        """The same project with every dependency pointing the other way."""
        return _Network(
            self.durations, self.demands, self.predecessors, self.successors, self.capacities
        )


def _network(problem: RcpspProblem) -> _Network:
    """Index the problem by position so the inner loops use plain lists."""
    index = {a.activity_id: position for position, a in enumerate(problem.activities)}
    successors = [tuple(index[s] for s in a.successors) for a in problem.activities]
    predecessors: list[list[int]] = [[] for _ in problem.activities]
    for position, after in enumerate(successors):
        for successor in after:
            predecessors[successor].append(position)
    return _Network(
        durations=tuple(a.duration for a in problem.activities),
        demands=tuple(a.demands for a in problem.activities),
        successors=tuple(successors),
        predecessors=tuple(tuple(p) for p in predecessors),
        capacities=problem.capacities,
    )


def _fit_tables(network: _Network) -> list[list[tuple[int, int]]]:
    """Per activity: each resource it needs, with the usage there may already be where it runs."""
    return [
        [(r, capacity - demands[r]) for r, capacity in enumerate(network.capacities) if demands[r]]
        for demands in network.demands
    ]


def _earliest_fit(rows, duration: int, start: int) -> int:
    """First start at or after `start` where `duration` moments in a row have room enough."""
    moment, end = start, start + duration
    while moment < end:
        for usage, room in rows:
            if usage[moment] > room:
                # Every start up to the blocked moment would overlap it too.
                start = moment + 1
                end = start + duration
                break
        moment += 1
    return start


def schedule_serially(network: _Network, priority: Sequence[float], tables=None) -> list[int]:
    """Serial schedule generation: take the eligible activity with the lowest priority value.

    Plain lists and loops: this is the heuristic's inner loop, run thousands of times."""
    needs = tables or _fit_tables(network)
    durations, demands = network.durations, network.demands
    horizon = sum(durations) + max(durations, default=0) + 1
    usage = [[0] * horizon for _ in network.capacities]
    starts = [0] * len(durations)
    waiting = [len(p) for p in network.predecessors]
    eligible = [position for position, count in enumerate(waiting) if count == 0]
    while eligible:
        activity, lowest = eligible[0], priority[eligible[0]]
        for candidate in eligible:
            value = priority[candidate]
            if value < lowest or (value == lowest and candidate < activity):
                activity, lowest = candidate, value
        eligible.remove(activity)
        start = 0
        for before in network.predecessors[activity]:
            start = max(start, starts[before] + durations[before])
        duration = durations[activity]
        if duration and needs[activity]:
            rows = [(usage[r], room) for r, room in needs[activity]]
            start = _earliest_fit(rows, duration, start)
            for resource, _room in needs[activity]:
                row, demand = usage[resource], demands[activity][resource]
                for moment in range(start, start + duration):
                    row[moment] += demand
        starts[activity] = start
        for successor in network.successors[activity]:
            waiting[successor] -= 1
            if waiting[successor] == 0:
                eligible.append(successor)
    return starts


def _makespan(network: _Network, starts: Sequence[int]) -> int:
    """Latest finish over all activities."""
    return max((s + d for s, d in zip(starts, network.durations, strict=True)), default=0)


class _Justifier:
    """Forward-backward improvement on one project (tables built once)."""

    def __init__(self, network: _Network) -> None:
        self.network = network
        self.backward_network = network.reversed()
        self.forward_tables = _fit_tables(network)
        self.backward_tables = _fit_tables(self.backward_network)

    def forward(self, priority: Sequence[float]) -> list[int]:
        """A serial schedule of the project."""
        return schedule_serially(self.network, priority, self.forward_tables)

    def once(self, starts: list[int]) -> list[int]:
        """Right-justify (latest finish first), then left-justify (earliest start first)."""
        durations = self.network.durations
        finishes = [s + d for s, d in zip(starts, durations, strict=True)]
        backward = schedule_serially(
            self.backward_network, [-f for f in finishes], self.backward_tables
        )
        end = _makespan(self.network, backward)
        right = [end - s - d for s, d in zip(backward, durations, strict=True)]
        return self.forward(right)

    def justify(self, starts: list[int]) -> list[int]:
        """Justify while it shortens the schedule; never returns a longer one."""
        best = starts
        while True:
            candidate = self.once(best)
            if _makespan(self.network, candidate) >= _makespan(self.network, best):
                return best
            best = candidate


def justify(network: _Network, starts: list[int]) -> list[int]:
    """Forward-backward improvement: right-justify, then left-justify, while it helps."""
    return _Justifier(network).justify(starts)


def polish(problem: RcpspProblem, starts: Sequence[int]) -> list[int]:
    """A valid schedule of the project, justified: never longer, often as long, sometimes shorter."""
    return justify(_network(problem), list(starts))


def preview_rcpsp(
    problem: RcpspProblem,
    *,
    passes: int = 30,
    seed: int = 0,
    seconds: float | None = None,
    patience: int | None = None,
) -> RcpspResult:
    """The justified latest-finish-time schedule improved by up to `passes` perturbed passes;
    with `seconds`, none starts after that time, with `patience`, none after that many passes
    in a row without a shorter schedule."""
    began = time.perf_counter()
    network = _network(problem)
    justifier = _Justifier(network)
    tail = tails(problem)
    # Latest finish time = project length minus the work still to follow the activity.
    latest_finish = [-(t - d) for t, d in zip(tail, network.durations, strict=True)]
    best = current = justifier.justify(justifier.forward(latest_finish))
    bound = lower_bound(problem)
    chooser = random.Random(seed)
    deadline = None if seconds is None else began + seconds
    stale = since_best = 0
    for _ in range(passes):
        if _makespan(network, best) == bound or (patience is not None and since_best >= patience):
            break
        if deadline is not None and time.perf_counter() >= deadline:
            break
        # The current schedule's starts, shuffled by up to a few time units, as priorities.
        noisy = [s + chooser.random() * (1 + stale % 8) for s in current]
        candidate = justifier.justify(justifier.once(justifier.forward(noisy)))
        length, now = _makespan(network, candidate), _makespan(network, current)
        stale = 0 if length < now else stale + 1
        if length <= now:
            current = candidate  # equal ones too: the search drifts across plateaus
        since_best += 1
        if length < _makespan(network, best):
            best, since_best = candidate, 0
        if stale > RESTART_AFTER:
            # A fresh start from a shuffled latest-finish-time rule.
            spread = max(tail, default=1) * 0.15 + 1
            noisy = [value + chooser.random() * spread for value in latest_finish]
            current, stale = justifier.justify(justifier.forward(noisy)), 0
    makespan = _makespan(network, best)
    return RcpspResult(
        name=problem.name,
        starts=tuple(best),
        finishes=tuple(s + d for s, d in zip(best, network.durations, strict=True)),
        makespan=makespan,
        proven_optimal=makespan == bound,
        lower_bound=bound,
        method="heuristic",
        seconds=time.perf_counter() - began,
    )
