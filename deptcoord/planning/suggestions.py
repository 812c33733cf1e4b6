"""What would make a missed goal achievable, each answer found by planning again with a change.

Three kinds: extra hours per week for each of a group of people (the smallest whole number of
hours that works), a later deadline (the earliest that works), and postponing a goal of lower
priority until after this goal's deadline. Every suggestion carries the verdict of its re-plan.
"""

from __future__ import annotations

from dataclasses import replace

from deptcoord.planning.department import (
    EXTRA_CAPACITY,
    MOVE_DEADLINE,
    POSTPONE_GOAL,
    DepartmentPlan,
    DepartmentProblem,
    Person,
    Suggestion,
)
from deptcoord.planning.department_index import DepartmentIndex
from deptcoord.planning.department_planner import plan_department
from deptcoord.planning.errors import UNKNOWN_GOAL, PlanningError

DAYS_PER_WEEK = 7


def _goal(problem: DepartmentProblem, goal_id: str):
    """The goal with this id, or PlanningError(UNKNOWN_GOAL)."""
    for goal in problem.goals:
        if goal.goal_id == goal_id:
            return goal
    raise PlanningError(UNKNOWN_GOAL, goal_id)


def with_extra_hours(problem: DepartmentProblem, person_ids, hours_per_week: float):
    """The problem with `hours_per_week` more for each person, spread over their working days."""
    people = []
    for person in problem.people:
        if person.person_id not in person_ids:
            people.append(person)
            continue
        hours = dict(person.hours_by_day)
        for week_start in range(0, problem.horizon_days, DAYS_PER_WEEK):
            week = range(week_start, min(week_start + DAYS_PER_WEEK, problem.horizon_days))
            working = [day for day in week if hours.get(day, 0) > 0]
            for day in working:
                hours[day] = min(24.0, hours[day] + hours_per_week / len(working))
        people.append(Person(person.person_id, hours, person.skills))
    return replace(problem, people=tuple(people))


def with_deadline(problem: DepartmentProblem, goal_id: str, deadline_day: int):
    """The problem with one goal's deadline moved."""
    goals = tuple(
        replace(g, deadline_day=deadline_day) if g.goal_id == goal_id else g for g in problem.goals
    )
    return replace(problem, goals=goals)


def with_postponed_goal(problem: DepartmentProblem, postponed_id: str, after_day: int):
    """The problem with the steps only `postponed_id` needs held back until after `after_day`."""
    index = DepartmentIndex(problem)
    postponed = _goal(problem, postponed_id)
    held = index.upstream(postponed.step_ids)
    # Goals made only of the held work wait with it (a project's own end, say); the work of
    # every other goal goes ahead.
    others = [
        s
        for g in problem.goals
        if g.goal_id != postponed_id and not set(g.step_ids) <= held
        for s in g.step_ids
    ]
    own = held - index.upstream(others)
    release = after_day + 1
    steps = tuple(
        replace(s, release_day=max(s.release_day, release)) if s.step_id in own else s
        for s in problem.steps
    )
    waiting = {g.goal_id for g in problem.goals if set(g.step_ids) <= own} | {postponed_id}
    goals = tuple(
        replace(g, deadline_day=max(g.deadline_day, release)) if g.goal_id in waiting else g
        for g in problem.goals
    )
    return replace(problem, steps=steps, goals=goals)


def _suggestion(kind, goal_id, baseline: DepartmentPlan, plan: DepartmentPlan, **change):
    """A suggestion from a re-plan: the goal's new verdict and goals no longer achieved."""
    was = {v.goal_id for v in baseline.goals if v.achievable}
    given_up = tuple(v.goal_id for v in plan.goals if v.goal_id in was and not v.achievable)
    return Suggestion(
        kind=kind,
        goal_id=goal_id,
        verdict=plan.verdict(goal_id),
        score=plan.score,
        goals_given_up=given_up,
        **change,
    )


def _search(low: int, high: int, attempt, goal_id: str):
    """Bisect (low, high] for the smallest value whose re-plan achieves the goal."""
    best = attempt(high)
    if not best.verdict(goal_id).achievable:
        return None
    while high - low > 1:
        middle = (low + high) // 2
        plan = attempt(middle)
        if plan.verdict(goal_id).achievable:
            high, best = middle, plan
        else:
            low = middle
    return high, best


def suggest_extra_capacity(
    problem: DepartmentProblem,
    goal_id: str,
    person_ids: tuple[str, ...],
    *,
    baseline: DepartmentPlan,
    seconds: float = 5.0,
    workers: int = 2,
    max_hours_per_week: int = 40,
) -> Suggestion | None:
    """The fewest extra whole hours per week, for each listed person, that reach the goal."""
    _goal(problem, goal_id)

    def attempt(hours: int) -> DepartmentPlan:
        changed = with_extra_hours(problem, set(person_ids), hours)
        return plan_department(changed, seconds=seconds, workers=workers)

    found = _search(0, max_hours_per_week, attempt, goal_id)
    if found is None:
        return None
    hours, plan = found
    return _suggestion(
        EXTRA_CAPACITY,
        goal_id,
        baseline,
        plan,
        person_ids=tuple(person_ids),
        extra_hours_per_week=float(hours),
    )


