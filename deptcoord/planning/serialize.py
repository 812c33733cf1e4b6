"""Department problems, plans and suggestions to JSON-ready dicts and back (no Django).

A plan run stores its problem so that a what-if re-plans exactly what its parent planned, and
stores its plans so that pages read them without solving again.
"""

from __future__ import annotations

from dataclasses import asdict

from deptcoord.planning.department import (
    DepartmentPlan,
    DepartmentProblem,
    Dependency,
    Goal,
    Person,
    Step,
    Suggestion,
)


def problem_to_dict(problem: DepartmentProblem) -> dict:
    """The problem as plain data (day keys as strings, as JSON wants them)."""
    return {
        "horizon_days": problem.horizon_days,
        "people": [
            {
                "person_id": person.person_id,
                "hours_by_day": {str(day): hours for day, hours in person.hours_by_day.items()},
                "skills": sorted(person.skills),
            }
            for person in problem.people
        ],
        "steps": [asdict(step) for step in problem.steps],
        "dependencies": [asdict(dependency) for dependency in problem.dependencies],
        "goals": [asdict(goal) for goal in problem.goals],
        "working_days": list(problem.working_days) if problem.working_days is not None else None,
    }


def problem_from_dict(data: dict) -> DepartmentProblem:
    """The problem stored by `problem_to_dict`."""
    working_days = data.get("working_days")
    return DepartmentProblem(
        horizon_days=int(data["horizon_days"]),
        people=tuple(
            Person(
                person_id=person["person_id"],
                hours_by_day={int(day): hours for day, hours in person["hours_by_day"].items()},
                skills=frozenset(person.get("skills", ())),
            )
            for person in data["people"]
        ),
        steps=tuple(
            Step(
                step_id=step["step_id"],
                effort_hours=step["effort_hours"],
                eligible_person_ids=tuple(step["eligible_person_ids"]),
                release_day=step.get("release_day", 0),
                skill=step.get("skill"),
            )
            for step in data["steps"]
        ),
        dependencies=tuple(Dependency(**dependency) for dependency in data["dependencies"]),
        goals=tuple(
            Goal(
                goal_id=goal["goal_id"],
                step_ids=tuple(goal["step_ids"]),
                deadline_day=goal["deadline_day"],
                weight=goal.get("weight", 1),
            )
            for goal in data["goals"]
        ),
        working_days=tuple(working_days) if working_days is not None else None,
    )


def plan_to_dict(plan: DepartmentPlan) -> dict:
    """The plan as plain data (tuples become lists)."""
    return asdict(plan)


def suggestion_to_dict(suggestion: Suggestion) -> dict:
    """A suggestion as plain data."""
    return asdict(suggestion)
