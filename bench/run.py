"""`make bench`: run every benchmark in turn and print their figures.

Each benchmark is also a script of its own (see the files beside this one) and writes JSON to
bench/results/. Timing never decides a unit test; these figures are for reading and comparing.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ("goal tree page, 5,000 goals and 15,000 key results", ["goal_tree.py"]),
    ("search page, 100,000 indexed records", ["search.py"]),
    ("critical path, 100,000 steps", ["critical_path.py"]),
    ("slot finder, 200 participants over 60 days", ["slot_finder.py"]),
    ("planner on PSPLIB j30 (all) and j60 (100 sampled)", ["planner_psplib.py"]),
    ("planner, department of 30 people and 400 steps", ["planner_department.py"]),
]


def main() -> int:
    """Run the benchmarks one after the other; stop at the first that fails."""
    for title, command in BENCHMARKS:
        print(f"\n== {title}", flush=True)
        script, *arguments = command
        result = subprocess.run([sys.executable, str(HERE / script), *arguments], check=False)
        if result.returncode != 0:
            print(f"{script} failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    print(f"\nResults: {HERE / 'results'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
