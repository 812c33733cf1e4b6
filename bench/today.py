"""Benchmark: the Today page for a department of 50 people in a company of 2,000, and a status
report's PDF, on SQLite.

    python bench/today.py [--departments 40] [--people 50] [--runs 50] [--seed 8]

Builds a company in a temporary SQLite database (40 departments of 50 people; in every
department, ten open steps per person — some overdue, some due this week — five goals at risk
with three key results each, two breached standards, requests to and from the next department,
a warning, today's stand-up with its agenda and an event), then times, as the server sees it,
the Today page for the first department's coordinator and for an executive (whole company), and
the PDF of the department's submitted weekly report. Prints the median and p95 and writes them
to bench/results/today.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
RESULTS = REPOSITORY / "bench" / "results" / "today.json"
ZONE = "Asia/Ho_Chi_Minh"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--people", type=int, default=50, help="people per department")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--pdf-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def _django(directory: str) -> None:
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
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    call_command("migrate", verbosity=0)


def _company(options, rng: random.Random, today):
    from django.contrib.auth import get_user_model

    from deptcoord.goals.models import Goal, KeyResult, Measurement, Standard
    from deptcoord.meetings.models import AgendaItem, Event, Meeting
    from deptcoord.org.models import Department, Membership, Person
    from deptcoord.people.models import Feedback, FeedbackLevel
    from deptcoord.work.models import Request, Step

    departments = Department.objects.bulk_create(
        Department(code=f"D{n:02d}", name_en=f"Department {n}", name_vi=f"Phòng {n}")
        for n in range(options.departments)
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"Lê Thị {d}-{n}", email=f"p{d}-{n}@example.com", primary_department=dept)
        for d, dept in enumerate(departments)
        for n in range(options.people)
    )
    by_department = {}
    for person in people:
        by_department.setdefault(person.primary_department_id, []).append(person)
    Membership.objects.bulk_create(
        Membership(
            person=person,
            department_id=person.primary_department_id,
            role="coordinator" if index == 0 else "head" if index == 1 else "member",
        )
        for staff in by_department.values()
        for index, person in enumerate(staff)
    )
    steps = []
    for dept in departments:
        for person in by_department[dept.pk]:
            for n in range(10):
                due = today + timedelta(days=rng.randrange(-20, 40))
                steps.append(
                    Step(
                        department=dept,
                        assignee=person,
                        title_en=f"Step {n} of {person.full_name}",
                        start=due - timedelta(days=rng.randrange(1, 10)),
                        due=due,
                        effort_hours=Decimal(rng.randrange(2, 30)),
                    )
                )
    Step.objects.bulk_create(steps, batch_size=2000)
    goals = Goal.objects.bulk_create(
        Goal(
            title_en=f"Goal {n} of {dept.code}",
            level=Goal.Level.DEPARTMENT,
            department=dept,
            owner=by_department[dept.pk][1],
            period_start=today - timedelta(days=40),
            period_end=today + timedelta(days=50),
            status=Goal.Status.ACTIVE,
            at_risk=True,
            progress=30,
            forecast_progress=60,
        )
        for dept in departments
        for n in range(5)
    )
    KeyResult.objects.bulk_create(
        KeyResult(
            goal=goal,
            owner=rng.choice(by_department[goal.department_id]),
            title_en=f"Result {n}",
            start_value=0,
            target_value=100,
            current_value=20,
            at_risk=n == 0,
            shortfall_percent=30 if n == 0 else None,
        )
        for goal in goals
        for n in range(3)
    )
    standards = Standard.objects.bulk_create(
        Standard(
            department=dept, title_en=f"Standard {n}", threshold=90, owner=by_department[dept.pk][0]
        )
        for dept in departments
        for n in range(2)
    )
    Measurement.objects.bulk_create(
        Measurement(
            standard=standard, period_start=today - timedelta(days=14), value=70, breached=True
        )
        for standard in standards
    )
    Request.objects.bulk_create(
        Request(
            from_department=dept,
            to_department=departments[(index + 1) % len(departments)],
            title=f"Request {n} from {dept.code}",
            due=today + timedelta(days=5),
            requested_by=by_department[dept.pk][0],
        )
        for index, dept in enumerate(departments)
        for n in range(3)
    )
    level = FeedbackLevel.objects.create(name_en="Written warning", rank=1)
    Feedback.objects.bulk_create(
        Feedback(
            kind=Feedback.Kind.WARNING,
            subject=by_department[dept.pk][5],
            author=by_department[dept.pk][1],
            body="Late",
            level=level,
        )
        for dept in departments
    )
    zone = ZoneInfo(ZONE)
    for dept in departments:
        meeting = Meeting.objects.create(
            title_en=f"{dept.code} stand-up",
            organiser=by_department[dept.pk][0],
            time_zone=ZONE,
            starts_at=datetime.combine(today - timedelta(days=21), clock(9), zone),
            ends_at=datetime.combine(today - timedelta(days=21), clock(9, 15), zone),
            rrule="FREQ=DAILY",
        )
        meeting.departments.set([dept])
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, occurrence=today, title=f"Point {n}", position=n)
            for n in range(4)
        )
        event = Event.objects.create(
            title_en=f"{dept.code} fair",
            start_date=today + timedelta(days=rng.randrange(14)),
            end_date=today + timedelta(days=15),
            owner=by_department[dept.pk][0],
        )
        event.departments.set([dept])
    user_model = get_user_model()
    coordinator = by_department[departments[0].pk][0]
    coordinator.user = user_model.objects.create_user(username=coordinator.email)
    coordinator.save(update_fields=["user"])
    executive = Person.objects.create(
        full_name="CEO",
        email="ceo@example.com",
        is_executive=True,
        user=user_model.objects.create_user(username="ceo@example.com"),
    )
    return departments, coordinator, executive, len(steps)


def _time(client, url: str, runs: int) -> dict:
    for _ in range(3):  # warm the caches and the templates
        assert client.get(url).status_code == 200
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
        "bytes": len(response.content),
    }


def _report(department, coordinator, executive, today):
    from deptcoord.core.actor import Actor
    from deptcoord.org.facts import role_facts_for_person
    from deptcoord.reports import services

    actor = Actor(person=coordinator, facts=role_facts_for_person(coordinator))
    report = services.report_create(
        actor=actor,
        department=department,
        period_start=today - timedelta(days=27),
        period_end=today,
        kind="custom",
        narrative="**A busy month.**\n\n- Launch on track\n- Two standards breached",
    )
    return services.report_submit(
        actor=actor,
        report_id=report.pk,
        expected_version=report.version,
        recipient_ids=[executive.pk],
    )


def main() -> int:
    options = _arguments()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as directory:
        _django(directory)
        from django.test import Client
        from django.utils import timezone

        today = timezone.localdate()
        departments, coordinator, executive, steps = _company(options, rng, today)
        client = Client()
        client.force_login(coordinator.user)
        boss = Client()
        boss.force_login(executive.user)
        report = _report(departments[0], coordinator, executive, today)
        gc.freeze()  # as deptcoord/wsgi.py does in the server once started
        pdf = _time(client, f"/reports/{report.pk}/pdf/", options.pdf_runs)
        result = {
            "company_people": options.departments * options.people,
            "people_in_department": options.people,
            "steps": steps,
            "runs": options.runs,
            "python": platform.python_version(),
            "database": "SQLite",
            "today_coordinator": _time(client, "/", options.runs),
            "today_executive": _time(boss, "/", options.runs),
            "today_api": _time(client, "/api/v1/today", options.runs),
            "report_pdf": pdf,
        }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2) + "\n")
    for name, target in (
        ("today_coordinator", "p95 ≤ 150 ms"),
        ("today_executive", "p95 ≤ 150 ms"),
        ("today_api", "p95 ≤ 150 ms"),
        ("report_pdf", "≤ 3 s"),
    ):
        figures = result[name]
        print(
            f"{name.replace('_', ' ')}: median {figures['median_ms']} ms, "
            f"p95 {figures['p95_ms']} ms (target {target})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
