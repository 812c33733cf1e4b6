"""Checks any schedule against every constraint, independently of how it was made.

Both problems: an empty list means the schedule is valid; otherwise each violation names the
activity, step, person or goal at fault.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from deptcoord.planning.department import DepartmentPlan, DepartmentProblem
from deptcoord.planning.rcpsp import RcpspProblem, RcpspResult

# Hours are floats: sums may differ from the effort by rounding only.
TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken constraint: a code, who breaks it, and a sentence with the numbers."""

    code: str
    subject_id: str
    detail: str


def validate_rcpsp(problem: RcpspProblem, result: RcpspResult) -> list[Violation]:
    """Durations, finish-to-start precedence, capacity per time unit, and the makespan."""
    activities = problem.activities
    if len(result.starts) != len(activities) or len(result.finishes) != len(activities):
        return [Violation("size", problem.name, "one start and finish per activity expected")]
    found = []
    position = {a.activity_id: p for p, a in enumerate(activities)}
    for p, activity in enumerate(activities):
        name = str(activity.activity_id)
        if result.starts[p] < 0:
            found.append(Violation("negative_start", name, f"starts at {result.starts[p]}"))
        if result.finishes[p] - result.starts[p] != activity.duration:
            found.append(Violation("duration", name, f"should last {activity.duration}"))
        for successor in activity.successors:
            if result.starts[position[successor]] < result.finishes[p]:
                found.append(Violation("precedence", str(successor), f"starts before {name} ends"))
    found += _rcpsp_capacity(problem, result)
    if result.makespan != max(result.finishes, default=0):
        found.append(Violation("makespan", problem.name, f"makespan {result.makespan} is wrong"))
    return found


def _rcpsp_capacity(problem: RcpspProblem, result: RcpspResult) -> list[Violation]:
    """Resource use at every time unit stays within capacity."""
    end = max(result.finishes, default=0)
    found = []
    for resource, capacity in enumerate(problem.capacities):
        usage = [0] * max(end, 0)
        for p, activity in enumerate(problem.activities):
            for moment in range(max(result.starts[p], 0), result.finishes[p]):
                usage[moment] += activity.demands[resource]
        for moment, used in enumerate(usage):
            if used > capacity:
                found.append(
                    Violation("capacity", f"R{resource + 1}", f"uses {used}/{capacity} at {moment}")
                )
    return found


def _capacity(problem: DepartmentProblem) -> dict[str, list[float]]:
    """Hours per person and day inside the time frame."""
    hours = {}
    for person in problem.people:
        days = [0.0] * problem.horizon_days
        for day, value in person.hours_by_day.items():
            if 0 <= day < problem.horizon_days:
                days[day] = value
        hours[person.person_id] = days
    return hours


def _working_days(problem: DepartmentProblem, capacity) -> set[int]:
    """The department calendar that lags are counted in."""
    if problem.working_days is not None:
        return set(problem.working_days)
    return {d for days in capacity.values() for d, value in enumerate(days) if value > 0}


def validate_department(problem: DepartmentProblem, plan: DepartmentPlan) -> list[Violation]:
    """Eligibility, days, hours, one step at a time, daily capacity, lags and goal verdicts."""
    capacity = _capacity(problem)
    steps = {step.step_id: step for step in problem.steps}
    found = _department_coverage(problem, plan)
    for scheduled in plan.steps:
        if scheduled.step_id in steps and scheduled.person_id in capacity:
            found += _department_step(problem, steps[scheduled.step_id], scheduled, capacity)
        elif scheduled.step_id in steps:
            found.append(Violation("unknown_person", scheduled.person_id, scheduled.step_id))
    found += _department_people(plan, capacity)
    found += _department_dependencies(problem, plan, _working_days(problem, capacity))
    found += _department_goals(problem, plan)
    return found


def _department_coverage(problem: DepartmentProblem, plan: DepartmentPlan) -> list[Violation]:
    """Every step appears exactly once, either scheduled or left out."""
    seen = [s.step_id for s in plan.steps] + list(plan.left_out_step_ids)
    found = [
        Violation("unknown_step", s, "not in the problem")
        for s in set(seen) - {step.step_id for step in problem.steps}
    ]
    for step in problem.steps:
        times = seen.count(step.step_id)
        if times != 1:
            found.append(Violation("coverage", step.step_id, f"appears {times} times"))
    return found


