"""Solves the classic RCPSP with CP-SAT: interval variables, one cumulative per resource.

With two workers or more the budget is split between two searches running side by side: one
worker runs our own large neighbourhood search (short CP-SAT solves of small relaxations around
the best schedule, `rcpsp_lns.py`), the others CP-SAT's full search, which proves optima and
whose schedules the neighbourhood search picks up as they come. On large projects, unless the
full search has closed within half the time left, its thread then runs a second neighbourhood
search, one that breaks ties between schedules of equal length at random and so wanders where
the first does not. All share the best schedule found so far.
"""

from __future__ import annotations

import threading
import time

from ortools.sat.python import cp_model

from deptcoord.planning.progress import (
    ProgressCallback,
    ProgressReporter,
    SolveProgress,
    configured_solver,
)
from deptcoord.planning.rcpsp import (
    RcpspProblem,
    RcpspResult,
    earliest_starts,
    lower_bound,
    tails,
)
from deptcoord.planning.rcpsp_heuristic import polish, preview_rcpsp
from deptcoord.planning.rcpsp_lns import NeighbourhoodSearch

# Left over for reading the solution and checking it, within the budget: CP-SAT stops a little
# after its limit with two workers on a busy machine, and the whole call must end on time.
FINISH_RESERVE_SECONDS = 0.25
# Share of the budget the iterated heuristic may take before CP-SAT starts from its best schedule.
HEURISTIC_SHARE = 0.05
# It stops sooner after this many passes without a shorter schedule (small projects settle fast
# and CP-SAT then proves the optimum or closes the gap far better).
HEURISTIC_PATIENCE = 300
# With two workers or more, one runs our neighbourhood search (see the module's docstring), the
# others CP-SAT's full search, without the linear relaxation (None: CP-SAT's default): it explores
# far more nodes, and measured better beside the neighbourhood search.
FULL_LINEARIZATION: int | None = 0
# On projects of at least SPLIT_FROM activities the full search gets FULL_SHARE of the time
# left: there it rarely finds a shorter schedule later, and a second neighbourhood search does
# more with the time. Smaller projects keep it to the end: it proves some optima late (j3029_8,
# 30 activities, at about 9 s of 10).
SPLIT_FROM = 80
FULL_SHARE = 0.5


def budgeted_preview(problem: RcpspProblem, seconds: float, began: float) -> RcpspResult:
    """The heuristic's best schedule within its share of the budget (counted from `began`)."""
    left = seconds * HEURISTIC_SHARE - (time.perf_counter() - began)
    return preview_rcpsp(
        problem, passes=1_000_000, seconds=max(left, 0.0), patience=HEURISTIC_PATIENCE
    )


def _build_model(problem: RcpspProblem, upper: int, bound: int, hint: RcpspResult):
    """The model: starts within [earliest, upper - tail], makespan within [bound, upper]."""
    model = cp_model.CpModel()
    earliest = earliest_starts(problem)
    tail = tails(problem)
    starts, intervals = [], []
    for position, activity in enumerate(problem.activities):
        start = model.new_int_var(earliest[position], upper - tail[position], f"s{position}")
        starts.append(start)
        intervals.append(
            model.new_fixed_size_interval_var(start, activity.duration, f"i{position}")
        )
        model.add_hint(start, hint.starts[position])
    index = {a.activity_id: position for position, a in enumerate(problem.activities)}
    for position, activity in enumerate(problem.activities):
        for successor in activity.successors:
            model.add(starts[index[successor]] >= starts[position] + activity.duration)
    for resource, capacity in enumerate(problem.capacities):
        users = [
            position
            for position, a in enumerate(problem.activities)
            if a.demands[resource] > 0 and a.duration > 0
        ]
        demands = [problem.activities[p].demands[resource] for p in users]
        model.add_cumulative([intervals[p] for p in users], demands, capacity)
    makespan = model.new_int_var(bound, upper, "makespan")
    for position, activity in enumerate(problem.activities):
        model.add(makespan >= starts[position] + activity.duration)
    model.add_hint(makespan, hint.makespan)
    model.minimize(makespan)
    return model, starts


class _Board:
    """The shortest schedule either search has found so far, shared between threads."""

    def __init__(self, problem, starts) -> None:
        self.problem, self.lock = problem, threading.Lock()
        self.best, self.length = list(starts), _length(problem, starts)

    def offer(self, starts) -> None:
        """Keep `starts` if shorter than the best so far."""
        length = _length(self.problem, starts)
        with self.lock:
            if length < self.length:
                self.best, self.length = list(starts), length

    def take(self) -> list[int]:
        """The best schedule so far."""
        with self.lock:
            return self.best


