"""Turns placements into a plan: hours per day, score, and a verdict per goal."""

from __future__ import annotations

from deptcoord.planning.department import (
    DepartmentPlan,
    Goal,
    GoalVerdict,
    PlanScore,
    ScheduledStep,
)
from deptcoord.planning.department_index import DepartmentIndex, Placement
from deptcoord.planning.department_report import deciding_chain, hours_by_person, loads_before


def goal_finish(index: DepartmentIndex, goal: Goal, placements: dict[str, Placement]) -> int:
    """Exclusive end of the goal's last step; beyond the time frame if one is left out."""
    beyond = index.timetable.beyond
    ends = [placements[s].end if s in placements else beyond for s in goal.step_ids]
    return max(ends, default=0)


def score(index: DepartmentIndex, placements: dict[str, Placement]) -> PlanScore:
    """The plan's objective, level by level."""
    missed = lateness = 0
    for goal in index.problem.goals:
        finish = goal_finish(index, goal, placements)
        late = max(0, finish - (goal.deadline_day + 1))
        achieved = all(s in placements for s in goal.step_ids) and late == 0
        missed += 0 if achieved else goal.weight
        lateness += goal.weight * late
    return PlanScore(
        missed_weight=missed,
        weighted_lateness=lateness,
        steps_left_out=len(index.steps) - len(placements),
        finish_day=max((p.end for p in placements.values()), default=0),
    )


def objective_value(index: DepartmentIndex, plan_score: PlanScore) -> int:
    """The score as the single number the solver minimises."""
    missed, late, left_out = index.goal_weights()
    return (
        missed * plan_score.missed_weight
        + late * plan_score.weighted_lateness
        + left_out * plan_score.steps_left_out
        + plan_score.finish_day
    )


def decode_objective(index: DepartmentIndex, objective: int) -> PlanScore:
    """The plan score behind a solver objective (the inverse of `objective_value`)."""
    per_missed, per_late, per_left_out = index.goal_weights()
    missed, rest = divmod(objective, per_missed)
    late, rest = divmod(rest, per_late)
    left_out, finish = divmod(rest, per_left_out)
    return PlanScore(missed, late, left_out, finish)


def _verdict(index: DepartmentIndex, goal: Goal, placements, used) -> GoalVerdict:
    """Whether the goal is reached by its deadline, when, and what decides it."""
    complete = all(s in placements for s in goal.step_ids)
    end = goal_finish(index, goal, placements)
    return GoalVerdict(
        goal_id=goal.goal_id,
        achievable=complete and end <= goal.deadline_day + 1,
        deadline_day=goal.deadline_day,
        finish_day=end - 1 if complete else None,
        lateness_days=max(0, end - (goal.deadline_day + 1)),
        deciding_chain=deciding_chain(index, goal, placements) if complete else (),
        loaded=loads_before(index, goal, used),
    )


def build_plan(
    index: DepartmentIndex,
    placements: dict[str, Placement],
    *,
    method: str,
    proven_optimal: bool,
    seconds: float,
) -> DepartmentPlan:
    """The plan for the given placements (already known to keep every constraint)."""
    scheduled = []
    for step_id in index.order:
        if step_id in placements:
            place = placements[step_id]
            effort = index.steps[step_id].effort_hours
            hours = index.timetable.hours_used(place.person_id, effort, place.start)
            scheduled.append(
                ScheduledStep(step_id, place.person_id, place.start, place.end - 1, tuple(hours))
            )
    used = hours_by_person(index, scheduled)
    return DepartmentPlan(
        steps=tuple(scheduled),
        left_out_step_ids=tuple(s for s in index.order if s not in placements),
        goals=tuple(_verdict(index, g, placements, used) for g in index.problem.goals),
        score=score(index, placements),
        method=method,
        proven_optimal=proven_optimal,
        seconds=seconds,
    )
