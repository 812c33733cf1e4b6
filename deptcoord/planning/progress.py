"""Passes the best objective a CP-SAT search has found to the caller, for a progress bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from deptcoord.planning.department import PlanScore


@dataclass(frozen=True)
class SolveProgress:
    """What a running solve has found so far, for a progress bar.

    `score` is the department plan's score behind `objective` (None for RCPSP).
    """

    elapsed_seconds: float
    time_limit_seconds: float
    objective: float
    best_bound: float
    score: PlanScore | None = None


ProgressCallback = Callable[[SolveProgress], None]


class ProgressReporter(cp_model.CpSolverSolutionCallback):
    """Calls `report` with the objective and bound each time the search improves."""

    def __init__(self, report: ProgressCallback | None, time_limit_seconds: float) -> None:
        super().__init__()
        self._report = report
        self._time_limit = time_limit_seconds

    def on_solution_callback(self) -> None:
        """Hand the new best objective to the caller."""
        if self._report is None:
            return
        self._report(
            SolveProgress(
                elapsed_seconds=self.wall_time,
                time_limit_seconds=self._time_limit,
                objective=self.objective_value,
                best_bound=self.best_objective_bound,
            )
        )


def configured_solver(seconds: float, workers: int, seed: int = 0) -> cp_model.CpSolver:
    """A CP-SAT solver with a wall-clock limit and a number of search workers."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(float(seconds), 0.01)
    solver.parameters.num_workers = max(int(workers), 1)
    solver.parameters.random_seed = seed
    return solver
