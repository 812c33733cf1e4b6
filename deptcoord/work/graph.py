"""The project dependency graph: critical path, slack and slip propagation.

Pure: works in integer working-day indexes (see ``deptcoord.work.calendar_days``).
A step that starts on day ``s`` with duration ``d`` finishes at ``s + d``
(exclusive), so a finish-to-start successor with lag 0 can start on day ``s + d``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

StepId = int | str

DUPLICATE_STEP = "Step {step_id!r} appears more than once; give every step its own id."
NEGATIVE_DURATION = (
    "Step {step_id!r} has a negative duration ({duration}); use 0 or more working days."
)
UNKNOWN_STEP = (
    "A dependency names step {step_id!r}, which is not part of this plan; "
    "add the step or remove the dependency."
)
DEPENDENCY_CYCLE = (
    "These steps wait for each other in a circle: {cycle}. Remove one of these dependencies."
)
SLIPPED_STEP_UNKNOWN = "Step {step_id!r} is not part of this plan."
NEGATIVE_SLIP_BEYOND_DURATION = (
    "Step {step_id!r} cannot finish {days} days earlier: it only lasts {duration} days."
)


class PlanError(ValueError):
    """A plan that cannot be scheduled because a step or dependency is wrong."""


class DependencyCycleError(PlanError):
    """Steps that depend on each other in a circle; ``cycle`` lists them in order."""

    def __init__(self, cycle: tuple[StepId, ...]) -> None:
        self.cycle = cycle
        shown = " → ".join(str(step_id) for step_id in (*cycle, cycle[0]))
        super().__init__(DEPENDENCY_CYCLE.format(cycle=shown))


@dataclass(frozen=True, slots=True)
class Step:
    """A piece of work: its duration in working days and an optional fixed earliest start."""

    id: StepId
    duration: int
    earliest_start: int | None = None


@dataclass(frozen=True, slots=True)
class Dependency:
    """The successor may start ``lag`` working days after the predecessor finishes."""

    predecessor: StepId
    successor: StepId
    lag: int = 0


@dataclass(frozen=True)
class ProjectPlan:
    """The steps of a project and the finish-to-start dependencies between them."""

    steps: tuple[Step, ...]
    dependencies: tuple[Dependency, ...] = ()


@dataclass(frozen=True, slots=True)
class StepSchedule:
    """When a step can start and finish at the earliest and at the latest, and its slack."""

    step_id: StepId
    earliest_start: int
    earliest_finish: int
    latest_start: int
    latest_finish: int
    total_slack: int
    critical: bool


@dataclass(frozen=True)
class ProjectSchedule:
    """The schedule of every step, the project finish and the critical path(s).

    ``critical_paths`` is capped at the ``path_limit`` given to ``schedule_plan``.
    """

    steps: Mapping[StepId, StepSchedule]
    project_start: int
    project_finish: int
    deadline: int | None
    critical_steps: frozenset[StepId]
    critical_paths: tuple[tuple[StepId, ...], ...]


@dataclass(frozen=True)
class SlipImpact:
    """What moves when one step finishes ``days`` later (negative: earlier).

    ``shifts`` holds every step that transitively depends on the slipped step and
    how many days its start moves (0 when slack absorbs the slip).
    """

    step_id: StepId
    days: int
    shifts: Mapping[StepId, int]
    project_finish_shift: int

    @property
    def moved(self) -> dict[StepId, int]:
        """Only the dependent steps whose start actually moves."""
        return {step_id: shift for step_id, shift in self.shifts.items() if shift}


class _Graph:
    """The plan as arrays: successors in compressed rows and one topological order."""

    __slots__ = ("durations", "fixed", "ids", "index", "lags", "offsets", "order", "targets")

    def __init__(self, plan: ProjectPlan) -> None:
        self.ids = [step.id for step in plan.steps]
        self.durations = [step.duration for step in plan.steps]
        self.fixed = [step.earliest_start for step in plan.steps]
        self.index = {step_id: i for i, step_id in enumerate(self.ids)}
        if len(self.index) != len(self.ids):
            seen: set[StepId] = set()
            for step_id in self.ids:
                if step_id in seen:
                    raise PlanError(DUPLICATE_STEP.format(step_id=step_id))
                seen.add(step_id)
        for step in plan.steps:
            if step.duration < 0:
                raise PlanError(NEGATIVE_DURATION.format(step_id=step.id, duration=step.duration))
        self._build_successors(plan.dependencies)
        self.order = self._topological_order(plan.dependencies)

    def _build_successors(self, dependencies: tuple[Dependency, ...]) -> None:
        """Counting-sort the dependencies by predecessor into flat arrays."""
        # Two passes over the input instead of an intermediate list keep memory
        # at a few flat arrays even for hundreds of thousands of dependencies.
        index, size = self.index, len(self.ids)
        counts = [0] * (size + 1)
        for dependency in dependencies:
            for step_id in (dependency.predecessor, dependency.successor):
                if step_id not in index:
                    raise PlanError(UNKNOWN_STEP.format(step_id=step_id))
            counts[index[dependency.predecessor] + 1] += 1
        for i in range(size):
            counts[i + 1] += counts[i]
        self.offsets = counts
        targets = self.targets = [0] * len(dependencies)
        lags = self.lags = [0] * len(dependencies)
        cursor = counts[:-1]
        for dependency in dependencies:
            before = index[dependency.predecessor]
            slot = cursor[before]
            targets[slot] = index[dependency.successor]
            lags[slot] = dependency.lag
            cursor[before] = slot + 1

    def _topological_order(self, dependencies: tuple[Dependency, ...]) -> list[int]:
        """Kahn's algorithm; on a cycle, raise an error naming one."""
        size, offsets, targets = len(self.ids), self.offsets, self.targets
        waiting = [0] * size
        for after in targets:
            waiting[after] += 1
        ready = deque(i for i in range(size) if not waiting[i])
        order: list[int] = []
        while ready:
            step = ready.popleft()
            order.append(step)
            for slot in range(offsets[step], offsets[step + 1]):
                after = targets[slot]
                waiting[after] -= 1
                if not waiting[after]:
                    ready.append(after)
        if len(order) < size:
            raise DependencyCycleError(self._find_cycle(waiting, dependencies))
        return order

    def _find_cycle(self, waiting: list[int], dependencies: tuple[Dependency, ...]) -> tuple:
        """Walk back through unfinished predecessors until a step repeats."""
        # Every step left waiting has a predecessor that is also left waiting, so
        # walking backwards from one must eventually come round to a repeat.
        index = self.index
        stuck_predecessor: dict[int, int] = {}
        for dependency in dependencies:
            before, after = index[dependency.predecessor], index[dependency.successor]
            if waiting[before] and waiting[after] and after not in stuck_predecessor:
                stuck_predecessor[after] = before
        step = next(i for i in range(len(waiting)) if waiting[i])
        visited: dict[int, int] = {}
        walk: list[int] = []
        while step not in visited:
            visited[step] = len(walk)
            walk.append(step)
            step = stuck_predecessor[step]
        backwards = walk[visited[step] :]
        return tuple(self.ids[i] for i in reversed(backwards))

    def earliest_starts(self, project_start: int, extra: tuple[int, int] | None = None) -> list:
        """Forward pass; ``extra`` = (step index, days) lengthens one step's finish."""
        starts = [
            project_start if fixed is None else max(project_start, fixed) for fixed in self.fixed
        ]
        durations, offsets, targets, lags = self.durations, self.offsets, self.targets, self.lags
        for step in self.order:
            finish = starts[step] + durations[step]
            if extra is not None and extra[0] == step:
                finish += extra[1]
            for slot in range(offsets[step], offsets[step + 1]):
                after = targets[slot]
                candidate = finish + lags[slot]
                if candidate > starts[after]:
                    starts[after] = candidate
        return starts

    def latest_finishes(self, anchor: int) -> list[int]:
        """Backward pass from ``anchor`` (the project finish or a deadline)."""
        finishes = [anchor] * len(self.ids)
        durations, offsets, targets, lags = self.durations, self.offsets, self.targets, self.lags
        for step in reversed(self.order):
            latest = finishes[step]
            for slot in range(offsets[step], offsets[step + 1]):
                after = targets[slot]
                candidate = finishes[after] - durations[after] - lags[slot]
                if candidate < latest:
                    latest = candidate
            finishes[step] = latest
        return finishes

    def downstream(self, step: int) -> list[int]:
        """Every step that transitively depends on ``step``, in topological order."""
        offsets, targets = self.offsets, self.targets
        seen = {step}
        queue = deque([step])
        while queue:
            current = queue.popleft()
            for slot in range(offsets[current], offsets[current + 1]):
                after = targets[slot]
                if after not in seen:
                    seen.add(after)
                    queue.append(after)
        seen.discard(step)
        return [i for i in self.order if i in seen]


