"""The validator catches every kind of broken schedule, for both problems."""

from __future__ import annotations

from dataclasses import replace

from deptcoord.planning.department import (
    DepartmentProblem,
    Dependency,
    Goal,
    Person,
    ScheduledStep,
    Step,
)
from deptcoord.planning.engine import preview_department
from deptcoord.planning.rcpsp import Activity, RcpspProblem, RcpspResult
from deptcoord.planning.validate import validate_department, validate_rcpsp

PROJECT = RcpspProblem(
    "tiny",
    (2,),
    (Activity(1, 2, (1,), (2,)), Activity(2, 3, (2,), ()), Activity(3, 1, (1,), ())),
)


def rcpsp_result(starts, durations=(2, 3, 1)) -> RcpspResult:
    """A result with the given starts."""
    finishes = tuple(s + d for s, d in zip(starts, durations, strict=True))
    return RcpspResult("tiny", tuple(starts), finishes, max(finishes), False, 0, "test", 0.0)


def codes(violations) -> set[str]:
    """The codes of the violations found."""
    return {violation.code for violation in violations}


def test_rcpsp_valid_schedule_has_no_violations():
    assert validate_rcpsp(PROJECT, rcpsp_result((0, 2, 0))) == []


def test_rcpsp_precedence_capacity_and_duration_violations_are_found():
    assert "precedence" in codes(validate_rcpsp(PROJECT, rcpsp_result((0, 1, 5))))
    assert "capacity" in codes(validate_rcpsp(PROJECT, rcpsp_result((0, 2, 3))))
    wrong_duration = replace(rcpsp_result((0, 2, 0)), finishes=(2, 4, 1), makespan=4)
    assert "duration" in codes(validate_rcpsp(PROJECT, wrong_duration))
    wrong_makespan = replace(rcpsp_result((0, 2, 0)), makespan=4)
    assert "makespan" in codes(validate_rcpsp(PROJECT, wrong_makespan))


WEEKDAYS = {day: 8.0 for day in range(14) if day % 7 < 5}
DEPARTMENT = DepartmentProblem(
    horizon_days=14,
    people=(Person("an", WEEKDAYS), Person("binh", WEEKDAYS)),
    steps=(
        Step("draft", 16, ("an",)),
        Step("review", 8, ("an", "binh"), release_day=1),
        Step("print", 4, ("binh",)),
    ),
    dependencies=(Dependency("draft", "review", lag_days=1),),
    goals=(Goal("brochure", ("review",), deadline_day=8),),
)


def broken(step_id: str, **changes):
    """The preview plan with one scheduled step changed."""
    plan = preview_department(DEPARTMENT)
    steps = tuple(replace(s, **changes) if s.step_id == step_id else s for s in plan.steps)
    return replace(plan, steps=steps)


def test_department_preview_is_valid():
    assert validate_department(DEPARTMENT, preview_department(DEPARTMENT)) == []


def test_department_violations_are_found():
    plan = preview_department(DEPARTMENT)
    review = next(s for s in plan.steps if s.step_id == "review")
    assert review.start_day >= 3
    early = broken("review", start_day=2, finish_day=2, hours_by_day=((2, 8.0),))
    assert "precedence" in codes(validate_department(DEPARTMENT, early))
    stranger = broken("print", person_id="an")
    assert "eligibility" in codes(validate_department(DEPARTMENT, stranger))
    short = broken("draft", hours_by_day=((0, 8.0),))
    assert "effort" in codes(validate_department(DEPARTMENT, short))
    overtime = broken("draft", finish_day=0, hours_by_day=((0, 16.0),))
    assert "daily_capacity" in codes(validate_department(DEPARTMENT, overtime))
    weekend = broken("print", start_day=5, finish_day=5, hours_by_day=((5, 4.0),))
    assert "daily_capacity" in codes(validate_department(DEPARTMENT, weekend))


def test_department_double_booking_release_and_coverage_are_found():
    plan = preview_department(DEPARTMENT)
    draft = next(s for s in plan.steps if s.step_id == "draft")
    clash = ScheduledStep("print", "an", draft.start_day, draft.start_day, ((0, 4.0),))
    with_clash = replace(plan, steps=(*[s for s in plan.steps if s.step_id != "print"], clash))
    found = codes(validate_department(DEPARTMENT, with_clash))
    assert {"one_at_a_time", "eligibility"} <= found
    too_early = broken("review", start_day=0, finish_day=0, hours_by_day=((0, 8.0),))
    assert "release" in codes(validate_department(DEPARTMENT, too_early))
    missing = replace(plan, steps=plan.steps[1:])
    assert "coverage" in codes(validate_department(DEPARTMENT, missing))


def test_department_false_goal_verdict_is_found():
    plan = preview_department(DEPARTMENT)
    lying = replace(plan, goals=(replace(plan.goals[0], achievable=not plan.goals[0].achievable),))
    assert "goal_verdict" in codes(validate_department(DEPARTMENT, lying))
