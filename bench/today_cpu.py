"""Benchmark: in-process CPU time and SQL queries of Today (member, coordinator, executive) and
the workload page, and the Today card cache's hit rate over repeated loads with occasional writes.

    python bench/today_cpu.py [--size M] [--runs 20] [--keep DIR] [--profile ROLE]

CPU time (``time.process_time``) and query counts are steadier than wall time on a machine that
other work shares. Writes bench/results/today_cpu_<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bench.pages import add_keep_argument, company, viewers  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=os.environ.get("SIZE", "M"), choices=["S", "M", "L"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite"])
    parser.add_argument("--profile", default="", help="print a profile of Today for this role")
    parser.add_argument("--label", default="", help="a name for this run in the results file")
    add_keep_argument(parser)
    return parser.parse_args()


def _measure(client, path: str, runs: int, fresh) -> dict:
    """CPU ms (median, p95) and queries per load; ``fresh()`` runs before each load (e.g. to
    empty the cache, so that the figures are those of a computation)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    cpu, counts = [], []
    for _ in range(runs):
        fresh()
        began = time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        cpu.append((time.process_time() - began) * 1000)
        counts.append(len(queries))
        assert response.status_code == 200, (path, response.status_code)
    cpu.sort()
    return {
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(cpu[min(len(cpu) - 1, int(0.95 * len(cpu)))], 1),
        "queries": max(counts),
    }


def _hit_rate(clients, runs: int) -> dict:
    """Repeated Today loads by the three viewers with a write every tenth load (a step of the
    member's changes); the card cache's hits and misses."""
    try:
        from deptcoord.core.briefing import STATS
    except ImportError:
        return {}
    from deptcoord.core.actor import Actor
    from deptcoord.org.facts import role_facts_for_person
    from deptcoord.work.models import Step
    from deptcoord.work.services import steps as step_services

    member = clients["member"][1]
    actor = Actor(person=member, facts=role_facts_for_person(member))
    mine = list(Step.objects.filter(assignee=member).exclude(status="done")[:5])
    STATS.clear()
    writes = 0
    for index in range(runs):
        for client, _person in clients.values():
            client.get("/")
        if index % 10 == 9 and mine:
            step = mine[writes % len(mine)]
            step.refresh_from_db()
            step_services.step_progress(
                actor=actor,
                step_id=step.pk,
                expected_version=step.version,
                progress=(step.progress or 0) + 1 if (step.progress or 0) < 99 else 0,
            )
            writes += 1
    hits, misses = STATS.get("hit", 0), STATS.get("miss", 0)
    return {
        "loads": runs * len(clients),
        "writes": writes,
        "card_hits": hits,
        "card_misses": misses,
        "hit_rate": round(hits / (hits + misses), 3) if hits + misses else None,
    }


def main() -> int:
    options = _arguments()
    with company(options) as built:
        from django.core.cache import cache
        from django.test import Client

        print("\n".join(built.stages), flush=True)
        try:  # a company generated before the week loads were kept: build them
            from deptcoord.org import week_load
            from deptcoord.org.models import WeekLoad

            if not WeekLoad.objects.exists():
                began = time.process_time()
                week_load.rebuild()
                print(f"week loads built in {time.process_time() - began:.1f} s CPU", flush=True)
        except ImportError:
            pass
        found = viewers()
        department = found["department"]
        clients = {}
        for role in ("member", "coordinator", "executive"):
            client = Client()
            client.force_login(found[role].user)
            clients[role] = (client, found[role])
        if options.profile:
            from pyinstrument import Profiler

            client = clients[options.profile][0]
            client.get("/")
            profiler = Profiler()
            profiler.start()
            for _ in range(5):
                cache.clear()
                client.get("/")
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            workload = f"/work/workload/?department={department.pk}"
            profiler = Profiler()
            profiler.start()
            for _ in range(5):
                client.get(workload)
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            return 0
        rows = {}
        for role, (client, _person) in clients.items():
            rows[f"today_{role}_computed"] = _measure(client, "/", options.runs, cache.clear)
            rows[f"today_{role}_cached"] = _measure(client, "/", options.runs, lambda: None)
            rows[f"workload_{role}"] = _measure(
                client, f"/work/workload/?department={department.pk}", options.runs, lambda: None
            )
        for name, figures in rows.items():
            print(
                f"{name:<30} CPU median {figures['cpu_median_ms']:>7} ms  "
                f"p95 {figures['cpu_p95_ms']:>7} ms  {figures['queries']:>3} queries",
                flush=True,
            )
        rate = _hit_rate(clients, options.runs * 2)
        print("hit rate:", rate)
    path = RESULTS / f"today_cpu_{options.size}.json"
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[options.label or "latest"] = {"pages": rows, "cache": rate}
    path.write_text(json.dumps(saved, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
