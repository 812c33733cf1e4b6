"""Benchmark: the planner on PSPLIB j30 (all) and a fixed sample of j60, CP-SAT beside heuristic.

    python bench/planner_psplib.py [--seconds 10] [--workers 2] [--j30-limit N] [--j60-sample 100]

Prints a Markdown table and writes every figure to bench/results/planner.json. Every schedule is
checked by validate.py; the reference is the proven optimum (j30) or best known makespan (j60).
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

from deptcoord.planning.engine import solve_rcpsp_checked  # noqa: E402
from deptcoord.planning.psplib import (  # noqa: E402
    data_dir,
    instance_files,
    read_makespan_table,
    read_reference_bounds,
    read_sm,
)
from deptcoord.planning.rcpsp_heuristic import preview_rcpsp  # noqa: E402
from deptcoord.planning.validate import validate_rcpsp  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results" / "planner.json"


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="CP-SAT limit per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--j30-limit", type=int, default=None, help="evenly spaced j30 subset")
    parser.add_argument("--j60-sample", type=int, default=100, help="j60 instances (fixed seed)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the j60 sample")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def _evenly_spaced(files: list[Path], limit: int | None) -> list[Path]:
    """`limit` files spread over all parameter groups (all of them without a limit)."""
    if limit is None or limit >= len(files):
        return files
    return [files[(position * len(files)) // limit] for position in range(limit)]


def _run(path: Path, reference: int, seconds: float, workers: int) -> dict:
    """Solve one instance both ways and compare with the reference makespan."""
    began = time.perf_counter()
    problem = read_sm(path)
    preview = preview_rcpsp(problem)
    methods = {"heuristic": (preview, time.perf_counter() - began)}
    row = {"instance": problem.name, "reference": reference}
    # The whole call counts against the limit: reading, heuristic, model, search, checks.
    began = time.perf_counter()
    solved = solve_rcpsp_checked(read_sm(path), seconds=seconds, workers=workers, began=began)
    methods["cp-sat"] = (solved, time.perf_counter() - began)
    for method, (result, elapsed) in methods.items():
        row[method] = {
            "makespan": result.makespan,
            "proven_optimal": result.proven_optimal,
            "seconds": round(elapsed, 3),
            "valid": not validate_rcpsp(problem, result),
            "deviation_percent": round(100 * (result.makespan - reference) / reference, 3),
        }
    return row


def _summary(rows: list[dict], method: str) -> dict:
    """Counts and means over one set's rows for one method."""
    figures = [row[method] for row in rows]
    deviations = [f["deviation_percent"] for f in figures]
    seconds = [f["seconds"] for f in figures]
    pairs = list(zip(figures, rows, strict=True))
    return {
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


def _table(summaries: dict) -> str:
    """The summaries as a Markdown table."""
    lines = [
        "| set | method | instances | at reference | proven optimal | invalid | "
        "mean dev % | max dev % | mean s | max s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (set_name, method), s in summaries.items():
        lines.append(
            f"| {set_name} | {method} | {s['instances']} | {s['at_reference']} | "
            f"{s['proven_optimal']} | {s['invalid']} | {s['mean_deviation_percent']} | "
            f"{s['max_deviation_percent']} | {s['mean_seconds']} | {s['max_seconds']} |"
        )
    return "\n".join(lines)


def _selection(options) -> dict[str, list[Path]]:
    """The instances to run per set."""
    j60 = instance_files("j60")
    sample = sorted(random.Random(options.seed).sample(j60, min(options.j60_sample, len(j60))))
    return {"j30": _evenly_spaced(instance_files("j30"), options.j30_limit), "j60": sample}


def _shown(value):
    """An option as stored in the results: paths relative to the checkout."""
    if isinstance(value, Path):
        return str(value.relative_to(REPOSITORY) if value.is_relative_to(REPOSITORY) else value)
    return value


def main() -> int:
    """Run the benchmark and report."""
    options = _arguments()
    if not data_dir().is_dir():
        print(f"PSPLIB data not found at {data_dir()}; set DEPTCOORD_PSPLIB_DIR.")
        return 2
    bounds = read_reference_bounds()
    optimum = read_makespan_table(data_dir() / "solutions/psplib_2023/j30opt.sm", "j30")
    rows: dict[str, list[dict]] = {}
    for set_name, files in _selection(options).items():
        rows[set_name] = []
        for path in files:
            name = path.stem
            reference = optimum.get(name, bounds[name].best_known)
            rows[set_name].append(_run(path, reference, options.seconds, options.workers))
            print(json.dumps(rows[set_name][-1]), file=sys.stderr, flush=True)
    summaries = {
        (set_name, method): _summary(set_rows, method)
        for set_name, set_rows in rows.items()
        for method in ("cp-sat", "heuristic")
    }
    print(_table(summaries))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "options": {k: _shown(v) for k, v in vars(options).items()},
        "summary": [{"set": s, "method": m, **v} for (s, m), v in summaries.items()],
        "instances": rows,
    }
    options.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0 if all(s["invalid"] == 0 for s in summaries.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
