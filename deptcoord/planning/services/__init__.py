"""Every write of the planner: start a run, try a what-if, apply a plan."""

from deptcoord.planning.services.apply import plan_run_apply
from deptcoord.planning.services.runs import plan_run_start, plan_run_what_if

__all__ = ["plan_run_apply", "plan_run_start", "plan_run_what_if"]
