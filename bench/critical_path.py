"""Benchmark: critical path of a large random project (100,000 steps, 150,000 dependencies).

    python bench/critical_path.py [--steps 100000] [--dependencies 150000] [--seed 7] [--repeats 3]

Times ``schedule_plan`` (median of the repeats), ``check_plan`` and ``downstream_slip``, then
measures the peak memory of one ``schedule_plan`` call with tracemalloc (a separate run, since
tracing slows Python down). Prints the figures and writes them to bench/results/critical_path.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from deptcoord.work.graph import (  # noqa: E402
    Dependency,
    ProjectPlan,
    Step,
    check_plan,
    downstream_slip,
    schedule_plan,
)

RESULTS = REPOSITORY / "bench" / "results" / "critical_path.json"


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--dependencies", type=int, default=150_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def random_plan(steps: int, dependencies: int, seed: int) -> ProjectPlan:
    """A random acyclic plan: links point forward in a hidden order, the input is shuffled."""
    rng = random.Random(seed)
    links: set[tuple[int, int]] = set()
    while len(links) < dependencies:
        # Mostly near neighbours in the hidden order, like real plans, with long jumps too.
        before = rng.randrange(steps - 1)
        reach = rng.choice((10, 100, steps))
        after = min(steps - 1, before + 1 + rng.randrange(reach))
        links.add((before, after))
    work = [
        Step(f"step-{i}", rng.randint(0, 10), rng.randint(0, 200) if rng.random() < 0.02 else None)
        for i in range(steps)
    ]
    rng.shuffle(work)
    ordered = sorted(links)
    rng.shuffle(ordered)
    return ProjectPlan(
        tuple(work),
        tuple(Dependency(f"step-{a}", f"step-{b}", rng.randint(0, 2)) for a, b in ordered),
    )


def _timed(function, *arguments, **options) -> tuple[float, object]:
    began = time.perf_counter()
    result = function(*arguments, **options)
    return time.perf_counter() - began, result


def _peak_memory_mib(function, *arguments) -> float:
    """Peak memory allocated during one call, above what was allocated before it."""
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    function(*arguments)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - baseline) / 2**20


def main() -> int:
    """Run the benchmark and report."""
    options = _arguments()
    generated, plan = _timed(random_plan, options.steps, options.dependencies, options.seed)
    schedule_times = []
    for _ in range(options.repeats):
        elapsed, schedule = _timed(schedule_plan, plan)
        schedule_times.append(elapsed)
    check_seconds, _ = _timed(check_plan, plan)
    first_critical = schedule.critical_paths[0][0]
    slip_seconds, impact = _timed(downstream_slip, plan, first_critical, 3)
    figures = {
        "steps": options.steps,
        "dependencies": options.dependencies,
        "seed": options.seed,
        "generate_seconds": round(generated, 3),
        "schedule_seconds_median": round(statistics.median(schedule_times), 3),
        "schedule_seconds_best": round(min(schedule_times), 3),
        "schedule_seconds_all": [round(t, 3) for t in schedule_times],
        "check_plan_seconds": round(check_seconds, 3),
        "downstream_slip_seconds": round(slip_seconds, 3),
        "schedule_peak_memory_mib": round(_peak_memory_mib(schedule_plan, plan), 1),
        "project_finish": schedule.project_finish,
        "critical_steps": len(schedule.critical_steps),
        "critical_path_length_steps": len(schedule.critical_paths[0]),
        "critical_paths_listed": len(schedule.critical_paths),
        "slip_dependents": len(impact.shifts),
        "slip_moved": len(impact.moved),
        "slip_project_finish_shift": impact.project_finish_shift,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    for name, value in figures.items():
        print(f"{name:30} {value}")
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
