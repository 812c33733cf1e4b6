"""The department problem: steps done by people with limited hours, toward goals with deadlines.

The model, in day granularity (day 0 is the first day of the time frame):

* Each person has a calendar of available working hours per day (time off, meetings and
  committed work already taken out). A day with hours is one of their working days.
* Each step has an effort in hours and is done by exactly one eligible person. The person works
  on one planned step at a time: from its start day the step takes all of the person's hours on
  each of their working days until the effort is done, so it occupies consecutive working days
  of its assignee. Hours left over on its last day stay free for unplanned work.
* A dependency lets its successor start only after the predecessor's last day plus a lag in
  working days of the department calendar (the days on which anyone works, unless given).
* A step starts no earlier than its release day and finishes inside the time frame, or is left
  out of the plan ("not within the time frame").
* A goal is achieved when all its steps finish on or before its deadline day.

Plans are compared in this order: priority-weighted goals missed, weighted lateness in days,
steps left out, last finish day — fewer is better at each level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Person:
    """Someone who can do steps, with available working hours per day (day index → hours)."""

    person_id: str
    hours_by_day: Mapping[int, float] = field(hash=False)
    skills: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # A read-only copy, so a frozen problem cannot change under the solver.
        frozen = MappingProxyType({int(d): float(h) for d, h in self.hours_by_day.items()})
        object.__setattr__(self, "hours_by_day", frozen)


@dataclass(frozen=True)
class Step:
    """A piece of work: effort in hours, who may do it (one id = a fixed assignee)."""

    step_id: str
    effort_hours: float
    eligible_person_ids: tuple[str, ...]
    release_day: int = 0
    skill: str | None = None


@dataclass(frozen=True)
class Dependency:
    """The successor may start only `lag_days` working days after the predecessor finishes."""

    predecessor_id: str
    successor_id: str
    lag_days: int = 0


@dataclass(frozen=True)
class Goal:
    """A goal is achieved when all its steps finish by `deadline_day`; `weight` is its priority."""

    goal_id: str
    step_ids: tuple[str, ...]
    deadline_day: int
    weight: int = 1


@dataclass(frozen=True)
class DepartmentProblem:
    """Everything the planner needs about one time frame of `horizon_days` days."""

    horizon_days: int
    people: tuple[Person, ...]
    steps: tuple[Step, ...]
    dependencies: tuple[Dependency, ...] = ()
    goals: tuple[Goal, ...] = ()
    working_days: tuple[int, ...] | None = None


@dataclass(frozen=True)
class ScheduledStep:
    """Who does a step, from which day to which day (both included), and hours on each day."""

    step_id: str
    person_id: str
    start_day: int
    finish_day: int
    hours_by_day: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class ChainLink:
    """One step of a deciding chain, and what kept it from starting earlier."""

    step_id: str
    person_id: str
    start_day: int
    finish_day: int
    waits_for: str


@dataclass(frozen=True)
class Load:
    """How much of a person's or skill group's hours the plan uses before a deadline."""

    kind: str
    name: str
    planned_hours: float
    available_hours: float
    share: float


@dataclass(frozen=True)
class GoalVerdict:
    """Whether a goal is reachable by its deadline, when it is reached, and what decides it."""

    goal_id: str
    achievable: bool
    deadline_day: int
    finish_day: int | None
    lateness_days: int
    deciding_chain: tuple[ChainLink, ...]
    loaded: tuple[Load, ...]


@dataclass(frozen=True, order=True)
class PlanScore:
    """The plan's objective, compared level by level (fewer is better everywhere)."""

    missed_weight: int
    weighted_lateness: int
    steps_left_out: int
    finish_day: int


@dataclass(frozen=True)
class DepartmentPlan:
    """A plan: the scheduled steps, those left out, and a verdict per goal."""

    steps: tuple[ScheduledStep, ...]
    left_out_step_ids: tuple[str, ...]
    goals: tuple[GoalVerdict, ...]
    score: PlanScore
    method: str
    proven_optimal: bool
    seconds: float

    def verdict(self, goal_id: str) -> GoalVerdict:
        """The verdict for one goal."""
        return next(verdict for verdict in self.goals if verdict.goal_id == goal_id)


@dataclass(frozen=True)
class Suggestion:
    """A change that was tried by planning again, with the goal's verdict after the change."""

    kind: str
    goal_id: str
    verdict: GoalVerdict
    score: PlanScore
    goals_given_up: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    extra_hours_per_week: float = 0.0
    new_deadline_day: int | None = None
    postponed_goal_id: str | None = None


EXTRA_CAPACITY = "extra_capacity"
MOVE_DEADLINE = "move_deadline"
POSTPONE_GOAL = "postpone_goal"
