"""Input the planner refuses, each with a code and the id at fault."""

from __future__ import annotations

import pytest

from deptcoord.planning import errors
from deptcoord.planning.department import (
    DepartmentProblem,
    Dependency,
    Goal,
    Person,
    Step,
)
from deptcoord.planning.engine import plan_department, preview_department
from deptcoord.planning.errors import PlanningError

AN = Person("an", {0: 8, 1: 8, 2: 8})
BINH = Person("binh", {})


def refused(problem: DepartmentProblem) -> PlanningError:
    """The error both planners raise for the problem (they must agree)."""
    with pytest.raises(PlanningError) as preview_error:
        preview_department(problem)
    with pytest.raises(PlanningError) as solver_error:
        plan_department(problem, seconds=1, workers=1)
    assert preview_error.value.code == solver_error.value.code
    return solver_error.value


def test_step_without_eligible_person():
    error = refused(DepartmentProblem(3, (AN,), (Step("s", 4, ()),)))
    assert (error.code, error.subject_id) == (errors.NO_ELIGIBLE_PERSON, "s")
    assert "s" in str(error)


def test_dependency_cycle_is_named():
    problem = DepartmentProblem(
        3,
        (AN,),
        (Step("a", 1, ("an",)), Step("b", 1, ("an",)), Step("c", 1, ("an",))),
        (Dependency("a", "b"), Dependency("b", "c"), Dependency("c", "a")),
    )
    error = refused(problem)
    assert error.code == errors.DEPENDENCY_CYCLE
    cycle = error.related_ids
    assert cycle[0] == cycle[-1]
    assert set(cycle) == {"a", "b", "c"}


def test_deadline_before_release():
    problem = DepartmentProblem(
        3, (AN,), (Step("s", 4, ("an",), release_day=2),), goals=(Goal("g", ("s",), 1),)
    )
    error = refused(problem)
    assert (error.code, error.subject_id, error.related_ids) == (
        errors.DEADLINE_BEFORE_RELEASE,
        "g",
        ("s",),
    )


def test_only_eligible_person_without_hours():
    problem = DepartmentProblem(3, (AN, BINH), (Step("s", 4, ("binh",)),))
    error = refused(problem)
    assert (error.code, error.subject_id, error.related_ids) == (
        errors.NO_CAPACITY_IN_WINDOW,
        "binh",
        ("s",),
    )


def test_person_without_hours_is_fine_when_someone_else_can_do_it():
    problem = DepartmentProblem(3, (AN, BINH), (Step("s", 4, ("binh", "an")),))
    assert preview_department(problem).steps[0].person_id == "an"


def test_time_frame_longer_than_two_years():
    error = refused(DepartmentProblem(731, (AN,), (Step("s", 4, ("an",)),)))
    assert error.code == errors.TIME_FRAME_TOO_LONG
    assert preview_department(DepartmentProblem(730, (AN,), (Step("s", 4, ("an",)),))).steps


@pytest.mark.parametrize(
    ("problem", "code", "subject"),
    [
        (DepartmentProblem(3, (AN,), (Step("s", 4, ("zoe",)),)), errors.UNKNOWN_PERSON, "zoe"),
        (
            DepartmentProblem(3, (AN,), (Step("s", 4, ("an",)),), (Dependency("s", "x"),)),
            errors.UNKNOWN_STEP,
            "x",
        ),
        (DepartmentProblem(3, (AN, AN), ()), errors.DUPLICATE_ID, "an"),
        (DepartmentProblem(3, (AN,), (Step("s", 0, ("an",)),)), errors.INVALID_VALUE, "s"),
        (
            DepartmentProblem(3, (AN,), (Step("s", 1, ("an",)),), goals=(Goal("g", ("s",), 2, 0),)),
            errors.INVALID_VALUE,
            "g",
        ),
    ],
)
def test_other_bad_input(problem, code, subject):
    error = refused(problem)
    assert (error.code, error.subject_id) == (code, subject)
