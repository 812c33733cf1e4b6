"""Plans a department: the greedy preview, the CP-SAT plan, each checked before it is returned."""

from __future__ import annotations

import time
from dataclasses import replace

from deptcoord.planning.department import DepartmentPlan, DepartmentProblem
from deptcoord.planning.department_heuristic import preview_placements
from deptcoord.planning.department_index import DepartmentIndex
from deptcoord.planning.department_plan import build_plan, decode_objective, score
from deptcoord.planning.department_solver import solve_placements
from deptcoord.planning.progress import ProgressCallback, SolveProgress
from deptcoord.planning.validate import validate_department


class InvalidScheduleError(RuntimeError):
    """A schedule failed validation; raised instead of returning it (a bug, never input)."""


def _checked(problem: DepartmentProblem, plan: DepartmentPlan) -> DepartmentPlan:
    """The plan, if it keeps every constraint."""
    violations = validate_department(problem, plan)
    if violations:
        raise InvalidScheduleError(f"{plan.method} plan breaks {violations[:3]}")
    return plan


def preview_department(problem: DepartmentProblem) -> DepartmentPlan:
    """The greedy plan, in well under a second for a department-sized problem."""
    began = time.perf_counter()
    index = DepartmentIndex(problem)
    placements = preview_placements(index)
    seconds = time.perf_counter() - began
    plan = build_plan(index, placements, method="heuristic", proven_optimal=False, seconds=seconds)
    return _checked(problem, plan)


def plan_department(
    problem: DepartmentProblem,
    *,
    seconds: float = 10.0,
    workers: int = 2,
    progress: ProgressCallback | None = None,
) -> DepartmentPlan:
    """The best plan CP-SAT finds within `seconds` (the whole call: building the model counts);
    the greedy plan if that is as good or better."""
    began = time.perf_counter()
    index = DepartmentIndex(problem)
    greedy = preview_placements(index)

    def report(update: SolveProgress) -> None:
        """Pass the update on with the plan score behind its objective."""
        progress(replace(update, score=decode_objective(index, int(update.objective))))

    found, proven = solve_placements(
        index,
        greedy,
        seconds=seconds,
        workers=workers,
        progress=report if progress else None,
        began=began,
    )
    if found is None or score(index, greedy) < score(index, found):
        found, method = greedy, "heuristic"
    else:
        method = "cp-sat"
    elapsed = time.perf_counter() - began
    plan = build_plan(index, found, method=method, proven_optimal=proven, seconds=elapsed)
    violations = validate_department(problem, plan)
    if violations and method == "cp-sat":
        plan = build_plan(index, greedy, method="heuristic", proven_optimal=False, seconds=elapsed)
    return _checked(problem, plan)
