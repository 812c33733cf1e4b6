"""Suggestions are found by re-planning, and the change really makes the goal achievable."""

from __future__ import annotations

import pytest

from deptcoord.planning.department import (
    EXTRA_CAPACITY,
    MOVE_DEADLINE,
    POSTPONE_GOAL,
    DepartmentProblem,
    Goal,
    Person,
    Step,
)
from deptcoord.planning.engine import (
    plan_department,
    suggest_changes,
    suggest_deadline_move,
    suggest_extra_capacity,
    suggest_postponement,
)
from deptcoord.planning.errors import UNKNOWN_GOAL, PlanningError
from deptcoord.planning.suggestions import with_deadline, with_extra_hours, with_postponed_goal
from deptcoord.planning.validate import validate_department

SOLVE = {"seconds": 3, "workers": 1}

# One person, An, can do everything; Binh can help with the launch but only has 4 h a day.
# Two small goals (weight 2 each) outweigh the launch (weight 3), so the launch is missed.
PROBLEM = DepartmentProblem(
    horizon_days=14,
    people=(
        Person("an", {d: 8 for d in range(14) if d % 7 < 5}),
        Person("binh", {d: 4 for d in range(14) if d % 7 < 5}),
    ),
    steps=(
        Step("build", 24, ("an", "binh")),
        Step("invoice", 8, ("an",)),
        Step("survey", 8, ("an",)),
    ),
    goals=(
        Goal("launch", ("build",), 2, weight=3),
        Goal("billing", ("invoice",), 0, weight=2),
        Goal("feedback", ("survey",), 1, weight=2),
    ),
)


@pytest.fixture(scope="module")
def baseline():
    """The plan without any change: the launch is missed."""
    plan = plan_department(PROBLEM, **SOLVE)
    assert not plan.verdict("launch").achievable
    return plan


def achieved(problem: DepartmentProblem, goal_id: str) -> bool:
    """Re-plan from scratch and check the goal, and that the plan is valid."""
    plan = plan_department(problem, **SOLVE)
    assert validate_department(problem, plan) == []
    return plan.verdict(goal_id).achievable


def test_extra_capacity_is_the_smallest_that_works(baseline):
    found = suggest_extra_capacity(PROBLEM, "launch", ("binh",), baseline=baseline, **SOLVE)
    assert found.kind == EXTRA_CAPACITY and found.verdict.achievable
    assert found.extra_hours_per_week == 20
    assert found.goals_given_up == ()
    assert achieved(with_extra_hours(PROBLEM, {"binh"}, 20), "launch")
    assert not achieved(with_extra_hours(PROBLEM, {"binh"}, 19), "launch")


def test_deadline_move_is_the_earliest_that_works(baseline):
    found = suggest_deadline_move(PROBLEM, "launch", baseline=baseline, **SOLVE)
    assert found.kind == MOVE_DEADLINE and found.verdict.achievable
    assert found.new_deadline_day == 3
    assert found.goals_given_up == ("feedback",)
    assert achieved(with_deadline(PROBLEM, "launch", 3), "launch")


def test_postponing_a_lower_priority_goal(baseline):
    found = suggest_postponement(PROBLEM, "launch", baseline=baseline, **SOLVE)
    assert found.kind == POSTPONE_GOAL and found.verdict.achievable
    assert found.postponed_goal_id in {"billing", "feedback"}
    assert achieved(with_postponed_goal(PROBLEM, found.postponed_goal_id, 2), "launch")


def test_suggest_changes_offers_every_kind_that_works(baseline):
    found = suggest_changes(PROBLEM, "launch", baseline=baseline, person_ids=("binh",), **SOLVE)
    assert {s.kind for s in found} == {EXTRA_CAPACITY, MOVE_DEADLINE, POSTPONE_GOAL}
    assert all(s.verdict.achievable for s in found)
    assert suggest_changes(PROBLEM, "billing", baseline=baseline, **SOLVE) == ()


def test_unknown_goal_is_refused(baseline):
    with pytest.raises(PlanningError) as error:
        suggest_changes(PROBLEM, "nope", baseline=baseline, **SOLVE)
    assert error.value.code == UNKNOWN_GOAL
