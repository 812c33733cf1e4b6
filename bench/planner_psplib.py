"""Benchmark: the planner's RCPSP engine beside a plain CP-SAT model on PSPLIB instances.

    python bench/planner_psplib.py                        # j30 (all) and 100 sampled j60
    python bench/planner_psplib.py --sets j90,j120 --hard 12 --seconds 10 --workers 2
    python bench/planner_psplib.py --instances j12011_1,j9013_4 --seconds 5
    python bench/planner_psplib.py --sets j30,j60,j90,j120 --all    # every instance (~6 h)
    python bench/planner_psplib.py --sets j30,j60,j90,j120 --all --resume   # go on from there

Both methods solve every instance in the same run, one after the other (the order alternates
from one instance to the next, so a busy machine weighs on both alike), each with the same
wall time for the whole call. The plain model is what anyone would write first: interval
variables, one cumulative per resource, minimise the makespan, no hint. Every schedule is checked
by validate.py; the reference is the best known makespan (the proven optimum on j30).
Prints a Markdown summary and writes every figure to `--output` (JSON) and its `.md` twin,
after each instance, so a run stopped midway loses at most the instance it was on; `--resume`
keeps the instances already in `--output` (solved with the same methods) and solves the rest.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from ortools.sat.python import cp_model  # noqa: E402

from deptcoord.planning.engine import solve_rcpsp_checked  # noqa: E402
from deptcoord.planning.psplib import (  # noqa: E402
    data_dir,
    instance_files,
    read_reference_bounds,
    read_sm,
)
from deptcoord.planning.rcpsp import RcpspProblem, RcpspResult  # noqa: E402
from deptcoord.planning.rcpsp_heuristic import preview_rcpsp  # noqa: E402
from deptcoord.planning.validate import validate_rcpsp  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results" / "planner.json"
SETS = ("j30", "j60", "j90", "j120")


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="wall time per call")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--sets", default="j30,j60", help="comma-separated sets")
    parser.add_argument("--all", action="store_true", help="every instance of each set")
    parser.add_argument("--limit", type=int, default=None, help="evenly spaced subset per set")
    parser.add_argument("--j60-sample", type=int, default=100, help="j60 instances (fixed seed)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the j60 sample")
    parser.add_argument(
        "--hard", type=int, default=None, help="N evenly spaced open instances per set"
    )
    parser.add_argument("--instances", default="", help="comma-separated names, e.g. j12011_1")
    parser.add_argument("--methods", default="engine,plain", help="engine, plain, heuristic")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--resume", action="store_true", help="keep the instances already in --output"
    )
    return parser.parse_args()


def _evenly_spaced(files: list[Path], limit: int | None) -> list[Path]:
    """`limit` files spread over all parameter groups (all of them without a limit)."""
    if limit is None or limit >= len(files):
        return files
    return [files[(position * len(files)) // limit] for position in range(limit)]


def solve_plain(problem: RcpspProblem, seconds: float, workers: int, began: float):
    """The plain CP-SAT model with the rest of the call's wall time."""
    index = {a.activity_id: position for position, a in enumerate(problem.activities)}
    horizon = sum(a.duration for a in problem.activities)
    model = cp_model.CpModel()
    starts = [model.new_int_var(0, horizon, f"s{p}") for p in range(len(problem.activities))]
    intervals = [
        model.new_fixed_size_interval_var(starts[p], a.duration, f"i{p}")
        for p, a in enumerate(problem.activities)
    ]
    for position, activity in enumerate(problem.activities):
        for successor in activity.successors:
            model.add(starts[index[successor]] >= starts[position] + activity.duration)
    for resource, capacity in enumerate(problem.capacities):
        users = [p for p, a in enumerate(problem.activities) if a.demands[resource] > 0]
        demands = [problem.activities[p].demands[resource] for p in users]
        model.add_cumulative([intervals[p] for p in users], demands, capacity)
    makespan = model.new_int_var(0, horizon, "makespan")
    for position, activity in enumerate(problem.activities):
        model.add(makespan >= starts[position] + activity.duration)
    model.minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds - (time.perf_counter() - began), 0.05)
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    found = tuple(solver.value(s) if solved else 0 for s in starts)  # all at 0: invalid
    finishes = tuple(s + a.duration for s, a in zip(found, problem.activities, strict=True))
    return RcpspResult(
        name=problem.name,
        starts=found,
        finishes=finishes,
        makespan=max(finishes, default=0),
        proven_optimal=status == cp_model.OPTIMAL,
        lower_bound=int(solver.best_objective_bound),
        method="plain",
        seconds=time.perf_counter() - began,
    )


def _solve(method: str, path: Path, seconds: float, workers: int) -> tuple[RcpspResult, float]:
    """One method on one instance; the whole call counts, reading the file included."""
    began = time.perf_counter()
    problem = read_sm(path)
    if method == "engine":
        result = solve_rcpsp_checked(problem, seconds=seconds, workers=workers, began=began)
    elif method == "plain":
        result = solve_plain(problem, seconds, workers, began)
    else:
        result = preview_rcpsp(problem)
    return result, time.perf_counter() - began


def _run(path: Path, reference: int, options, methods: list[str], turn: int) -> dict:
    """Solve one instance with every method (order alternating by `turn`)."""
    problem = read_sm(path)
    row = {"instance": problem.name, "reference": reference}
    ordered = methods if turn % 2 == 0 else list(reversed(methods))
    for method in ordered:
        result, elapsed = _solve(method, path, options.seconds, options.workers)
        row[method] = {
            "makespan": result.makespan,
            "proven_optimal": result.proven_optimal,
            "seconds": round(elapsed, 3),
            "valid": not validate_rcpsp(problem, result),
            "deviation_percent": round(100 * (result.makespan - reference) / reference, 3),
        }
    return row


