"""The load run's mix of clicks, replayed in process: CPU time per request, kind by kind.

    python bench/mix.py [--size L] [--backend sqlite|postgres] [--keep DIR]
                        [--people 50] [--warm 500] [--clicks 800] [--profile FILE]

The same journeys and weights as the load run (bench/journeys.py), by the same 50 people
(bench/load.py's ``sign_in``), through the whole stack in this process (every middleware, no
network, no other process on the cores): the mean CPU per request of the mix is the figure
the capacity budget sets (≤ 25 ms), and the table says where it goes. The queries per request
and the Today cards computed per Today page do not depend on the machine: they compare runs
made where its speed moved between them. The first ``--warm``
clicks are not counted (a server that has been up a while). With ``--profile`` the counted
clicks run under cProfile and the profile is written to FILE. On PostgreSQL, set REDIS_URL
to run with Redis as in production. Writes bench/results/mix_<backend>_<size>.json.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bench.pages import RESULTS, add_keep_argument, company  # noqa: E402
from bench.pages import host as host_facts  # noqa: E402

# locust's header names as the Django test client takes them
_HEADERS = {
    "If-Match": "HTTP_IF_MATCH",
    "X-CSRFToken": "HTTP_X_CSRFTOKEN",
    "Referer": "HTTP_REFERER",
}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=os.environ.get("SIZE", "M"), choices=["S", "M", "L"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--warm", type=int, default=500)
    parser.add_argument("--clicks", type=int, default=800)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the counted clicks")
    add_keep_argument(parser)
    return parser.parse_args()


QUERIES = [0]  # statements of the request under way
QUERY_COUNTS: dict[str, list[int]] = defaultdict(list)


def _count(execute, sql, params, many, context):
    QUERIES[0] += 1
    return execute(sql, params, many, context)


class _Client:
    """locust's client calls, answered by Django's test client; CPU per request by name."""

    def __init__(self, me: dict, cpu: dict):
        from django.test import Client

        self.django = Client()
        self.django.cookies["sessionid"] = me["session"]
        self.django.cookies["csrftoken"] = me["csrf"]
        self.cpu = cpu
        self.queries = QUERY_COUNTS

    def _timed(self, name, call, *args, **kwargs):
        QUERIES[0] = 0
        began = time.process_time()
        response = call(*args, **kwargs)
        if self.cpu is not None:
            self.cpu[name].append((time.process_time() - began) * 1000)
            self.queries[name].append(QUERIES[0])
        if response.status_code >= 500:
            raise RuntimeError(f"{name}: {response.status_code}")
        return response

    def get(self, url, name):
        return self._timed(name, self.django.get, url)

    def post(self, url, name, json=None, data=None, headers=None):
        headers = dict(headers or {})
        extra = {_HEADERS[key]: value for key, value in headers.items() if key in _HEADERS}
        if json is not None:
            return self._timed(
                name, self.django.post, url, json, content_type="application/json", **extra
            )
        content_type = headers.get("Content-Type", "application/x-www-form-urlencoded")
        return self._timed(name, self.django.post, url, data, content_type=content_type, **extra)


class _Person:
    def __init__(self, me: dict, cpu: dict | None):
        self.me, self.host, self.client = me, "http://testserver", _Client(me, cpu)


def main() -> int:
    options = _arguments()
    machine = host_facts()
    random.seed(options.seed)
    with company(options):
        from django.db import connection

        from bench import journeys
        from bench.load import sign_in
        from deptcoord.core.briefing import STATS

        connection.execute_wrappers.append(_count)

        people = sign_in(options.people)
        clicks, weights = zip(*journeys.CLICKS, strict=True)
        cpu: dict[str, list[float]] = defaultdict(list)
        warm = [_Person(me, None) for me in people]
        counted = [_Person(me, cpu) for me in people]
        for _ in range(options.warm):
            random.choices(clicks, weights)[0](random.choice(warm))
        journeys.TODAY.update(kept=0, computed=0, unknown=0)
        STATS.clear()
        profiler = cProfile.Profile() if options.profile else None
        if profiler:
            profiler.enable()
        for _ in range(options.clicks):
            random.choices(clicks, weights)[0](random.choice(counted))
        if profiler:
            profiler.disable()
            profiler.dump_stats(options.profile)
    every = [ms for kind in cpu.values() for ms in kind]
    kinds = {
        name: {
            "requests": len(values),
            "cpu_mean_ms": round(statistics.fmean(values), 1),
            "cpu_median_ms": round(statistics.median(values), 1),
            "share_of_cpu": round(sum(values) / sum(every), 3),
            "queries_mean": round(statistics.fmean(QUERY_COUNTS[name]), 1),
        }
        for name, values in sorted(cpu.items(), key=lambda item: -sum(item[1]))
    }
    served = journeys.TODAY["kept"] + journeys.TODAY["computed"]
    result = {
        "size": options.size,
        "backend": options.backend + (" + Redis" if os.environ.get("REDIS_URL") else ""),
        "machine": machine,
        "people": len(people),
        "clicks": options.clicks,
        "requests": len(every),
        "cpu_mean_ms": round(statistics.fmean(every), 1),
        "queries_mean": round(
            statistics.fmean([n for kind in QUERY_COUNTS.values() for n in kind]), 1
        ),
        "today_kept": round(journeys.TODAY["kept"] / served, 2) if served else None,
        # Today's cards computed (not served from the kept ones) per Today page
        "cards_computed_per_today": round(STATS["miss"] / len(cpu["Today"]), 2)
        if cpu.get("Today")
        else None,
        "kinds": kinds,
    }
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"mix_{options.backend}_{options.size}.json"
    target.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(
        f"{result['requests']} requests, {result['cpu_mean_ms']} ms CPU and"
        f" {result['queries_mean']} queries each on the mean;"
        f" {result['cards_computed_per_today']} cards computed per Today"
    )
    for name, figures in kinds.items():
        print(
            f"  {name:<18} {figures['requests']:>4} × {figures['cpu_mean_ms']:>6} ms"
            f" {figures['queries_mean']:>5} queries  ({figures['share_of_cpu']:.0%})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
