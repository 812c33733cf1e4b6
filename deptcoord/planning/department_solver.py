"""Solves the department problem with CP-SAT (model described in `department.py`).

Per step and eligible person an optional interval whose length follows from its start through
the person's calendar (one literal per distinct length); one no-overlap per person; lags the same
way over the working days. One objective: the plan score's levels weighted so that a
higher level always outweighs everything below it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from deptcoord.planning.department_index import DepartmentIndex, Placement
from deptcoord.planning.progress import ProgressCallback, ProgressReporter, configured_solver

# Left over for turning the solution into a plan and checking it, within the budget.
FINISH_RESERVE_SECONDS = 0.5


@dataclass
class _StepVariables:
    """The variables of one step: done, start, end, and per eligible person chosen + duration."""

    done: cp_model.IntVar
    start: cp_model.IntVar
    end: cp_model.IntVar
    options: dict = field(default_factory=dict)


def _add_offset(model, source, target, offsets: dict[int, int], enforce=()) -> dict:
    """target = source + offsets[source], as one literal per distinct offset.

    Far lighter than an element table: a calendar yields only a few distinct offsets.
    """
    groups: dict[int, list[int]] = {}
    for value, offset in offsets.items():
        groups.setdefault(offset, []).append(value)
    literals = {offset: model.new_bool_var(f"offset {offset}") for offset in groups}
    model.add_exactly_one(literals.values())
    for offset, values in groups.items():
        model.add_linear_expression_in_domain(
            source, cp_model.Domain.from_values(values)
        ).only_enforce_if([literals[offset], *enforce])
    shift = sum(offset * literal for offset, literal in literals.items())
    model.add(target == source + shift).only_enforce_if(list(enforce))
    return literals


def _step_variables(model, index: DepartmentIndex, step, intervals) -> _StepVariables:
    """Variables of one step; an option per person who can fit it in the time frame."""
    beyond = index.timetable.beyond
    options = index.options(step)
    starts = sorted({day for _p, _t, days in options for day in days} | {beyond})
    ends = sorted({table[day] for _p, table, days in options for day in days} | {beyond})
    name = step.step_id
    found = _StepVariables(
        model.new_bool_var(f"done {name}"),
        model.new_int_var_from_domain(cp_model.Domain.from_values(starts), f"start {name}"),
        model.new_int_var_from_domain(cp_model.Domain.from_values(ends), f"end {name}"),
    )
    for person_id, table, days in options:
        chosen = model.new_bool_var(f"{name} by {person_id}")
        lengths = {day: table[day] - day for day in days}
        length = model.new_int_var_from_domain(
            cp_model.Domain.from_values(sorted(set(lengths.values()))), "length"
        )
        literals = _add_offset(model, found.start, found.end, lengths, [chosen])
        model.add(length == sum(o * literal for o, literal in literals.items()))
        interval = model.new_optional_interval_var(found.start, length, found.end, chosen, "i")
        intervals.setdefault(person_id, []).append(interval)
        found.options[person_id] = (chosen, literals)
    model.add(sum(chosen for chosen, _literals in found.options.values()) == found.done)
    model.add(found.start == beyond).only_enforce_if(~found.done)
    model.add(found.end == beyond).only_enforce_if(~found.done)
    return found


def _add_dependencies(model, index: DepartmentIndex, variables) -> dict:
    """A successor is done only if its predecessor is, and starts after it plus the lag."""
    shifted_ends: dict[tuple[str, int], tuple] = {}
    for dependency in index.problem.dependencies:
        before = variables[dependency.predecessor_id]
        after = variables[dependency.successor_id]
        model.add_implication(after.done, before.done)
        ready = before.end
        if dependency.lag_days:
            key = (dependency.predecessor_id, dependency.lag_days)
            if key not in shifted_ends:
                shifts = {
                    end: index.timetable.shifted(end, dependency.lag_days) - end
                    for end in range(index.timetable.beyond + 1)
                }
                target = model.new_int_var(0, index.timetable.beyond, "ready")
                shifted_ends[key] = (target, _add_offset(model, before.end, target, shifts))
            ready = shifted_ends[key][0]
        model.add(after.start >= ready).only_enforce_if(after.done)
    return shifted_ends


def _add_objective(model, index: DepartmentIndex, variables) -> dict:
    """Goals achieved, lateness, steps left out and last finish, in one weighted sum."""
    beyond = index.timetable.beyond
    goal_variables = {}
    missed_terms, late_terms = [], []
    for goal in index.problem.goals:
        reached = model.new_bool_var(f"achieved {goal.goal_id}")
        finish = model.new_int_var(0, beyond, "goal finish")
        late = model.new_int_var(0, beyond, "goal lateness")
        goal_variables[goal.goal_id] = (reached, finish, late)
        ends = [variables[s].end for s in goal.step_ids]
        model.add_max_equality(finish, ends or [0])
        model.add(late >= finish - (goal.deadline_day + 1))
        for step_id in goal.step_ids:
            model.add_implication(reached, variables[step_id].done)
        model.add(finish <= goal.deadline_day + 1).only_enforce_if(reached)
        missed_terms.append(goal.weight * (1 - reached))
        late_terms.append(goal.weight * late)
    last_finish = model.new_int_var(0, beyond, "last finish")
    for step in variables.values():
        model.add(last_finish >= step.end).only_enforce_if(step.done)
    per_missed, per_late, per_left_out = index.goal_weights()
    left_out = sum(1 - step.done for step in variables.values())
    model.minimize(
        per_missed * sum(missed_terms)
        + per_late * sum(late_terms)
        + per_left_out * left_out
        + last_finish
    )
    return {"goals": goal_variables, "last_finish": last_finish}


def _add_hints(model, index: DepartmentIndex, variables, hint: dict[str, Placement]) -> None:
    """Start the search from the greedy plan: every step, option and length literal."""
    beyond = index.timetable.beyond
    for step_id, step in variables.items():
        place = hint.get(step_id)
        if place is not None and place.person_id not in step.options:
            place = None
        model.add_hint(step.done, place is not None)
        model.add_hint(step.start, place.start if place else beyond)
        model.add_hint(step.end, place.end if place else beyond)
        for person_id, (chosen, literals) in step.options.items():
            model.add_hint(chosen, place is not None and place.person_id == person_id)
            if place is not None and place.person_id == person_id:
                for offset, literal in literals.items():
                    model.add_hint(literal, offset == place.end - place.start)


def _add_goal_hints(model, index: DepartmentIndex, objective: dict, hint, shifted) -> None:
    """Hint goal, finish and lag variables so the first solution scores like the greedy plan."""
    beyond = index.timetable.beyond
    ends = {s: hint[s].end if s in hint else beyond for s in index.steps}
    for goal in index.problem.goals:
        reached, finish, late = objective["goals"][goal.goal_id]
        last = max((ends[s] for s in goal.step_ids), default=0)
        model.add_hint(finish, last)
        model.add_hint(late, max(0, last - goal.deadline_day - 1))
        model.add_hint(reached, last <= goal.deadline_day + 1)
    done_ends = [p.end for p in hint.values()]
    model.add_hint(objective["last_finish"], max(done_ends, default=0))
    for (step_id, lag), (target, literals) in shifted.items():
        ready = index.timetable.shifted(ends[step_id], lag)
        model.add_hint(target, ready)
        for offset, literal in literals.items():
            model.add_hint(literal, offset == ready - ends[step_id])


def solve_placements(
    index: DepartmentIndex,
    hint: dict[str, Placement],
    *,
    seconds: float,
    workers: int,
    progress: ProgressCallback | None = None,
    began: float | None = None,
) -> tuple[dict[str, Placement] | None, bool]:
    """CP-SAT placements (None if no plan was found in time) and whether they are optimal.

    With `began` (a `time.perf_counter()` reading), `seconds` is the budget of the whole plan
    from then on: the time spent building the model comes out of the search's limit.
    """
    model = cp_model.CpModel()
    intervals: dict[str, list] = {}
    variables = {
        step_id: _step_variables(model, index, index.steps[step_id], intervals)
        for step_id in index.order
    }
    for person_intervals in intervals.values():
        model.add_no_overlap(person_intervals)
    shifted = _add_dependencies(model, index, variables)
    objective = _add_objective(model, index, variables)
    _add_hints(model, index, variables, hint)
    _add_goal_hints(model, index, objective, hint, shifted)
    if began is not None:
        seconds = max(seconds - (time.perf_counter() - began) - FINISH_RESERVE_SECONDS, 0.1)
    solver = configured_solver(seconds, workers)
    # Probing costs seconds on department-sized models and, measured, buys worse plans.
    solver.parameters.cp_model_probing_level = 0
    status = solver.solve(model, ProgressReporter(progress, seconds))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    placements = {}
    for step_id, step in variables.items():
        for person_id, (chosen, _literals) in step.options.items():
            if solver.boolean_value(chosen):
                start, end = solver.value(step.start), solver.value(step.end)
                placements[step_id] = Placement(person_id, start, end)
    return placements, status == cp_model.OPTIMAL
