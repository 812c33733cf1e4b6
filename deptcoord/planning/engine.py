"""The planner's entry points: frozen dataclasses in, frozen dataclasses out, no Django.

RCPSP: `preview_rcpsp` (heuristic, instant) and `solve_rcpsp` (CP-SAT). Department:
`preview_department` (greedy, instant), `plan_department` (CP-SAT, greedy as hint and
fallback) and `suggest_changes` (re-plans with a change that may make a missed goal achievable).
Every plan returned has been checked by `validate.py`.
"""

from __future__ import annotations

import time

from deptcoord.planning.department import (
    ChainLink,
    DepartmentPlan,
    DepartmentProblem,
    Dependency,
    Goal,
    GoalVerdict,
    Load,
    Person,
    PlanScore,
    ScheduledStep,
    Step,
    Suggestion,
)
from deptcoord.planning.department_planner import (
    InvalidScheduleError,
    plan_department,
    preview_department,
)
from deptcoord.planning.errors import PlanningError
from deptcoord.planning.progress import ProgressCallback, SolveProgress
from deptcoord.planning.rcpsp import Activity, RcpspProblem, RcpspResult
from deptcoord.planning.rcpsp_heuristic import preview_rcpsp
from deptcoord.planning.rcpsp_solver import budgeted_preview, solve_rcpsp
from deptcoord.planning.suggestions import (
    suggest_changes,
    suggest_deadline_move,
    suggest_extra_capacity,
    suggest_postponement,
)
from deptcoord.planning.validate import Violation, validate_department, validate_rcpsp

__all__ = [
    "Activity",
    "ChainLink",
    "DepartmentPlan",
    "DepartmentProblem",
    "Dependency",
    "Goal",
    "GoalVerdict",
    "InvalidScheduleError",
    "Load",
    "Person",
    "PlanScore",
    "PlanningError",
    "ProgressCallback",
    "RcpspProblem",
    "RcpspResult",
    "ScheduledStep",
    "SolveProgress",
    "Step",
    "Suggestion",
    "Violation",
    "plan_department",
    "preview_department",
    "preview_rcpsp",
    "solve_rcpsp",
    "solve_rcpsp_checked",
    "suggest_changes",
    "suggest_deadline_move",
    "suggest_extra_capacity",
    "suggest_postponement",
    "validate_department",
    "validate_rcpsp",
]


def solve_rcpsp_checked(
    problem: RcpspProblem,
    *,
    seconds: float = 10.0,
    workers: int = 2,
    heuristic_only: bool = False,
    progress: ProgressCallback | None = None,
    began: float | None = None,
) -> RcpspResult:
    """Solve a PSPLIB-style project and refuse to return a schedule that breaks a constraint.
    `seconds` bounds the whole call (from `began`, a `time.perf_counter()` reading, if given)."""
    began = time.perf_counter() if began is None else began
    if heuristic_only:
        result = preview = preview_rcpsp(problem)
    else:
        preview = budgeted_preview(problem, seconds, began)
        result = solve_rcpsp(
            problem,
            seconds=seconds,
            workers=workers,
            progress=progress,
            preview=preview,
            began=began,
        )
        if validate_rcpsp(problem, result):
            result = preview
    violations = validate_rcpsp(problem, result)
    if violations:
        raise InvalidScheduleError(f"{result.method} schedule breaks {violations[:3]}")
    return result
