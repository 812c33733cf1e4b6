"""Large neighbourhood search around CP-SAT for the RCPSP: short solves of small relaxations.

The incumbent schedule is turned into a partial order (resource chains: every activity takes
units of capacity that activities finished before it hand on, so any schedule respecting the
chains respects the capacities). Each step frees a few activities (those starting in a time
window, a random handful, or a stretch of the critical part and what runs beside it), keeps the
chains between all the others, and asks CP-SAT for the shortest schedule within a fraction of a
second. The others still move as a block, so the makespan can
shrink. A schedule is accepted when it is no longer than the incumbent (equal ones let the
search drift across plateaus); the neighbourhood grows after steps closed quickly and shrinks
after steps that ran out of time. A search made to `wander` breaks ties between schedules of
equal length by a random weighting of the freed activities' starts, drawn anew at each step, so
it leaves a plateau where the plain search keeps finding the schedule it started from.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from ortools.sat.python import cp_model

from deptcoord.planning.rcpsp_heuristic import _Justifier, _makespan, _network

# Wall time of one step, and the share of the activities a step frees at first and at most.
STEP_SECONDS = 0.25
FIRST_SHARE = 0.2
LARGEST_SHARE = 0.6
SMALLEST_FREE = 4
# Neighbourhoods to draw from: a time window, a random handful, the critical part.
KINDS = ("window", "random", "critical")


def resource_chains(
    durations: Sequence[int],
    demands: Sequence[Sequence[int]],
    capacities: Sequence[int],
    starts: Sequence[int],
    predecessors: Sequence[Sequence[int]] = (),
) -> set[tuple[int, int]]:
    """Pairs (before, after) such that any schedule keeping them (and the dependencies) fits the
    capacities, built from a schedule that does: activities in start order take units of
    capacity already free, those of an activity ordered before them first (no new pair needed
    then), then those freed last."""
    order = sorted(range(len(durations)), key=lambda a: (starts[a], starts[a] + durations[a]))
    pairs: set[tuple[int, int]] = set()
    before = [set(p) for p in predecessors] if predecessors else [set() for _ in durations]
    for resource, capacity in enumerate(capacities):
        # One entry per unit of capacity: the activity that held it last (-1: none) and its finish.
        holder = [-1] * capacity
        free_at = [0] * capacity
        for activity in order:
            need, duration = demands[activity][resource], durations[activity]
            if not need or not duration:
                continue
            start = starts[activity]
            ready = [u for u in range(capacity) if free_at[u] <= start]
            # Units of an activity already ordered before this one first, then the latest freed.
            ready.sort(key=lambda u: (holder[u] not in before[activity], -free_at[u]))
            for unit in ready[:need]:
                if holder[unit] >= 0 and holder[unit] not in before[activity]:
                    pairs.add((holder[unit], activity))
                    before[activity].add(holder[unit])
                holder[unit], free_at[unit] = activity, start + duration
    return pairs


class NeighbourhoodSearch:
    """Improves a schedule of one project with repeated short CP-SAT solves."""

    def __init__(
        self,
        problem,
        earliest: Sequence[int],
        tail: Sequence[int],
        seed: int = 0,
        wander: bool = False,
    ):
        self.network = _network(problem)
        self.wander = wander
        self.justifier = _Justifier(self.network)
        self.earliest, self.tail = list(earliest), list(tail)
        self.chooser = random.Random(seed)
        count = len(self.network.durations)
        self.share = FIRST_SHARE
        self.sinks = [a for a in range(count) if not self.network.successors[a]]
        self.users = [
            [a for a in range(count) if self.network.demands[a][r] and self.network.durations[a]]
            for r in range(len(self.network.capacities))
        ]
        self.steps = self.improvements = 0

    def _free(self, starts: Sequence[int], chains) -> set[int]:
        """The activities one step may move freely: a time window, a random handful, or a
        stretch of the activities whose start decides the makespan and those running beside."""
        count = len(starts)
        size = max(SMALLEST_FREE, round(self.share * count))
        if size >= count:
            return set(range(count))
        kind = self.chooser.choice(KINDS)
        if kind == "random":
            return set(self.chooser.sample(range(count), size))
        order = sorted(range(count), key=lambda a: starts[a])
        if kind == "critical":
            critical = self._critical(starts, chains)
            spot = self.chooser.choice(sorted(critical))
            order.sort(key=lambda a: (a not in critical, abs(starts[a] - starts[spot])))
            chosen = set(order[: max(1, size // 2)])
            around = sorted(range(count), key=lambda a: abs(starts[a] - starts[spot]))
            for activity in around:
                if len(chosen) >= size:
                    break
                chosen.add(activity)
            return chosen
        first = self.chooser.randrange(count - size + 1)
        return set(order[first : first + size])

    def _critical(self, starts: Sequence[int], chains) -> set[int]:
        """Activities on a chain of back-to-back links (dependency or resource) to the end."""
        durations = self.network.durations
        before: list[list[int]] = [list(p) for p in self.network.predecessors]
        for first, then in chains:
            before[then].append(first)
        length = _makespan(self.network, starts)
        todo = [a for a in range(len(starts)) if starts[a] + durations[a] == length]
        seen = set(todo)
        while todo:
            activity = todo.pop()
            for earlier in before[activity]:
                if earlier not in seen and starts[earlier] + durations[earlier] == starts[activity]:
                    seen.add(earlier)
                    todo.append(earlier)
        return seen

    def step(self, starts: list[int], bound: int, seconds: float) -> list[int]:
        """One short solve around `starts`: a schedule never longer (often the same one)."""
        network = self.network
        durations, count = network.durations, len(starts)
        length = _makespan(network, starts)
        chains = resource_chains(
            durations, network.demands, network.capacities, starts, network.predecessors
        )
        free = self._free(starts, chains)
        model = cp_model.CpModel()
        begin = [
            model.new_int_var(self.earliest[a], length - self.tail[a], f"s{a}")
            for a in range(count)
        ]
        for a in range(count):
            model.add_hint(begin[a], starts[a])
            for successor in network.successors[a]:
                model.add(begin[successor] >= begin[a] + durations[a])
        for before, after in chains:
            if before not in free and after not in free:
                model.add(begin[after] >= begin[before] + durations[before])
        for resource, users in enumerate(self.users):
            model.add_cumulative(
                [model.new_fixed_size_interval_var(begin[a], durations[a], "") for a in users],
                [network.demands[a][resource] for a in users],
                network.capacities[resource],
            )
        makespan = model.new_int_var(bound, length, "makespan")
        for a in self.sinks:
            model.add(makespan >= begin[a] + durations[a])
        model.add_hint(makespan, length)
        if self.wander:
            # One unit of makespan outweighs any tie-break: each freed start lies in [0, length],
            # so the weighted sums of two schedules differ by at most 2 * len(free) * length.
            weight = 2 * len(free) * length + 1
            sides = {a: self.chooser.choice((-1, 1)) for a in free}
            model.minimize(makespan * weight + sum(sides[a] * begin[a] for a in free))
        else:
            model.minimize(makespan)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.01)
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = self.chooser.randrange(1 << 20)
        status = solver.solve(model)
        self.steps += 1
        closed = status == cp_model.OPTIMAL
        self.share = min(LARGEST_SHARE, self.share * 1.1) if closed else self.share * 0.9
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return starts
        found = self.justifier.justify([solver.value(b) for b in begin])
        return found if _makespan(network, found) <= length else starts

    def run(
        self,
        starts: Sequence[int],
        bound: int,
        deadline: float,
        incumbent: Callable[[], list[int] | None] | None = None,
        stop: Callable[[], bool] | None = None,
        on_better: Callable[[list[int]], None] | None = None,
    ) -> list[int]:
        """Steps until `deadline` (a `time.perf_counter()` reading), the bound or `stop()`;
        `incumbent()` may hand in a shorter schedule found elsewhere, `on_better` hears of each
        shorter schedule found here. Never returns a longer schedule."""
        best = current = list(starts)
        while _makespan(self.network, best) > bound and not (stop and stop()):
            left = deadline - time.perf_counter()
            if left < 0.02:
                break
            outside = incumbent() if incumbent else None
            if outside is not None and _makespan(self.network, outside) < _makespan(
                self.network, current
            ):
                current = list(outside)
            current = self.step(current, bound, min(STEP_SECONDS, left))
            if _makespan(self.network, current) < _makespan(self.network, best):
                best = current
                self.improvements += 1
                if on_better is not None:
                    on_better(best)
        return best
