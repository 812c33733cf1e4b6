"""Benchmark: server time and SQL queries of every main page and API list, as a member, a
coordinator and an executive, on a generated company.

    python bench/pages.py [--size M] [--seed 1] [--runs 30] [--backend sqlite|postgres]

Builds the company with `manage.py generate_company` in a fresh database (a temporary SQLite
file, or the PostgreSQL database `deptcoord_bench_<size>`), then requests each page through Django's
full stack in process (every middleware, no network) and records median, p95 and p99 in
milliseconds and the number of SQL queries. Writes bench/results/pages_<backend>_<size>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
RESULTS = REPOSITORY / "bench" / "results"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=os.environ.get("SIZE", "M"), choices=["S", "M", "L"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres"])
    add_keep_argument(parser)
    return parser.parse_args()


def add_keep_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="build the company in DIR and keep it; a later run with the same DIR reuses it",
    )


@dataclass
class Company:
    """A generated company: its directory and how long building it took, stage by stage."""

    path: str
    seconds: float
    stages: list[str]


@contextlib.contextmanager
def company(options: argparse.Namespace):
    """Set Django up on a generated company and yield it. Without ``--keep`` the company is
    built in a temporary directory; with it, in that directory, once (a marker file keeps how
    long the build took)."""
    marker = None
    if options.keep:
        directory = Path(options.keep)
        directory.mkdir(parents=True, exist_ok=True)
        marker = directory / f"generated-{options.backend}-{options.size}-{options.seed}.json"
        holder = contextlib.nullcontext(str(directory))
    else:
        holder = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
    built = json.loads(marker.read_text()) if marker is not None and marker.exists() else None
    with holder as path:
        database = f"deptcoord_bench_{options.size.lower()}"
        setup_django(path, options.backend, database, fresh=built is None)
        if built is None:
            from django.core.management import call_command

            log, began = io.StringIO(), time.perf_counter()
            call_command(
                "generate_company", size=options.size, seed=options.seed, quiet=True, stdout=log
            )
            built = {
                "seconds": round(time.perf_counter() - began, 1),
                "stages": log.getvalue().strip().splitlines(),
            }
            if marker is not None:
                marker.write_text(json.dumps(built))
        yield Company(path, built["seconds"], built["stages"])


def setup_django(directory: str, backend: str, database: str, fresh: bool = True) -> None:
    """Point Django at the database of ``directory`` (on PostgreSQL, ``database``, recreated
    when ``fresh``) and migrate it."""
    os.environ["DEPTCOORD_VAR_DIR"] = directory
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "deptcoord.settings")
    if backend == "postgres" and not fresh:
        os.environ["DATABASE_URL"] = POSTGRES + database
    elif backend == "postgres":
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as db:
            db.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {database}")
        os.environ["DATABASE_URL"] = POSTGRES + database
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)


def reference_loop_ms() -> float:
    """Milliseconds for one fixed piece of pure Python (the best of three): machines sold under
    the same processor name differ, so figures from two machines compare in the ratio of
    their loops."""
    best = float("inf")
    for _attempt in range(3):
        began = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number % 7
        best = min(best, time.perf_counter() - began)
    return round(best * 1000, 1)


def host() -> dict:
    """The machine's processor, memory and load when the run starts (a shared machine's
    figures depend on what else runs), and how fast it runs Python."""
    cpu, memory = "", 0.0
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError, IndexError):
        total = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory = round(int(total) / 2**20, 1)
    return {
        "cpu": f"{cpu} ({os.cpu_count()} cores)" if cpu else f"{os.cpu_count()} cores",
        "memory_gib": memory,
        "load_average": ", ".join(f"{value:.1f}" for value in os.getloadavg()),
        "reference_loop_ms": reference_loop_ms(),
        "date": time.strftime("%Y-%m-%d"),
    }


def viewers() -> dict:
    """A member, a coordinator and an executive of the busiest department."""
    from django.db.models import Count

    from deptcoord.org.models import Department, Membership, Person

    busiest = Department.objects.annotate(size=Count("memberships")).order_by("-size", "pk").first()

    def holder(role):
        return (
            Membership.objects.filter(department=busiest, role=role)
            .select_related("person__user")
            .order_by("pk")
            .first()
            .person
        )

    executive = Person.objects.filter(is_executive=True, is_admin=False).order_by("pk").first()
    return {
        "member": holder("member"),
        "coordinator": holder("coordinator"),
        "executive": executive,
        "department": busiest,
    }


def pages(found: dict) -> list[tuple[str, str]]:
    """(name, path) of the main pages and API lists, for the records found in the company."""
    from deptcoord.goals.models import Goal, KeyResult

    department = found["department"]
    goal = Goal.objects.filter(department=department).order_by("pk").first()
    result = KeyResult.objects.filter(goal__department=department).order_by("pk").first()
    listed = [
        ("Today", "/"),
        ("Goal tree", "/goals/"),
        ("Goal list", "/goals/list/"),
        ("Goal", f"/goals/{goal.pk}/"),
        ("Key result", f"/goals/key-results/{result.pk}/"),
        ("Standards", "/goals/standards/"),
        ("Department tree", "/org/"),
        ("Department", f"/org/departments/{department.pk}/"),
        ("People", "/org/people/"),
        ("Notifications", "/notifications/"),
        ("API goals", "/api/v1/goals"),
        ("API key results", "/api/v1/key-results"),
        ("API people", "/api/v1/people"),
        ("API departments", "/api/v1/departments"),
        ("API notifications", "/api/v1/notifications"),
    ]
    for extra in EXTRA_PAGES:
        listed += extra(found)
    return listed


def app_pages(found: dict) -> list[tuple[str, str]]:
    """Projects, meetings, people, planning and records pages and API lists, on records of the
    busiest department (its biggest project, a meeting it takes part in, one of its notes)."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from deptcoord.meetings.models import Meeting
    from deptcoord.records.models import Note
    from deptcoord.work.models import Project

    department = found["department"]
    project = (
        Project.objects.filter(departments=department)
        .annotate(size=Count("steps"))
        .order_by("-size", "pk")
        .first()
    )
    meeting = (  # one the member is invited to, so that every role may open it
        Meeting.objects.filter(departments=department, participants__person=found["member"])
        .order_by("pk")
        .first()
    )
    note = Note.objects.filter(department=department, is_private=False).order_by("pk").first()
    month = timezone.localdate().replace(day=1)
    after = (month + timezone.timedelta(days=40)).replace(day=1)
    window = f"start={month.isoformat()}T00:00:00&end={after.isoformat()}T00:00:00"
    listed = [
        ("Projects", "/work/"),
        ("Project", f"/work/projects/{project.pk}/"),
        ("Project timeline", f"/work/projects/{project.pk}/timeline/"),
        ("Project board", f"/work/projects/{project.pk}/board/"),
        ("Project budget", f"/work/projects/{project.pk}/budget/"),
        ("Project time", f"/work/projects/{project.pk}/time/"),
        ("My steps", "/work/my-steps/"),
        ("Our steps", f"/work/departments/{department.pk}/steps/"),
        ("Workload", f"/work/workload/?department={department.pk}"),
        ("Requests", "/work/requests/"),
        ("Recurring", "/work/recurring/"),
        ("Calendar", "/meetings/"),
        ("Calendar feed", f"/meetings/calendar.json?{window}"),
        ("Meetings", "/meetings/list/"),
        ("Meeting", f"/meetings/{meeting.pk}/"),
        ("Decisions", "/meetings/decisions/"),
        ("Events", "/meetings/events/"),
        ("Person", f"/people/person/{found['member'].pk}/"),
        ("Skills catalogue", "/people/skills/"),
        ("Skills matrix", "/people/matrix/"),
        ("Development plans", "/people/plans/"),
        ("Feedback", "/people/feedback/"),
        ("Recognition wall", "/people/wall/"),
        ("1:1s", "/people/one-on-ones/"),
        ("Planner runs", "/plan/"),
        ("Records home", "/records/"),
        ("Search", "/records/?q=ke+hoach"),
        ("Department records", f"/records/departments/{department.pk}/"),
        ("Department activity", f"/records/departments/{department.pk}/activity/"),
        ("Note", f"/records/notes/{note.pk}/"),
        ("API projects", "/api/v1/projects"),
        ("API steps", f"/api/v1/steps?department_id={department.pk}"),
        ("API requests", "/api/v1/requests"),
        ("API workload", f"/api/v1/workload?department_id={department.pk}"),
        ("API calendar", f"/api/v1/calendar?{window}"),
        ("API meetings", "/api/v1/meetings"),
        ("API events", "/api/v1/events"),
        ("API decisions", "/api/v1/decisions"),
        ("API action items", "/api/v1/action-items"),
        ("API skills", "/api/v1/skills"),
        ("API assessments", "/api/v1/assessments"),
        ("API feedback", "/api/v1/feedback"),
        ("API development plans", "/api/v1/development-plans"),
        ("API 1:1s", "/api/v1/one-on-ones"),
        ("API plan runs", "/api/v1/plans"),
        ("API notes", "/api/v1/notes"),
        ("API documents", "/api/v1/documents"),
        ("API search", "/api/v1/search?q=ke+hoach"),
        ("API time off", "/api/v1/time-off"),
    ]
    for name, url_name in (("Status reports", "reports:list"),):
        with contextlib.suppress(NoReverseMatch):  # not in every version of the product
            listed.append((name, reverse(url_name)))
    return listed


