"""Benchmark: the goal tree page for 5,000 goals and 15,000 key results on SQLite.

    python bench/goal_tree.py [--goals 5000] [--key-results 3] [--runs 50] [--seed 5]

Builds a company in a temporary SQLite database (30 departments with three teams each, 2,000
people, goals in chains company → department → team → person, three key results each and four
check-ins on every key result), then times the goal tree page as the server sees it (the
request through every middleware, without a network) for an administrator and for a
coordinator. Prints the median and p95 and writes them to bench/results/goal_tree.json.
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
RESULTS = REPOSITORY / "bench" / "results" / "goal_tree.json"
DEPARTMENTS, TEAMS, PEOPLE = 30, 3, 2000


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=5000)
    parser.add_argument("--key-results", type=int, default=3, help="key results per goal")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5)
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


def _organisation(rng: random.Random):
    """Departments with teams, and people spread over the teams."""
    from deptcoord.org.models import Department, Membership, Person

    departments = Department.objects.bulk_create(
        Department(code=f"D{n}", name_en=f"Department {n}", name_vi=f"Phòng {n}")
        for n in range(DEPARTMENTS)
    )
    teams = Department.objects.bulk_create(
        Department(code=f"D{d.pk}-T{t}", name_en=f"Team {t}", name_vi=f"Nhóm {t}", parent=d)
        for d in departments
        for t in range(TEAMS)
    )
    homes = [rng.choice(teams) for _ in range(PEOPLE)]
    people = Person.objects.bulk_create(
        Person(full_name=f"Nguyễn Văn {n}", email=f"p{n}@example.com", primary_department=home)
        for n, home in enumerate(homes)
    )
    Membership.objects.bulk_create(
        Membership(person=person, department=home, role="member")
        for person, home in zip(people, homes, strict=True)
    )
    return departments, teams, people, homes


def _goals(count: int, per_goal: int, rng: random.Random, organisation) -> int:
    """Goals in chains company → department → team → person, with key results and check-ins."""
    from django.utils import timezone

    from deptcoord.goals.models import CheckIn, Goal, KeyResult
    from deptcoord.goals.periods import quarter_of
    from deptcoord.goals.services.rollup import rollup_refresh_all

    people = organisation[2]
    quarter = quarter_of(timezone.localdate())
    per_level = {"company": count // 250, "department": count // 25, "team": count // 5}
    per_level["person"] = count - sum(per_level.values())
    made: dict[str, list] = {}
    above = {"company": None, "department": "company", "team": "department", "person": "team"}
    for level, number in per_level.items():
        made[level] = Goal.objects.bulk_create(
            _goal(level, n, rng, organisation, made.get(above[level]) or [None], quarter)
            for n in range(number)
        )
    goals = [goal for level in made.values() for goal in level]
    key_results = KeyResult.objects.bulk_create(
        _key_result(goal, rng, people) for goal in goals for _ in range(per_goal)
    )
    CheckIn.objects.bulk_create(
        CheckIn(
            key_result=kr,
            day=quarter.start + timedelta(days=7 * week),
            value=week * 10,
            confidence="on_track",
        )
        for kr in key_results
        for week in range(1, 5)
    )
    rollup_refresh_all()  # the figures the services would have stored along the way
    return len(key_results)


def _goal(level, n, rng, organisation, parents, quarter):
    from deptcoord.goals.models import Goal

    departments, teams, people, homes = organisation
    index = rng.randrange(len(people))
    department = {
        "company": None,
        "department": rng.choice(departments),
        "team": rng.choice(teams),
        "person": homes[index],
    }[level]
    return Goal(
        title_en=f"{level.title()} goal {n}",
        title_vi=f"Mục tiêu {n}",
        level=level,
        department=department,
        owner=people[index],
        parent=rng.choice(parents),
        period_start=quarter.start,
        period_end=quarter.end,
        status="active",
        priority=rng.choice([1, 2, 3]),
    )


def _key_result(goal, rng, people):
    from deptcoord.goals.models import KeyResult

    target = rng.choice([100, 300, 20_000, 2_000_000_000])
    current = target * rng.uniform(0, 1.1)
    return KeyResult(
        goal=goal,
        title_en="Key result",
        owner=goal.owner,
        start_value=0,
        target_value=target,
        current_value=round(current, 2),
        confidence=rng.choice(["on_track", "at_risk", "off_track"]),
        forecast_value=current * rng.uniform(1.0, 1.8),
        at_risk=rng.random() < 0.3,
    )


def _viewer(role: str, departments):
    """An administrator, or the coordinator of the first department (and its teams)."""
    from django.contrib.auth import get_user_model

    from deptcoord.org.models import Membership, Person

    user = get_user_model().objects.create_user(username=f"{role}@example.com")
    person = Person.objects.create(
        full_name=role.title(),
        email=f"{role}@example.com",
        user=user,
        is_admin=role == "admin",
        primary_department=departments[0],
    )
    if role == "coordinator":
        Membership.objects.create(person=person, department=departments[0], role="coordinator")
    return user


def _time(user, runs: int) -> dict:
    from django.test import Client

    client = Client()
    client.force_login(user)
    for _ in range(3):  # warm the caches and the templates
        assert client.get("/goals/").status_code == 200
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get("/goals/")
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    timings.sort()
    rows = response.content.count(b'class="goal-node"')
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 1),
        "best_ms": round(timings[0], 1),
        "max_ms": round(timings[-1], 1),
        "rows_rendered": rows,
    }


def main() -> int:
    """Build the company, time the tree, print and save the figures."""
    options = _arguments()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as directory:
        _django(directory)
        organisation = _organisation(rng)
        key_results = _goals(options.goals, options.key_results, rng, organisation)
        result = {
            "goals": options.goals,
            "key_results": key_results,
            "runs": options.runs,
            "python": platform.python_version(),
            "database": "SQLite",
            "viewers": {
                role: _time(_viewer(role, organisation[0]), options.runs)
                for role in ("admin", "coordinator")
            },
        }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2) + "\n")
    for role, figures in result["viewers"].items():
        print(
            f"goal tree as {role}: median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms "
            f"({figures['rows_rendered']} rows rendered; target p95 ≤ 150 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
