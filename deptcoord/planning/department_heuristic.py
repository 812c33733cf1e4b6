"""Greedy department plans: serial scheduling by goal priority and due day.

Steps are taken one at a time, most important goal first (or earliest due first), each placed
with the eligible person who can finish it soonest; either all steps in one pass, or goal by goal,
keeping a goal's steps only when the goal is reached. Goals missed anyway are then given up one
by one, lowest priority first, to see whether that saves others. Instant preview, fallback and
CP-SAT hint.
"""

from __future__ import annotations

import math

from deptcoord.planning.department import PlanScore
from deptcoord.planning.department_index import DepartmentIndex, Placement
from deptcoord.planning.department_plan import goal_finish, score

# How many missed goals are tried as "given up" before the preview settles.
GIVE_UP_TRIES = 8


def _calendar_days(index: DepartmentIndex, step) -> int:
    """Rough calendar days the step takes with its fastest eligible person."""
    best = math.inf
    for person_id in step.eligible_person_ids:
        per_day = index.timetable.hours_between(person_id, 0, index.timetable.horizon) / max(
            index.timetable.horizon, 1
        )
        if per_day > 0:
            best = min(best, math.ceil(step.effort_hours / per_day))
    return int(best) if best < math.inf else index.timetable.beyond


def priorities(index: DepartmentIndex, given_up: frozenset[str]) -> dict[str, tuple[int, int]]:
    """Per step: the highest weight of a goal it leads to, and the day it is due to end by."""
    weight = dict.fromkeys(index.steps, 0)
    due = dict.fromkeys(index.steps, index.timetable.beyond + 1)
    for goal in index.problem.goals:
        if goal.goal_id in given_up:
            continue
        for step_id in goal.step_ids:
            weight[step_id] = max(weight[step_id], goal.weight)
            due[step_id] = min(due[step_id], goal.deadline_day + 1)
    for step_id in reversed(index.order):
        for successor, lag in index.after[step_id]:
            weight[step_id] = max(weight[step_id], weight[successor])
            latest_start = due[successor] - _calendar_days(index, index.steps[successor]) - lag
            due[step_id] = min(due[step_id], latest_start)
    return {step_id: (weight[step_id], due[step_id]) for step_id in index.steps}


def _first_free_start(busy: bytearray, table, ready: int) -> int | None:
    """First start at or after `ready` whose days are all free for the person."""
    start = ready
    while start < len(table):
        end = table[start]
        if end is None:
            start += 1
            continue
        taken = busy.find(1, start, end)
        if taken < 0:
            return start
        start = taken + 1
    return None


def _place(index: DepartmentIndex, step_id: str, ready: int, busy, option_cache):
    """The placement that finishes the step soonest, or None if nobody can fit it."""
    if step_id not in option_cache:
        option_cache[step_id] = index.options(index.steps[step_id])
    best = None
    for person_id, table, _starts in option_cache[step_id]:
        start = _first_free_start(busy[person_id], table, max(ready, 0))
        if start is not None:
            candidate = (table[start], start, busy[person_id].count(1), person_id)
            best = min(best, candidate) if best else candidate
    return Placement(best[3], best[1], best[0]) if best else None


class _GreedyState:
    """Who is busy on which day, and where steps went so far; can be copied to try a goal."""

    def __init__(self, index: DepartmentIndex, option_cache: dict) -> None:
        self.index = index
        self.option_cache = option_cache
        self.busy = {p: bytearray(index.timetable.horizon) for p in index.timetable.capacity}
        self.placements: dict[str, Placement] = {}
        self.decided: set[str] = set()

    def copy(self) -> _GreedyState:
        """An independent copy to try something on."""
        other = _GreedyState(self.index, self.option_cache)
        other.busy = {p: bytearray(days) for p, days in self.busy.items()}
        other.placements = dict(self.placements)
        other.decided = set(self.decided)
        return other

    def _place_one(self, step_id: str) -> None:
        """Place one step whose predecessors are decided, or leave it out."""
        index, before = self.index, self.index.before[step_id]
        self.decided.add(step_id)
        if not all(p in self.placements for p, _lag in before):
            return
        ready = max(
            [index.steps[step_id].release_day]
            + [index.timetable.shifted(self.placements[p].end, lag) for p, lag in before]
        )
        place = _place(index, step_id, ready, self.busy, self.option_cache)
        if place:
            self.placements[step_id] = place
            days = place.end - place.start
            self.busy[place.person_id][place.start : place.end] = b"\x01" * days

    def place(self, step_ids, key) -> None:
        """Serial scheduling of the given steps: the available one with the smallest key first."""
        todo = set(step_ids) - self.decided
        waiting = {s: sum(1 for p, _lag in self.index.before[s] if p in todo) for s in todo}
        available = {s for s, count in waiting.items() if count == 0}
        while available:
            step_id = min(available, key=key)
            available.remove(step_id)
            self._place_one(step_id)
            for successor, _lag in self.index.after[step_id]:
                if successor in waiting:
                    waiting[successor] -= 1
                    if waiting[successor] == 0:
                        available.add(successor)


def schedule_greedily(index: DepartmentIndex, key, option_cache=None) -> dict[str, Placement]:
    """Serial scheduling of every step: the available step with the smallest key first."""
    state = _GreedyState(index, {} if option_cache is None else option_cache)
    state.place(index.steps, key)
    return state.placements


def schedule_goal_by_goal(index: DepartmentIndex, key, option_cache=None) -> dict[str, Placement]:
    """Most important goal first: keep a goal's steps only if the goal is reached, else defer it."""
    state = _GreedyState(index, {} if option_cache is None else option_cache)
    for goal in sorted(index.problem.goals, key=lambda g: (-g.weight, g.deadline_day, g.goal_id)):
        trial = state.copy()
        trial.place(index.upstream(goal.step_ids), key)
        if goal_finish(index, goal, trial.placements) <= goal.deadline_day + 1 and all(
            s in trial.placements for s in goal.step_ids
        ):
            state = trial
    state.place(index.steps, key)
    return state.placements


def _best_of_rules(index, given_up, option_cache) -> tuple[PlanScore, dict[str, Placement]]:
    """Importance-first and due-first orders, all steps at once or goal by goal: the best."""
    rank = priorities(index, given_up)
    rules = (
        lambda s: (-rank[s][0], rank[s][1], s),
        lambda s: (rank[s][1], -rank[s][0], s),
    )
    plans = [
        schedule(index, rule, option_cache)
        for schedule in (schedule_greedily, schedule_goal_by_goal)
        for rule in rules
    ]
    return min(((score(index, plan), plan) for plan in plans), key=lambda pair: pair[0])


def preview_placements(index: DepartmentIndex) -> dict[str, Placement]:
    """The greedy plan, improved by giving up goals that are missed anyway."""
    option_cache: dict = {}
    given_up: frozenset[str] = frozenset()
    best_score, best = _best_of_rules(index, given_up, option_cache)
    missed = [
        goal
        for goal in sorted(index.problem.goals, key=lambda g: (g.weight, g.goal_id))
        if goal_finish(index, goal, best) > goal.deadline_day + 1
        or not all(s in best for s in goal.step_ids)
    ]
    for goal in missed[:GIVE_UP_TRIES]:
        trial_score, trial = _best_of_rules(index, given_up | {goal.goal_id}, option_cache)
        if trial_score < best_score:
            best_score, best, given_up = trial_score, trial, given_up | {goal.goal_id}
    return best
