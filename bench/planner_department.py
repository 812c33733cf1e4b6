"""Benchmark: a department of 30 people, 400 steps and 13 weeks, greedy preview beside CP-SAT.

    python bench/planner_department.py [--seconds 15] [--workers 2] [--seed 7]

The department is generated from the seed (skills, part-time, time off, public holidays,
weekly meetings, 40 goals of 10 steps). CP-SAT gets the product's time limit (PLANNER_SECONDS,
15 s), so the figures are the verdict a coordinator waits for. Prints a Markdown table, the gap
between the heuristic and CP-SAT and the targets (preview ≤ 1 s, verdict ≤ 15 s), and writes
bench/results/planner_department.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from deptcoord.planning.department import (  # noqa: E402
    DepartmentPlan,
    DepartmentProblem,
    Dependency,
    Goal,
    Person,
    Step,
)
from deptcoord.planning.engine import plan_department, preview_department  # noqa: E402
from deptcoord.planning.validate import validate_department  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results" / "planner_department.json"
SKILLS = ("design", "content", "development", "data", "sales", "finance")
WEEKS = 13
# The product's CP-SAT limit (settings.PLANNER_SECONDS) and the targets.
PRODUCT_SECONDS = 15.0
PREVIEW_TARGET_SECONDS = 1.0
VERDICT_TARGET_SECONDS = 15.0


def _person(rng: random.Random, number: int, holidays: set[int]) -> Person:
    """A person with one or two skills, their daily hours, a weekly meeting and time off."""
    days = WEEKS * 7
    daily = rng.choice([8, 8, 8, 8, 6, 4])
    meeting_day = rng.randrange(5)
    hours = {d: float(daily) for d in range(days) if d % 7 < 5 and d not in holidays}
    for day in list(hours):
        if day % 7 == meeting_day:
            hours[day] -= 1.5
    for _ in range(rng.randrange(3)):
        first = rng.randrange(days)
        for day in range(first, first + rng.randint(1, 5)):
            hours.pop(day, None)
    # Everyone has the skill of their turn, so every skill has five people; some have a second.
    skills = frozenset({SKILLS[number % len(SKILLS)], rng.choice(SKILLS)})
    return Person(f"person-{number:02d}", hours, skills)


def _goal_steps(rng, number: int, people: list[Person]):
    """Ten steps of one goal, each needing one skill, with dependencies inside the goal."""
    release = rng.randrange(0, 40)
    steps, dependencies = [], []
    for position in range(10):
        skill = rng.choice(SKILLS)
        able = [p.person_id for p in people if skill in p.skills] or [people[0].person_id]
        team = tuple(rng.sample(able, min(len(able), rng.choice([1, 2, 3, 4]))))
        step_id = f"goal-{number:02d}-step-{position}"
        steps.append(Step(step_id, float(rng.choice(range(4, 33, 4))), team, release, skill))
        for earlier in rng.sample(range(position), min(position, rng.choice([0, 1, 1, 2]))):
            lag = rng.choice([0, 0, 0, 1, 2])
            dependencies.append(Dependency(f"goal-{number:02d}-step-{earlier}", step_id, lag))
    deadline = min(WEEKS * 7 - 1, release + rng.randint(25, 65))
    goal = Goal(f"goal-{number:02d}", tuple(s.step_id for s in steps), deadline, rng.randint(1, 5))
    return steps, dependencies, goal


def generate(seed: int) -> DepartmentProblem:
    """The benchmark department for a seed."""
    rng = random.Random(seed)
    holidays = set(rng.sample([d for d in range(WEEKS * 7) if d % 7 < 5], 3))
    people = [_person(rng, number, holidays) for number in range(30)]
    steps, dependencies, goals = [], [], []
    for number in range(40):
        goal_steps, goal_dependencies, goal = _goal_steps(rng, number, people)
        steps += goal_steps
        dependencies += goal_dependencies
        goals.append(goal)
    return DepartmentProblem(
        WEEKS * 7, tuple(people), tuple(steps), tuple(dependencies), tuple(goals)
    )


def _figures(problem: DepartmentProblem, plan: DepartmentPlan, seconds: float) -> dict:
    """What a plan achieves and how long it took."""
    return {
        "seconds": round(seconds, 3),
        "goals_achieved": sum(v.achievable for v in plan.goals),
        "missed_weight": plan.score.missed_weight,
        "weighted_lateness_days": plan.score.weighted_lateness,
        "steps_left_out": plan.score.steps_left_out,
        "last_finish_day": plan.score.finish_day,
        "proven_optimal": plan.proven_optimal,
        "method": plan.method,
        "valid": not validate_department(problem, plan),
    }


def _shown(value):
    """An option as stored in the results: paths relative to the checkout."""
    if isinstance(value, Path):
        return str(value.relative_to(REPOSITORY) if value.is_relative_to(REPOSITORY) else value)
    return value


def main() -> int:
    """Generate the department, plan it both ways, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=PRODUCT_SECONDS, help="CP-SAT limit")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=RESULTS)
    options = parser.parse_args()
    problem = generate(options.seed)
    began = time.perf_counter()
    preview = preview_department(problem)
    results = {"heuristic": _figures(problem, preview, time.perf_counter() - began)}
    began = time.perf_counter()
    solved = plan_department(problem, seconds=options.seconds, workers=options.workers)
    results["cp-sat"] = _figures(problem, solved, time.perf_counter() - began)
    results["gap"] = {
        key: results["heuristic"][key] - results["cp-sat"][key]
        for key in ("goals_achieved", "missed_weight", "weighted_lateness_days", "steps_left_out")
    }
    keys = list(results["heuristic"])
    print(f"goals {len(problem.goals)}, steps {len(problem.steps)}, people {len(problem.people)}")
    print("| | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for name in ("heuristic", "cp-sat"):
        print(f"| {name} | " + " | ".join(str(results[name][k]) for k in keys) + " |")
    print(f"gap (heuristic − cp-sat): {results['gap']}")
    results["targets"] = {
        "preview_within_1_s": results["heuristic"]["seconds"] <= PREVIEW_TARGET_SECONDS,
        # The solver stops at its limit; building the model and checking the plan come on top.
        "verdict_within_15_s": results["cp-sat"]["seconds"] <= VERDICT_TARGET_SECONDS + 1.0,
    }
    print(f"targets: {results['targets']}")
    options.output.parent.mkdir(parents=True, exist_ok=True)
    report = {"options": {k: _shown(v) for k, v in vars(options).items()}, "results": results}
    options.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0 if results["heuristic"]["valid"] and results["cp-sat"]["valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