EXTRA_PAGES: list = [app_pages]  # each capability's benchmark pages


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(person, path: str, runs: int) -> dict:
    """Time one page for one person: median, p95, p99 (ms) and the queries of the last run."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(person.user)
    for _ in range(2):
        client.get(path)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        timings.append((time.perf_counter() - began) * 1000)
    return {
        "status": response.status_code,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(_percentile(timings, 0.95), 1),
        "p99_ms": round(_percentile(timings, 0.99), 1),
        "queries": len(queries),
    }


def main() -> int:
    options = _arguments()
    machine = host()
    with company(options) as built:
        gc.freeze()  # as deptcoord/wsgi.py does in the server once started
        print("\n".join(built.stages), flush=True)
        found = viewers()
        rows = []
        for name, path in pages(found):
            for role in ("member", "coordinator", "executive"):
                figures = measure(found[role], path, options.runs)
                rows.append({"page": name, "path": path, "role": role, **figures})
                print(
                    f"{name:<22} {role:<12} {figures['status']} "
                    f"median {figures['median_ms']:>7} ms  p95 {figures['p95_ms']:>7} ms  "
                    f"p99 {figures['p99_ms']:>7} ms  {figures['queries']:>3} queries",
                    flush=True,
                )
    result = {
        "size": options.size,
        "seed": options.seed,
        "backend": options.backend,
        "runs": options.runs,
        "build_seconds": built.seconds,
        "build_stages": built.stages,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "host": machine,
        "pages": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"pages_{options.backend}_{options.size}.json").write_text(
        json.dumps(result, indent=2) + "\n"
    )
    slow = [row for row in rows if row["p95_ms"] > 150 or row["status"] != 200]
    print(f"{len(rows)} measurements, {len(slow)} over 150 ms at p95 or not 200.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
