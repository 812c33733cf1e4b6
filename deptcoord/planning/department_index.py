"""Lookups over a checked department problem that the heuristic, solver and report share."""

from __future__ import annotations

from dataclasses import dataclass

from deptcoord.planning.department import DepartmentProblem, Goal, Step
from deptcoord.planning.department_checks import check_department
from deptcoord.planning.timetable import Timetable


@dataclass(frozen=True)
class Placement:
    """Where a step went: its assignee, first day and exclusive end day."""

    person_id: str
    start: int
    end: int


class DepartmentIndex:
    """The problem checked and indexed: steps, dependencies, goals, calendar arithmetic."""

    def __init__(self, problem: DepartmentProblem) -> None:
        self.problem = problem
        self.order = check_department(problem)
        self.timetable = Timetable(problem)
        self.steps: dict[str, Step] = {step.step_id: step for step in problem.steps}
        self.goals: dict[str, Goal] = {goal.goal_id: goal for goal in problem.goals}
        self.before: dict[str, list[tuple[str, int]]] = {s: [] for s in self.steps}
        self.after: dict[str, list[tuple[str, int]]] = {s: [] for s in self.steps}
        for dependency in problem.dependencies:
            pair = (dependency.predecessor_id, dependency.successor_id)
            self.before[pair[1]].append((pair[0], dependency.lag_days))
            self.after[pair[0]].append((pair[1], dependency.lag_days))

    def upstream(self, step_ids) -> set[str]:
        """The given steps and every step they wait for, directly or not."""
        seen, stack = set(step_ids), list(step_ids)
        while stack:
            for predecessor, _lag in self.before[stack.pop()]:
                if predecessor not in seen:
                    seen.add(predecessor)
                    stack.append(predecessor)
        return seen

    def options(self, step: Step) -> list[tuple[str, tuple[int | None, ...], list[int]]]:
        """Per eligible person: end table and the start days that fit the time frame."""
        found = []
        for person_id in step.eligible_person_ids:
            table = self.timetable.end_table(person_id, step.effort_hours)
            starts = [d for d, end in enumerate(table) if end is not None and d >= step.release_day]
            if starts:
                found.append((person_id, table, starts))
        return found

    def goal_weights(self) -> tuple[int, int, int]:
        """Multipliers that turn the level-by-level comparison into one number."""
        beyond = self.timetable.beyond
        per_left_out = beyond + 1
        per_late_day = per_left_out * (len(self.steps) + 1)
        total_weight = sum(goal.weight for goal in self.problem.goals)
        per_missed_weight = per_late_day * (total_weight * beyond + 1)
        return per_missed_weight, per_late_day, per_left_out
