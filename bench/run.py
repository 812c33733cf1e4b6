"""`make bench`: run every benchmark in turn and print their figures.

Each benchmark is also a script of its own (see the files beside this one) and writes JSON to
bench/results/. Timing never decides a unit test; these figures are for reading and comparing.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVICES_UP = HERE.parent / "scripts" / "services_up.sh"
REDIS_URL = "redis://127.0.0.1:6379/14"  # production runs PostgreSQL with Redis beside it
BENCHMARKS = [
    ("goal tree page, 5,000 goals and 15,000 key results", ["goal_tree.py"]),
    ("search page, 100,000 indexed records", ["search.py"]),
    ("critical path, 100,000 steps", ["critical_path.py"]),
    ("project timeline (500 steps) and workload (50 people) pages", ["work_pages.py"]),
    ("slot finder, 200 participants over 60 days", ["slot_finder.py"]),
    ("calendar month, department of 50 people", ["meetings_pages.py"]),
    ("Today (department of 50 in a company of 2,000) and a status report PDF", ["today.py"]),
    (
        "planner on PSPLIB j30 (all) and j60 (100 sampled), beside plain CP-SAT",
        ["planner_psplib.py"],
    ),
    (
        "planner, department of 30 people and 400 steps",
        ["planner_department.py", "--seconds", "15"],
    ),
    ("every main page and API list, SQLite", ["pages.py", "--backend", "sqlite"]),
    ("load run, capacity, SQLite", ["load.py", "--backend", "sqlite"]),
    ("load run, morning peak, SQLite", ["load.py", "--backend", "sqlite", "--scenario", "peak"]),
]
ON_POSTGRES = [
    ("every main page and API list, PostgreSQL", ["pages.py", "--backend", "postgres"]),
    ("load run, capacity, PostgreSQL and Redis", ["load.py", "--backend", "postgres"]),
    (
        "load run, morning peak, PostgreSQL and Redis",
        ["load.py", "--backend", "postgres", "--scenario", "peak"],
    ),
]


def main() -> int:
    """Run the benchmarks one after the other; stop at the first that fails."""
    benchmarks = list(BENCHMARKS)
    if subprocess.run([str(SERVICES_UP)], check=False).returncode == 0:
        benchmarks += ON_POSTGRES
    else:
        print("PostgreSQL or Redis does not answer: their figures are skipped.")
    for title, command in benchmarks:
        print(f"\n== {title}", flush=True)
        script, *arguments = command
        environment = dict(os.environ)
        if "postgres" in arguments:
            environment.setdefault("REDIS_URL", REDIS_URL)
        result = subprocess.run(
            [sys.executable, str(HERE / script), *arguments], env=environment, check=False
        )
        if result.returncode != 0:
            print(f"{script} failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    subprocess.run([sys.executable, str(HERE / "summary.py")], check=True)
    print(f"\nResults: {HERE / 'results'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