class _FullSearch(cp_model.CpSolverSolutionCallback):
    """CP-SAT's full search in a thread of its own; hands on each schedule it finds. Unless it
    closes within its share of the time, the thread then runs `second` to the deadline."""

    def __init__(
        self,
        model,
        starts,
        board,
        deadline,
        workers: int,
        progress,
        limit: float,
        second: tuple[NeighbourhoodSearch, int] | None = None,  # the search and its bound
    ):
        super().__init__()
        self.model, self.starts, self.board, self.deadline = model, starts, board, deadline
        self.second = second
        left = max(deadline - time.perf_counter(), 0.05)
        self.solver = configured_solver(left * (FULL_SHARE if second else 1), workers)
        if FULL_LINEARIZATION is not None:
            self.solver.parameters.linearization_level = FULL_LINEARIZATION
        self.progress, self.limit = progress, limit
        self.status = cp_model.UNKNOWN
        self.enough, self.finished = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.status = self.solver.solve(self.model, self)
        if self.status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.board.offer([self.solver.value(start) for start in self.starts])
        self.finished.set()
        if self.second is not None and not self.closed() and not self.enough.is_set():
            search, bound = self.second
            search.run(
                self.board.take(),
                bound,
                self.deadline,
                incumbent=self.board.take,
                stop=self.enough.is_set,
                on_better=self.board.offer,
            )

    def on_solution_callback(self) -> None:
        """Keep the schedule for the neighbourhood search and report progress."""
        if self.enough.is_set():  # told to stop before the search had begun
            self.stop_search()
        self.board.offer([self.value(start) for start in self.starts])
        if self.progress is not None:
            self.progress(
                SolveProgress(
                    self.wall_time, self.limit, self.objective_value, self.best_objective_bound
                )
            )

    def closed(self) -> bool:
        """Whether the search has proven its best schedule optimal (or found none can exist)."""
        return self.finished.is_set() and self.status in (cp_model.OPTIMAL, cp_model.INFEASIBLE)


def _portfolio(problem, model, starts, bound, preview, deadline, workers, progress, seconds):
    """Our neighbourhood search on this thread, CP-SAT's full search on the other workers
    (then, on large projects, the wandering neighbourhood search), all until `deadline` (a
    `time.perf_counter()` reading)."""
    board = _Board(problem, preview.starts)
    earliest, tail = earliest_starts(problem), tails(problem)
    second = None
    if len(problem.activities) >= SPLIT_FROM:
        second = (NeighbourhoodSearch(problem, earliest, tail, seed=1, wander=True), bound)
    full = _FullSearch(model, starts, board, deadline, workers - 1, progress, seconds, second)
    full.thread.start()
    search = NeighbourhoodSearch(problem, earliest, tail)
    started = time.perf_counter()

    def better(found: list[int]) -> None:
        board.offer(found)
        if progress is not None:
            length = _length(problem, found)
            progress(SolveProgress(time.perf_counter() - started, seconds, length, bound))

    best = search.run(
        list(preview.starts),
        bound,
        deadline,
        incumbent=board.take,
        stop=full.closed,
        on_better=better,
    )
    full.enough.set()
    full.solver.stop_search()
    full.thread.join()
    board.offer(best)
    proven = full.status == cp_model.OPTIMAL
    solver_bound = bound
    if full.status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solver_bound = max(bound, int(full.solver.best_objective_bound))
    return board.take(), proven, solver_bound


def _length(problem, starts) -> int:
    """The makespan of `starts`."""
    return max((s + a.duration for s, a in zip(starts, problem.activities, strict=True)), default=0)


def solve_rcpsp(
    problem: RcpspProblem,
    *,
    seconds: float = 10.0,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    preview: RcpspResult | None = None,
    began: float | None = None,
) -> RcpspResult:
    """Minimise the makespan with CP-SAT; `proven_optimal` says whether the search closed.

    `seconds` is the budget of the whole call, or, with `began` (a `time.perf_counter()`
    reading), of everything since then: the heuristic and building the model count."""
    began = time.perf_counter() if began is None else began
    preview = preview or budgeted_preview(problem, seconds, began)
    bound = max(lower_bound(problem), preview.lower_bound)
    if preview.makespan <= bound:
        return _result(problem, preview.starts, True, bound, "cp-sat", began)
    model, starts = _build_model(problem, preview.makespan, bound, preview)
    deadline = began + seconds - FINISH_RESERVE_SECONDS
    left = max(deadline - time.perf_counter(), 0.05)
    if workers >= 2:
        found, proven, solver_bound = _portfolio(
            problem, model, starts, bound, preview, deadline, workers, progress, seconds
        )
    else:
        solver = configured_solver(left, workers)
        status = solver.solve(model, ProgressReporter(progress, seconds))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return _result(problem, preview.starts, False, bound, "cp-sat", began)
        found = [solver.value(start) for start in starts]
        solver_bound = max(bound, int(solver.best_objective_bound))
        proven = status == cp_model.OPTIMAL
    if not proven:
        # Forward-backward improvement costs milliseconds and sometimes shortens the schedule
        # the search stopped at; it never lengthens it.
        found = polish(problem, found)
    return _result(problem, tuple(found), proven, solver_bound, "cp-sat", began)


def _result(problem, starts, proven, bound, method, began) -> RcpspResult:
    """Package starts into a result with finishes and makespan."""
    finishes = tuple(s + a.duration for s, a in zip(starts, problem.activities, strict=True))
    makespan = max(finishes, default=0)
    return RcpspResult(
        name=problem.name,
        starts=tuple(starts),
        finishes=finishes,
        makespan=makespan,
        proven_optimal=proven or makespan == bound,
        lower_bound=min(bound, makespan),
        method=method,
        seconds=time.perf_counter() - began,
    )
