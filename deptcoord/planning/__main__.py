"""Solve PSPLIB `.sm` files from the command line; one JSON line per instance.

    python -m deptcoord.planning FILE.sm [FILE.sm …] --seconds S --workers W [--heuristic]

Needs neither a database nor Django.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from deptcoord.planning.engine import solve_rcpsp_checked
from deptcoord.planning.errors import PlanningError
from deptcoord.planning.psplib import read_sm
from deptcoord.planning.validate import validate_rcpsp


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m deptcoord.planning",
        description="Minimise the makespan of PSPLIB single-mode projects.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.sm")
    parser.add_argument("--seconds", type=float, default=10.0, help="time limit per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--heuristic", action="store_true", help="only the fast heuristic")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Solve every file and print its line; exit status 1 if any file could not be read."""
    options = _arguments(argv)
    status = 0
    for path in options.files:
        began = time.perf_counter()
        try:
            problem = read_sm(path)
            result = solve_rcpsp_checked(
                problem,
                seconds=options.seconds,
                workers=options.workers,
                heuristic_only=options.heuristic,
                began=began,
            )
        except PlanningError as error:
            print(json.dumps({"instance": path, "error": error.code, "message": str(error)}))
            status = 1
            continue
        line = {
            "instance": problem.name,
            "makespan": result.makespan,
            "proven_optimal": result.proven_optimal,
            "seconds": round(time.perf_counter() - began, 3),
            "valid": not validate_rcpsp(problem, result),
        }
        print(json.dumps(line), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
