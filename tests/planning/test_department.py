"""The department problem: known small plans, generated problems, priorities and progress."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.planning.department import (
    DepartmentProblem,
    Dependency,
    Goal,
    Person,
    Step,
)
from deptcoord.planning.engine import plan_department, preview_department
from deptcoord.planning.validate import validate_department


def weekdays(hours: float, days: int) -> dict[int, float]:
    """Monday-to-Friday hours for `days` days starting on a Monday."""
    return {day: hours for day in range(days) if day % 7 < 5}


def scheduled(plan, step_id):
    """The scheduled step with this id."""
    return next(step for step in plan.steps if step.step_id == step_id)


def test_two_people_work_in_parallel():
    problem = DepartmentProblem(
        horizon_days=14,
        people=(Person("an", weekdays(8, 14)), Person("binh", weekdays(8, 14))),
        steps=(Step("a", 16, ("an", "binh")), Step("b", 16, ("an", "binh"))),
    )
    plan = plan_department(problem, seconds=5, workers=1)
    assert plan.proven_optimal
    assert plan.score.finish_day == 2
    assert {s.person_id for s in plan.steps} == {"an", "binh"}
    assert validate_department(problem, plan) == []


def test_weekends_and_partial_last_day():
    problem = DepartmentProblem(
        horizon_days=14,
        people=(Person("an", weekdays(8, 14)),),
        steps=(Step("report", 44, ("an",)),),
    )
    plan = plan_department(problem, seconds=5, workers=1)
    report = scheduled(plan, "report")
    assert (report.start_day, report.finish_day) == (0, 7)
    assert report.hours_by_day[-1] == (7, 4.0)


def test_lag_counts_working_days_and_release_is_kept():
    problem = DepartmentProblem(
        horizon_days=14,
        people=(Person("an", weekdays(8, 14)), Person("binh", weekdays(8, 14))),
        steps=(Step("print", 8, ("an",)), Step("mail", 8, ("binh",)), Step("late", 8, ("an",), 2)),
        dependencies=(Dependency("print", "mail", lag_days=2),),
    )
    plan = plan_department(problem, seconds=5, workers=1)
    assert scheduled(plan, "print").finish_day == 0
    assert scheduled(plan, "mail").start_day == 3
    assert scheduled(plan, "late").start_day >= 2
    lagged_over_weekend = DepartmentProblem(
        horizon_days=14,
        people=problem.people,
        steps=(Step("print", 32, ("an",)), Step("mail", 8, ("binh",))),
        dependencies=(Dependency("print", "mail", lag_days=1),),
    )
    assert scheduled(plan_department(lagged_over_weekend, seconds=5), "mail").start_day == 7


def test_higher_priority_goal_wins_the_only_person():
    problem = DepartmentProblem(
        horizon_days=7,
        people=(Person("an", weekdays(8, 7)),),
        steps=(Step("ads", 40, ("an",)), Step("audit", 40, ("an",))),
        goals=(Goal("campaign", ("ads",), 4, weight=1), Goal("finance", ("audit",), 4, weight=5)),
    )
    for plan in (preview_department(problem), plan_department(problem, seconds=5, workers=1)):
        assert plan.verdict("finance").achievable
        assert not plan.verdict("campaign").achievable
        assert plan.verdict("campaign").finish_day is None
        assert plan.left_out_step_ids == ("ads",)
        assert validate_department(problem, plan) == []


def test_two_goals_outweigh_one_heavier_goal():
    problem = DepartmentProblem(
        horizon_days=7,
        people=(Person("an", weekdays(8, 7)),),
        steps=(Step("big", 24, ("an",)), Step("one", 8, ("an",)), Step("two", 8, ("an",))),
        goals=(
            Goal("launch", ("big",), 2, weight=3),
            Goal("first", ("one",), 0, weight=2),
            Goal("second", ("two",), 1, weight=2),
        ),
    )
    plan = plan_department(problem, seconds=5, workers=1)
    assert plan.proven_optimal
    achieved = {v.goal_id for v in plan.goals if v.achievable}
    assert achieved == {"first", "second"}
    launch = plan.verdict("launch")
    assert launch.finish_day == 4 and launch.lateness_days == 2
    assert [link.step_id for link in launch.deciding_chain][-1] == "big"


def test_verdict_names_chain_and_loaded_people():
    problem = DepartmentProblem(
        horizon_days=14,
        people=(Person("an", weekdays(8, 14), frozenset({"design"})), Person("binh", {})),
        steps=(
            Step("sketch", 16, ("an",), skill="design"),
            Step("layout", 24, ("an",), skill="design"),
            Step("idle", 8, ("binh", "an")),
        ),
        dependencies=(Dependency("sketch", "layout"),),
        goals=(Goal("brochure", ("layout",), 3),),
    )
    plan = plan_department(problem, seconds=5, workers=1)
    verdict = plan.verdict("brochure")
    assert not verdict.achievable
    assert [(link.step_id, link.waits_for) for link in verdict.deciding_chain] == [
        ("sketch", "release"),
        ("layout", "dependency"),
    ]
    assert {(load.kind, load.name) for load in verdict.loaded} == {
        ("person", "an"),
        ("skill", "design"),
    }


def test_progress_callback_receives_objective():
    reports = []
    problem = DepartmentProblem(
        horizon_days=21,
        people=tuple(Person(name, weekdays(8, 21)) for name in ("an", "binh", "chi")),
        steps=tuple(Step(f"s{n}", 6 + 5 * n, ("an", "binh", "chi")) for n in range(8)),
        goals=(Goal("all", tuple(f"s{n}" for n in range(8)), 5),),
    )
    plan = plan_department(problem, seconds=5, workers=1, progress=reports.append)
    assert reports
    assert all(report.objective >= report.best_bound for report in reports)
    assert reports[-1].score == plan.score
    assert [r.score for r in reports] == sorted((r.score for r in reports), reverse=True)


@st.composite
def departments(draw):
    """Small random departments: calendars with gaps, eligible sets, lags, releases, goals."""
    horizon = draw(st.integers(3, 18))
    people = []
    for number in range(draw(st.integers(1, 3))):
        hours = [draw(st.sampled_from([0, 0, 2.5, 4, 8])) for _ in range(horizon)]
        hours[draw(st.integers(0, horizon - 1))] = 8
        people.append(Person(f"p{number}", dict(enumerate(hours))))
    names = [person.person_id for person in people]
    steps = []
    for number in range(draw(st.integers(1, 6))):
        eligible = draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
        effort = draw(st.sampled_from([1, 2.5, 4, 8, 12, 20, 30]))
        release = draw(st.integers(0, horizon // 2))
        steps.append(Step(f"s{number}", effort, tuple(eligible), release))
    dependencies = []
    for later in range(1, len(steps)):
        for earlier in draw(st.lists(st.integers(0, later - 1), unique=True, max_size=2)):
            dependencies.append(Dependency(f"s{earlier}", f"s{later}", draw(st.integers(0, 2))))
    goals = []
    for number in range(draw(st.integers(0, 3))):
        members = draw(st.lists(st.sampled_from(steps), min_size=1, unique=True))
        earliest = max(step.release_day for step in members)
        deadline = draw(st.integers(earliest, horizon + 2))
        weight = draw(st.integers(1, 3))
        goals.append(Goal(f"g{number}", tuple(s.step_id for s in members), deadline, weight))
    return DepartmentProblem(
        horizon, tuple(people), tuple(steps), tuple(dependencies), tuple(goals)
    )


@settings(max_examples=40, deadline=None)
@given(departments())
def test_generated_departments_get_valid_plans(problem):
    preview = preview_department(problem)
    assert validate_department(problem, preview) == []
    plan = plan_department(problem, seconds=2, workers=1)
    assert validate_department(problem, plan) == []
    assert plan.score <= preview.score
    assert len(plan.steps) + len(plan.left_out_step_ids) == len(problem.steps)