def _department_step(problem, step, scheduled, capacity) -> list[Violation]:
    """One scheduled step: assignee, days inside the time frame, hours adding up, no gaps."""
    name, found = step.step_id, []
    if scheduled.person_id not in step.eligible_person_ids:
        found.append(Violation("eligibility", name, f"{scheduled.person_id} may not do it"))
    if scheduled.start_day < step.release_day:
        found.append(Violation("release", name, f"starts before day {step.release_day}"))
    if not 0 <= scheduled.start_day <= scheduled.finish_day < problem.horizon_days:
        return [*found, Violation("days", name, "days outside the time frame")]
    hours = dict(scheduled.hours_by_day)
    if len(hours) != len(scheduled.hours_by_day) or any(v <= 0 for v in hours.values()):
        found.append(Violation("hours", name, "each day listed once with positive hours"))
    if abs(sum(hours.values()) - step.effort_hours) > TOLERANCE:
        found.append(Violation("effort", name, f"hours add up to {sum(hours.values())}"))
    own = capacity[scheduled.person_id]
    for day in range(scheduled.start_day, scheduled.finish_day + 1):
        if (own[day] > 0) != (day in hours):
            found.append(Violation("consecutive", name, f"day {day} breaks consecutive work"))
    if any(not scheduled.start_day <= day <= scheduled.finish_day for day in hours):
        found.append(Violation("hours", name, "hours outside its first and last day"))
    return found


def _department_people(plan: DepartmentPlan, capacity) -> list[Violation]:
    """Nobody works past their hours on a day, nor on two steps at once."""
    used: dict[tuple[str, int], float] = defaultdict(float)
    days_taken: dict[tuple[str, int], str] = {}
    found = []
    for scheduled in plan.steps:
        for day, hours in scheduled.hours_by_day:
            used[(scheduled.person_id, day)] += hours
        for day in range(scheduled.start_day, scheduled.finish_day + 1):
            other = days_taken.setdefault((scheduled.person_id, day), scheduled.step_id)
            if other != scheduled.step_id:
                found.append(Violation("one_at_a_time", scheduled.person_id, f"day {day}"))
    for (person_id, day), hours in sorted(used.items()):
        limit = capacity.get(person_id, [])[day] if 0 <= day < len(capacity[person_id]) else 0
        if hours > limit + TOLERANCE:
            found.append(Violation("daily_capacity", person_id, f"{hours} h on day {day}"))
    return found


def _department_dependencies(problem, plan: DepartmentPlan, working_days) -> list[Violation]:
    """A successor starts only after its predecessor and `lag` working days in between."""
    placed = {s.step_id: s for s in plan.steps}
    found = []
    for dependency in problem.dependencies:
        after = placed.get(dependency.successor_id)
        before = placed.get(dependency.predecessor_id)
        if after is None:
            continue
        if before is None:
            found.append(Violation("precedence", after.step_id, "its predecessor is left out"))
            continue
        between = range(before.finish_day + 1, after.start_day)
        gap = sum(1 for day in between if day in working_days)
        if after.start_day <= before.finish_day or gap < dependency.lag_days:
            found.append(Violation("precedence", after.step_id, f"too soon after {before.step_id}"))
    return found


def _department_goals(problem: DepartmentProblem, plan: DepartmentPlan) -> list[Violation]:
    """Each goal's verdict agrees with the schedule."""
    placed = {s.step_id: s for s in plan.steps}
    verdicts = {verdict.goal_id: verdict for verdict in plan.goals}
    found = []
    for goal in problem.goals:
        verdict = verdicts.get(goal.goal_id)
        complete = all(s in placed for s in goal.step_ids)
        finish = max((placed[s].finish_day for s in goal.step_ids if s in placed), default=-1)
        reached = complete and finish <= goal.deadline_day
        if verdict is None or verdict.achievable != reached:
            found.append(Violation("goal_verdict", goal.goal_id, f"achievable is {reached}"))
        elif complete and goal.step_ids and verdict.finish_day != finish:
            found.append(Violation("goal_verdict", goal.goal_id, f"finishes on day {finish}"))
    return found
