"""Refuses department problems the planner cannot plan, naming the step, person or goal."""

from __future__ import annotations

from collections import Counter

from deptcoord.planning.department import DepartmentProblem
from deptcoord.planning.errors import (
    DEADLINE_BEFORE_RELEASE,
    DUPLICATE_ID,
    INVALID_VALUE,
    MAX_TIME_FRAME_DAYS,
    NO_CAPACITY_IN_WINDOW,
    NO_ELIGIBLE_PERSON,
    TIME_FRAME_TOO_LONG,
    UNKNOWN_PERSON,
    UNKNOWN_STEP,
    PlanningError,
)
from deptcoord.planning.precedence import topological_order


def check_department(problem: DepartmentProblem) -> list[str]:
    """Raise PlanningError for bad input; return the step ids in dependency order."""
    _check_time_frame(problem)
    _check_unique(problem)
    _check_people(problem)
    _check_steps(problem)
    order = _check_dependencies(problem)
    _check_goals(problem)
    return order


def _check_time_frame(problem: DepartmentProblem) -> None:
    """The time frame is between one day and two years."""
    if problem.horizon_days > MAX_TIME_FRAME_DAYS:
        raise PlanningError(TIME_FRAME_TOO_LONG, str(problem.horizon_days))
    if problem.horizon_days < 1:
        raise PlanningError(INVALID_VALUE, "horizon_days", [str(problem.horizon_days)])


def _check_unique(problem: DepartmentProblem) -> None:
    """No two people, steps or goals share an id."""
    for ids in (
        [person.person_id for person in problem.people],
        [step.step_id for step in problem.steps],
        [goal.goal_id for goal in problem.goals],
    ):
        repeated = [value for value, count in Counter(ids).items() if count > 1]
        if repeated:
            raise PlanningError(DUPLICATE_ID, repeated[0])


def _check_people(problem: DepartmentProblem) -> None:
    """Hours per day lie between 0 and 24."""
    for person in problem.people:
        for day, hours in person.hours_by_day.items():
            if not 0 <= hours <= 24:
                raise PlanningError(INVALID_VALUE, person.person_id, [f"day {day}: {hours} h"])


def _has_hours(person, horizon: int) -> bool:
    """Whether the person has any working hours inside the time frame."""
    return any(0 <= day < horizon and h > 0 for day, h in person.hours_by_day.items())


def _check_steps(problem: DepartmentProblem) -> None:
    """Every step has positive effort, a release day, and someone able to do it."""
    people = {person.person_id: person for person in problem.people}
    for step in problem.steps:
        if not step.effort_hours > 0:
            raise PlanningError(INVALID_VALUE, step.step_id, [f"effort {step.effort_hours}"])
        if step.release_day < 0:
            raise PlanningError(INVALID_VALUE, step.step_id, [f"release {step.release_day}"])
        if not step.eligible_person_ids:
            raise PlanningError(NO_ELIGIBLE_PERSON, step.step_id)
        for person_id in step.eligible_person_ids:
            if person_id not in people:
                raise PlanningError(UNKNOWN_PERSON, person_id, [step.step_id])
        able = [p for p in step.eligible_person_ids if _has_hours(people[p], problem.horizon_days)]
        if not able:
            raise PlanningError(NO_CAPACITY_IN_WINDOW, step.eligible_person_ids[0], [step.step_id])


def _check_dependencies(problem: DepartmentProblem) -> list[str]:
    """Dependencies name known steps, have no negative lag and form no cycle."""
    successors: dict[str, list[str]] = {step.step_id: [] for step in problem.steps}
    for dependency in problem.dependencies:
        for step_id in (dependency.predecessor_id, dependency.successor_id):
            if step_id not in successors:
                raise PlanningError(UNKNOWN_STEP, step_id)
        if dependency.lag_days < 0:
            raise PlanningError(
                INVALID_VALUE, dependency.successor_id, [f"lag {dependency.lag_days}"]
            )
        successors[dependency.predecessor_id].append(dependency.successor_id)
    return topological_order(successors)


def _check_goals(problem: DepartmentProblem) -> None:
    """Goals name known steps, have a positive weight and a deadline after every release."""
    releases = {step.step_id: step.release_day for step in problem.steps}
    for goal in problem.goals:
        if goal.weight < 1 or goal.deadline_day < 0:
            raise PlanningError(INVALID_VALUE, goal.goal_id, ["weight/deadline"])
        for step_id in goal.step_ids:
            if step_id not in releases:
                raise PlanningError(UNKNOWN_STEP, step_id, [goal.goal_id])
            if releases[step_id] > goal.deadline_day:
                raise PlanningError(DEADLINE_BEFORE_RELEASE, goal.goal_id, [step_id])
