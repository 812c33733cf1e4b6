"""Load run: simulated people against a real server on loopback.

    python bench/load.py [--size M] [--scenario capacity|peak] [--backend sqlite|postgres]
                         [--users N] [--minutes M] [--think LOW HIGH]

Two scenarios: "capacity" (50 people who click every 0.1–0.5 s for 2 minutes: what the
server sustains) and "peak" (a working morning: 200 people who read for 3–15 s between clicks
for 10 minutes, each visit starting with Today). --users, --minutes and --think override
the scenario's figures. On PostgreSQL, set REDIS_URL to run with Redis as in production.

Builds the company (bench/pages.py does the same), signs 50 of its people in, runs the day's
periodic jobs to the end (as the night before would have), starts
`manage.py serve` (gunicorn with 2 workers, the task workers and the scheduler) on a free port,
and runs locust headless from a separate process (bench/locustfile.py). Reports throughput,
latency percentiles, errors, the peak memory of a web worker, the web workers' CPU time per
request (measured on the server's processes) and how many Today pages were served from kept
cards; writes bench/results/load_<backend>_<size>_<scenario>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bench.pages import RESULTS, add_keep_argument, company  # noqa: E402
from bench.pages import host as host_facts  # noqa: E402

SCENARIOS = {
    "capacity": {"users": 50, "minutes": 2, "think": [0.1, 0.5], "visits": False},
    "peak": {"users": 200, "minutes": 10, "think": [3.0, 15.0], "visits": True},
}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=os.environ.get("SIZE", "M"), choices=["S", "M", "L"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="capacity", choices=sorted(SCENARIOS))
    parser.add_argument("--users", type=int)
    parser.add_argument("--minutes", type=float)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        metavar=("LOW", "HIGH"),
        help="seconds each person waits between clicks, drawn evenly between LOW and HIGH",
    )
    add_keep_argument(parser)
    options = parser.parse_args()
    for name, value in SCENARIOS[options.scenario].items():
        if getattr(options, name, None) is None:
            setattr(options, name, value)  # the scenario's figure where none is given
    return options


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sign_in(count: int) -> list[dict]:
    """Sessions for ``count`` people (members, coordinators and executives), with the key
    results each may check in on."""
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from deptcoord.goals.models import KeyResult
    from deptcoord.org.models import Membership, Person
    from deptcoord.work.models import Project, Step

    runners = list(
        Membership.objects.filter(role__in=["head", "coordinator"]).values_list(
            "person_id", flat=True
        )[: count // 5]
    )
    executives = list(Person.objects.filter(is_executive=True).values_list("pk", flat=True))[:3]
    chosen = set(runners) | set(executives)
    members = list(
        Membership.objects.filter(role="member", person__key_results__isnull=False)
        .exclude(person__in=chosen)  # each simulated person is somebody else
        .values_list("person_id", flat=True)
        .distinct()[: count - len(chosen)]
    )
    people = []
    for person in Person.objects.filter(pk__in=runners + executives + members).select_related(
        "user"
    ):
        client = Client()
        client.force_login(person.user)
        people.append(
            {
                "person": person.pk,
                "session": client.cookies["sessionid"].value,
                "csrf": _get_new_csrf_string(),
                "key_results": list(
                    KeyResult.objects.filter(owner=person).values_list("pk", flat=True)[:5]
                ),
                "steps": list(
                    Step.objects.filter(assignee=person)
                    .exclude(status="done")
                    .order_by("due", "pk")
                    .values_list("pk", flat=True)[:5]
                ),
                "projects": list(
                    Project.objects.filter(departments=person.primary_department_id)
                    .order_by("-start", "pk")
                    .values_list("pk", flat=True)[:3]
                ),
            }
        )
    return people


def _watch_workers(root_pid: int, peak: dict, cpu: dict, stop: threading.Event) -> None:
    """Sample the resident memory of each gunicorn web worker (keeping the highest) and its
    CPU time so far (user and system, the last reading of each process)."""
    import psutil

    root = psutil.Process(root_pid)
    while not stop.is_set():
        for child in root.children(recursive=True):
            try:
                if "gunicorn" in " ".join(child.cmdline()) and child.parent().pid != root_pid:
                    peak["mib"] = max(peak["mib"], child.memory_info().rss / 2**20)
                    times = child.cpu_times()
                    cpu[child.pid] = times.user + times.system
            except psutil.Error:
                continue
        time.sleep(0.5)


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/accounts/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the server did not start")


def _warm_up(host: str, people: list[dict]) -> None:
    """Open each page of the journeys a few times as a few people, as a server that has been
    up for a while would have: templates compiled, code loaded, connections open. The run's
    figures (and its CPU per request) start after this."""
    from datetime import date

    month = date.today().replace(day=1).isoformat()
    for person in people[:12]:
        paths = ["/", "/goals/", "/notifications/bell/", "/meetings/", "/records/?q=ke+hoach"]
        paths.append(f"/meetings/calendar.json?start={month}&end={month}")
        paths += [f"/goals/key-results/{pk}/" for pk in person["key_results"][:1]]
        paths += [f"/api/v1/steps/{pk}" for pk in person["steps"][:1]]
        paths += [f"/work/projects/{pk}/timeline/" for pk in person["projects"][:1]]
        for path in paths:
            request = urllib.request.Request(
                host + path, headers={"Cookie": f"sessionid={person['session']}"}
            )
            try:
                urllib.request.urlopen(request, timeout=30).read()
            except OSError:
                continue


def _finish_the_night(environment: dict) -> float:
    """Run today's periodic jobs (forecasts, reminders, the e-mails they send) to the end
    before the run, as the night before a working morning would have: the run measures the
    day's traffic, not a first start's backlog. Returns the seconds it took."""

    began = time.perf_counter()
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "run_scheduler", "--once"], cwd=REPOSITORY, env=environment, check=True
    )
    subprocess.run(
        [*manage, "run_worker", "--batch"],
        cwd=REPOSITORY,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return round(time.perf_counter() - began, 1)


def _stop(server: subprocess.Popen) -> None:
    """Stop `serve` (gunicorn, the task workers and the scheduler): politely, then for good
    if a worker is still busy with a long job after a minute."""
    import psutil

    children = psutil.Process(server.pid).children(recursive=True)
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()


def _summary(prefix: str) -> dict:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")

    def figures(row):
        return {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "requests_per_s": round(float(row["Requests/s"]), 1),
            "median_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
        }

    return {
        "total": figures(total),
        "by_request": {row["Name"]: figures(row) for row in rows if row["Name"] != "Aggregated"},
    }


def main() -> int:
    options = _arguments()
    machine = host_facts()
    with company(options) as built:
        directory = built.path
        users_file = Path(directory) / "users.json"
        users_file.write_text(json.dumps(sign_in(options.users)))
        from django.db import connections

        connections.close_all()
        port = _free_port()
        host = f"http://127.0.0.1:{port}"
        environment = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "DEBUG": "0"}
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=REPOSITORY,
            env=environment,
            check=True,
        )
        night = _finish_the_night(environment)
        # what the server says (its access log, a worker started again...) goes beside the
        # company, for reading after the run
        server_log = open(os.path.join(directory, "serve.log"), "w")  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=REPOSITORY,
            env=environment,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        peak, stop = {"mib": 0.0}, threading.Event()
        cpu: dict[int, float] = {}
        try:
            _wait_until_up(host)
            watcher = threading.Thread(target=_watch_workers, args=(server.pid, peak, cpu, stop))
            watcher.start()
            _warm_up(host, json.loads(users_file.read_text()))
            time.sleep(1.5)  # a reading of every worker after the warm-up, before the run
            cpu_before = dict(cpu)
            today_counts = Path(directory) / "today_counts.json"
            today_counts.unlink(missing_ok=True)
            prefix = str(Path(directory) / "locust")
            for stale in Path(directory).glob("locust_*.csv"):
                stale.unlink()  # a run that fails to start must not report the last one's
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(REPOSITORY / "bench" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(options.users),
                    "--spawn-rate",
                    "10",
                    "--run-time",
                    f"{int(options.minutes * 60)}s",
                    "--host",
                    host,
                    "--csv",
                    prefix,
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env={
                    **os.environ,
                    "LOAD_USERS": str(users_file),
                    "LOAD_THINK": ",".join(map(str, options.think)),
                    "LOAD_VISITS": "1" if SCENARIOS[options.scenario]["visits"] else "",
                    "LOAD_TODAY_STATS": str(today_counts),
                },
                check=False,
            )
            time.sleep(1)  # a last reading of every worker
            stop.set()
            watcher.join()
            summary = _summary(prefix)
            worker_cpu = sum(cpu.values()) - sum(cpu_before.values())
            today = json.loads(today_counts.read_text()) if today_counts.exists() else {}
        finally:
            stop.set()
            _stop(server)
    requests = summary["total"]["requests"]
    served = today.get("kept", 0) + today.get("computed", 0)
    result = {
        "size": options.size,
        "backend": options.backend,
        "cache": "redis" if os.environ.get("REDIS_URL") else "database",
        "scenario": options.scenario,
        "users": options.users,
        "minutes": options.minutes,
        "web_workers": 2,
        "think_seconds": options.think,
        "peak_worker_mib": round(peak["mib"], 1),
        "web_cpu_ms_per_request": round(worker_cpu * 1000 / requests, 1) if requests else None,
        "today_pages": today,
        "today_kept_rate": round(today.get("kept", 0) / served, 3) if served else None,
        "night_jobs_seconds": night,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "host": machine,
        **summary,
    }
    RESULTS.mkdir(exist_ok=True)
    name = f"load_{options.backend}_{options.size}_{options.scenario}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n")
    total = summary["total"]
    print(
        f"{total['requests']} requests, {total['failures']} errors, "
        f"{total['requests_per_s']} requests/s, median {total['median_ms']} ms, "
        f"p95 {total['p95_ms']} ms, p99 {total['p99_ms']} ms; "
        f"web worker peak {peak['mib']:.0f} MiB; "
        f"web CPU {result['web_cpu_ms_per_request']} ms per request; "
        f"Today from kept cards {result['today_kept_rate']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
