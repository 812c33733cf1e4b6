"""Benchmark: the project timeline with 500 steps and the workload page of a 50-person
department, on SQLite.

    python bench/work_pages.py [--steps 500] [--people 50] [--runs 50] [--seed 4]

Builds a company in a temporary SQLite database (four departments, the measured one with 50
people), a cross-department project of 500 steps over six months linked in chains (about 500
dependencies), and 1,500 more open steps assigned to the department's people across other
work. Times both pages as the server sees them (the request through every middleware, without
a network) for the project's coordinator. Prints the median and p95 and writes them to
bench/results/work_pages.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
RESULTS = REPOSITORY / "bench" / "results" / "work_pages.json"


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def _django(directory: str) -> None:
    """Set Django up on a fresh SQLite database in ``directory``."""
    os.environ["DEPTCOORD_VAR_DIR"] = directory
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "deptcoord.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)


def _company(people_count: int):
    """Four departments; the first (measured) with ``people_count`` people, the others 20."""
    from django.contrib.auth import get_user_model

    from deptcoord.org.models import Department, Membership, Person

    departments = Department.objects.bulk_create(
        Department(code=code, name_en=name, name_vi=name)
        for code, name in (
            ("PRD", "Product"),
            ("MKT", "Marketing"),
            ("SAL", "Sales"),
            ("CS", "Care"),
        )
    )
    sizes = [people_count, 20, 20, 20]
    homes = [d for d, size in zip(departments, sizes, strict=True) for _ in range(size)]
    people = Person.objects.bulk_create(
        Person(full_name=f"Trần Thị {n}", email=f"p{n}@example.com", primary_department=home)
        for n, home in enumerate(homes)
    )
    Membership.objects.bulk_create(
        Membership(person=person, department=home, role="member")
        for person, home in zip(people, homes, strict=True)
    )
    user = get_user_model().objects.create_user(username="coordinator@example.com")
    coordinator = Person.objects.create(
        full_name="Coordinator",
        email="coordinator@example.com",
        user=user,
        primary_department=departments[0],
    )
    Membership.objects.create(person=coordinator, department=departments[0], role="coordinator")
    members = {d.pk: [p for p, h in zip(people, homes, strict=True) if h == d] for d in departments}
    return departments, members, coordinator, user


def _plan(step_count: int, rng: random.Random, company) -> tuple[int, int]:
    """A cross-department project of ``step_count`` steps in chains, plus other open work."""
    from django.utils import timezone

    from deptcoord.work.models import Dependency, Project, Step

    departments, members, coordinator, _user = company
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday() + 28)
    project = Project.objects.create(
        code="BENCH",
        title_en="Big launch",
        lead_department=departments[0],
        coordinator=coordinator,
        start=start,
        end=start + timedelta(days=200),
        status="active",
    )
    project.departments.set(departments)

    def step(index, project=None):
        department = rng.choice(departments)
        first = start + timedelta(days=rng.randrange(0, 170))
        return Step(
            project=project,
            department=department,
            assignee=rng.choice(members[department.pk]),
            title_en=f"Step {index}",
            effort_hours=rng.choice([4, 8, 16, 24, 40]),
            start=first,
            due=first + timedelta(days=rng.randrange(0, 14)),
            status=rng.choice(["todo", "todo", "in_progress", "blocked", "done"]),
            progress=rng.choice([0, 20, 50]),
        )

    steps = Step.objects.bulk_create(step(n, project) for n in range(step_count))
    ordered = sorted(steps, key=lambda s: s.due)
    links = set()
    for index, after in enumerate(ordered):
        for _ in range(rng.choice([0, 1, 1, 2, 2])):
            before = ordered[rng.randrange(0, index)] if index else None
            if before is not None and before.due < after.start:
                links.add((before.pk, after.pk))
    Dependency.objects.bulk_create(Dependency(predecessor_id=a, successor_id=b) for a, b in links)
    Step.objects.bulk_create(step(step_count + n) for n in range(1500))
    return len(steps), len(links)


def _time(user, url: str, runs: int, marker: bytes) -> dict:
    from django.db import connection
    from django.test import Client

    client = Client()
    client.force_login(user)
    for _ in range(3):  # warm the caches and the templates
        assert client.get(url).status_code == 200
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 1),
        "best_ms": round(timings[0], 1),
        "max_ms": round(timings[-1], 1),
        "queries": len(queries),
        "rows_rendered": response.content.count(marker),
    }


def main() -> int:
    """Build the company and the plan, time both pages, print and save the figures."""
    options = _arguments()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as directory:
        _django(directory)
        company = _company(options.people)
        steps, links = _plan(options.steps, rng, company)
        from deptcoord.work.models import Project

        project = Project.objects.get(code="BENCH")
        user = company[3]
        department = company[0][0]
        result = {
            "steps": steps,
            "dependencies": links,
            "people": options.people,
            "runs": options.runs,
            "python": platform.python_version(),
            "database": "SQLite",
            "pages": {
                "timeline": _time(
                    user, f"/work/projects/{project.pk}/timeline/", options.runs, b"data-critical="
                ),
                "workload": _time(
                    user,
                    f"/work/workload/?department={department.pk}&weeks=8",
                    options.runs,
                    b'<th scope="row"',
                ),
            },
        }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2) + "\n")
    for name, figures in result["pages"].items():
        print(
            f"{name} page: median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms, "
            f"{figures['queries']} queries ({figures['rows_rendered']} rows rendered; "
            "target p95 ≤ 150 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