def check_plan(plan: ProjectPlan) -> tuple[StepId, ...]:
    """Validate the plan and return its steps in an order that respects every dependency."""
    graph = _Graph(plan)
    return tuple(graph.ids[i] for i in graph.order)


def schedule_plan(
    plan: ProjectPlan,
    *,
    project_start: int = 0,
    deadline: int | None = None,
    path_limit: int = 20,
) -> ProjectSchedule:
    """Earliest and latest dates, total slack and critical path(s) of every step.

    Latest dates count back from ``deadline`` when given, else from the project finish.
    """
    graph = _Graph(plan)
    starts = graph.earliest_starts(project_start)
    finishes = [start + days for start, days in zip(starts, graph.durations, strict=True)]
    project_finish = max(finishes, default=project_start)
    anchor = project_finish if deadline is None else deadline
    latest = graph.latest_finishes(anchor)
    # The smallest slack is exactly anchor - finish; steps that have it are critical
    # (slack 0 without a deadline, possibly negative against a tight deadline).
    slack = anchor - project_finish
    critical = [late - early == slack for late, early in zip(latest, finishes, strict=True)]
    paths = _critical_paths(graph, starts, critical, path_limit)
    ids = graph.ids
    return ProjectSchedule(
        steps=_step_schedules(graph, starts, latest, critical),
        project_start=project_start,
        project_finish=project_finish,
        deadline=deadline,
        critical_steps=frozenset(ids[i] for i in range(len(ids)) if critical[i]),
        critical_paths=tuple(tuple(ids[i] for i in path) for path in paths),
    )