def suggest_deadline_move(
    problem: DepartmentProblem,
    goal_id: str,
    *,
    baseline: DepartmentPlan,
    seconds: float = 5.0,
    workers: int = 2,
) -> Suggestion | None:
    """The earliest later deadline inside the time frame at which the goal is reached."""
    goal = _goal(problem, goal_id)
    last_day = problem.horizon_days - 1
    if goal.deadline_day >= last_day:
        return None

    def attempt(deadline: int) -> DepartmentPlan:
        changed = with_deadline(problem, goal_id, deadline)
        return plan_department(changed, seconds=seconds, workers=workers)

    planned = baseline.verdict(goal_id).finish_day
    found = None
    # The baseline's own finish day usually works and narrows the search.
    if planned is not None and goal.deadline_day < planned < last_day:
        found = _search(goal.deadline_day, planned, attempt, goal_id)
    found = found or _search(goal.deadline_day, last_day, attempt, goal_id)
    if found is None:
        return None
    deadline, plan = found
    return _suggestion(MOVE_DEADLINE, goal_id, baseline, plan, new_deadline_day=deadline)


def _postponement_candidates(problem: DepartmentProblem, goal_id: str) -> list[str]:
    """Goals of lower priority, those sharing people with the goal first, lowest weight first."""
    index = DepartmentIndex(problem)
    goal = _goal(problem, goal_id)

    def people(goal_steps) -> set[str]:
        steps = index.upstream(goal_steps)
        return {p for s in steps for p in index.steps[s].eligible_person_ids}

    needed = people(goal.step_ids)
    # Holding back a goal that holds this one's work would only delay this one too.
    lower = [
        g
        for g in problem.goals
        if g.weight < goal.weight and not set(goal.step_ids) <= index.upstream(g.step_ids)
    ]
    return [
        g.goal_id
        for g in sorted(lower, key=lambda g: (not people(g.step_ids) & needed, g.weight, g.goal_id))
    ]


def suggest_postponement(
    problem: DepartmentProblem,
    goal_id: str,
    *,
    baseline: DepartmentPlan,
    seconds: float = 5.0,
    workers: int = 2,
    max_tries: int = 3,
) -> Suggestion | None:
    """The first lower-priority goal whose postponement past this deadline reaches this goal."""
    goal = _goal(problem, goal_id)
    for candidate in _postponement_candidates(problem, goal_id)[:max_tries]:
        changed = with_postponed_goal(problem, candidate, goal.deadline_day)
        plan = plan_department(changed, seconds=seconds, workers=workers)
        if plan.verdict(goal_id).achievable:
            return _suggestion(POSTPONE_GOAL, goal_id, baseline, plan, postponed_goal_id=candidate)
    return None


def _people_to_strengthen(problem: DepartmentProblem, baseline: DepartmentPlan, goal_id: str):
    """Who to give extra hours: the loaded people, else the chain's people, else all eligible."""
    verdict = baseline.verdict(goal_id)
    loaded = tuple(load.name for load in verdict.loaded if load.kind == "person")
    if loaded:
        return loaded
    chain = tuple(dict.fromkeys(link.person_id for link in verdict.deciding_chain))
    if chain:
        return chain
    index = DepartmentIndex(problem)
    steps = index.upstream(_goal(problem, goal_id).step_ids)
    return tuple(sorted({p for s in steps for p in index.steps[s].eligible_person_ids}))


def suggest_changes(
    problem: DepartmentProblem,
    goal_id: str,
    *,
    baseline: DepartmentPlan | None = None,
    person_ids: tuple[str, ...] | None = None,
    seconds: float = 5.0,
    workers: int = 2,
) -> tuple[Suggestion, ...]:
    """Every kind of suggestion that works for a missed goal; none if it is already reached."""
    _goal(problem, goal_id)
    baseline = baseline or plan_department(problem, seconds=seconds, workers=workers)
    if baseline.verdict(goal_id).achievable:
        return ()
    people = person_ids or _people_to_strengthen(problem, baseline, goal_id)
    options = dict(baseline=baseline, seconds=seconds, workers=workers)
    found = (
        suggest_extra_capacity(problem, goal_id, people, **options),
        suggest_deadline_move(problem, goal_id, **options),
        suggest_postponement(problem, goal_id, **options),
    )
    return tuple(suggestion for suggestion in found if suggestion is not None)