def _summary(rows: list[dict], method: str) -> dict:
    """Counts and means over one set's rows for one method, and how it fares against plain."""
    figures = [row[method] for row in rows]
    deviations = [f["deviation_percent"] for f in figures]
    seconds = [f["seconds"] for f in figures]
    pairs = list(zip(figures, rows, strict=True))
    summary = {
        "instances": len(figures),
        "at_reference": sum(f["makespan"] == r["reference"] for f, r in pairs),
        "below_reference": sum(f["makespan"] < r["reference"] for f, r in pairs),
        "proven_optimal": sum(f["proven_optimal"] for f in figures),
        "invalid": sum(not f["valid"] for f in figures),
        "mean_deviation_percent": round(statistics.fmean(deviations), 3) if figures else 0,
        "max_deviation_percent": round(max(deviations, default=0), 3),
        "mean_seconds": round(statistics.fmean(seconds), 3) if figures else 0,
        "max_seconds": round(max(seconds, default=0), 3),
    }
    if method != "plain" and rows and "plain" in rows[0]:
        gaps = [row[method]["makespan"] - row["plain"]["makespan"] for row in rows]
        summary |= {
            "better_than_plain": sum(g < 0 for g in gaps),
            "worse_than_plain": sum(g > 0 for g in gaps),
            "equal_to_plain": sum(g == 0 for g in gaps),
            "worst_gap_to_plain": max(gaps, default=0),
        }
    return summary


def _table(summaries: dict) -> str:
    """The summaries as a Markdown table."""
    lines = [
        "| set | method | instances | at best known | proven optimal | invalid | mean dev % | "
        "max dev % | mean s | max s | vs plain better/worse/equal (worst gap) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (set_name, method), s in summaries.items():
        versus = (
            f"{s['better_than_plain']}/{s['worse_than_plain']}/{s['equal_to_plain']} "
            f"({s['worst_gap_to_plain']:+d})"
            if "better_than_plain" in s
            else ""
        )
        lines.append(
            f"| {set_name} | {method} | {s['instances']} | {s['at_reference']} | "
            f"{s['proven_optimal']} | {s['invalid']} | {s['mean_deviation_percent']} | "
            f"{s['max_deviation_percent']} | {s['mean_seconds']} | {s['max_seconds']} | {versus} |"
        )
    return "\n".join(lines)


def _selection(options, bounds) -> dict[str, list[Path]]:
    """The instances to run per set."""
    if options.instances:
        chosen: dict[str, list[Path]] = {}
        for name in options.instances.split(","):
            set_name = bounds[name].set_name
            chosen.setdefault(set_name, []).append(data_dir() / set_name / f"{name}.sm")
        return chosen
    selection = {}
    for set_name in options.sets.split(","):
        files = instance_files(set_name)
        if options.hard is not None:
            files = [f for f in files if not bounds[f.stem].proven_optimal]
            files = _evenly_spaced(files, options.hard)
        elif set_name == "j60" and not options.all and options.limit is None:
            count = min(options.j60_sample, len(files))
            files = sorted(random.Random(options.seed).sample(files, count), key=files.index)
        elif not options.all:
            files = _evenly_spaced(files, options.limit)
        selection[set_name] = files
    return selection


def _shown(value):
    """An option as stored in the results: paths relative to the checkout."""
    if isinstance(value, Path):
        return str(value.relative_to(REPOSITORY) if value.is_relative_to(REPOSITORY) else value)
    return value


def _done(options, methods: list[str]) -> dict[str, dict[str, dict]]:
    """With `--resume`: the rows already in `--output` that have every method, by set and name."""
    if not options.resume or not options.output.is_file():
        return {}
    earlier = json.loads(options.output.read_text(encoding="utf-8"))
    return {
        set_name: {row["instance"]: row for row in rows if all(m in row for m in methods)}
        for set_name, rows in earlier.get("instances", {}).items()
    }


def _write(options, methods: list[str], rows: dict[str, list[dict]]) -> dict:
    """Summaries of the rows so far, written to `--output` and its `.md` twin."""
    summaries = {
        (set_name, method): _summary(set_rows, method)
        for set_name, set_rows in rows.items()
        if set_rows
        for method in methods
    }
    table = _table(summaries)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "options": {k: _shown(v) for k, v in vars(options).items()},
        "summary": [{"set": s, "method": m, **v} for (s, m), v in summaries.items()],
        "instances": rows,
    }
    options.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    options.output.with_suffix(".md").write_text(table + "\n", encoding="utf-8")
    return summaries


def main() -> int:
    """Run the benchmark and report."""
    options = _arguments()
    if not data_dir().is_dir():
        print(f"PSPLIB data not found at {data_dir()}; set DEPTCOORD_PSPLIB_DIR.")
        return 2
    bounds = read_reference_bounds()
    methods = options.methods.split(",")
    done = _done(options, methods)
    rows: dict[str, list[dict]] = {}
    turn = 0
    for set_name, files in _selection(options, bounds).items():
        rows[set_name] = []
        for path in files:
            kept = done.get(set_name, {}).get(path.stem)
            if kept is not None:
                rows[set_name].append(kept)
            else:
                reference = bounds[path.stem].best_known
                rows[set_name].append(_run(path, reference, options, methods, turn))
                print(json.dumps(rows[set_name][-1]), file=sys.stderr, flush=True)
                _write(options, methods, rows)
            turn += 1
    summaries = _write(options, methods, rows)
    print(_table(summaries))
    return 0 if all(s["invalid"] == 0 for s in summaries.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