def _step_schedules(graph: _Graph, starts: list, latest: list, critical: list) -> Mapping:
    """One read-only mapping from step id to its schedule."""
    durations = graph.durations
    return MappingProxyType(
        {
            step_id: StepSchedule(
                step_id,
                starts[i],
                starts[i] + durations[i],
                latest[i] - durations[i],
                latest[i],
                latest[i] - starts[i] - durations[i],
                critical[i],
            )
            for i, step_id in enumerate(graph.ids)
        }
    )


def _critical_paths(graph: _Graph, starts: list[int], critical: list[bool], limit: int) -> list:
    """Chains of critical steps linked by dependencies that drive the successor's start."""
    offsets, targets, lags, durations = graph.offsets, graph.targets, graph.lags, graph.durations

    def driving(step: int) -> list[int]:
        """Critical successors whose start this step's finish (plus lag) fixes."""
        finish = starts[step] + durations[step]
        return [
            targets[slot]
            for slot in range(offsets[step], offsets[step + 1])
            if critical[targets[slot]] and finish + lags[slot] == starts[targets[slot]]
        ]

    driven = set()
    for step in range(len(critical)):
        if critical[step]:
            driven.update(driving(step))
    paths: list[tuple[int, ...]] = []
    heads = [i for i in range(len(critical)) if critical[i] and i not in driven]
    for head in heads:
        # Depth-first with one shared path and, per depth, the successors left to try.
        path, pending = [head], [driving(head)[::-1]]
        if not pending[0]:
            paths.append((head,))
        while pending and len(paths) < limit:
            if not pending[-1]:
                pending.pop()
                path.pop()
                continue
            after = pending[-1].pop()
            path.append(after)
            pending.append(driving(after)[::-1])
            if not pending[-1]:
                paths.append(tuple(path))
        if len(paths) >= limit:
            break
    return paths


def downstream_slip(
    plan: ProjectPlan, step_id: StepId, days: int, *, project_start: int = 0
) -> SlipImpact:
    """How far each dependent step moves when ``step_id`` finishes ``days`` later."""
    graph = _Graph(plan)
    if step_id not in graph.index:
        raise PlanError(SLIPPED_STEP_UNKNOWN.format(step_id=step_id))
    slipped = graph.index[step_id]
    if graph.durations[slipped] + days < 0:
        raise PlanError(
            NEGATIVE_SLIP_BEYOND_DURATION.format(
                step_id=step_id, days=-days, duration=graph.durations[slipped]
            )
        )
    before = graph.earliest_starts(project_start)
    after = graph.earliest_starts(project_start, extra=(slipped, days))
    durations = graph.durations
    finishes_before = [s + d for s, d in zip(before, durations, strict=True)]
    finishes_after = [s + d for s, d in zip(after, durations, strict=True)]
    finishes_after[slipped] += days
    shifts = {graph.ids[i]: after[i] - before[i] for i in graph.downstream(slipped)}
    return SlipImpact(
        step_id=step_id,
        days=days,
        shifts=MappingProxyType(shifts),
        project_finish_shift=max(finishes_after) - max(finishes_before),
    )
