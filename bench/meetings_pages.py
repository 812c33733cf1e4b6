"""Benchmark: the calendar month for a department of 50 people on SQLite.

    python bench/meetings_pages.py [--people 50] [--runs 50] [--seed 6]

Builds a company in a temporary SQLite database (ten departments of 50 people; in the measured
one, a weekly department meeting with everyone, two weekly series per person with colleagues
from other departments, a moved and a cancelled occurrence in each, twenty one-off meetings per
person this month and the next, time off, company events and step deadlines), then times what
the month view costs as the server sees it: the calendar page and its JSON feed for a six-week
month grid, for the department's coordinator. Prints the median and p95 and writes them to
bench/results/meetings_pages.json.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
RESULTS = REPOSITORY / "bench" / "results" / "meetings_pages.json"
DEPARTMENTS = 10


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50, help="people per department")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
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


def _organisation(size: int):
    from deptcoord.org.models import Department, Membership, Person

    departments = Department.objects.bulk_create(
        Department(code=f"D{n}", name_en=f"Department {n}", name_vi=f"Phòng {n}")
        for n in range(DEPARTMENTS)
    )
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Trần Văn {d}-{n}", email=f"p{d}-{n}@example.com", primary_department=dept
        )
        for d, dept in enumerate(departments)
        for n in range(size)
    )
    Membership.objects.bulk_create(
        Membership(person=person, department=person.primary_department, role="member")
        for person in people
    )
    return departments, people


def _meeting(organiser, start, minutes, rule="", title="Sync"):
    from deptcoord.meetings.models import Meeting

    return Meeting(
        title_en=title,
        organiser=organiser,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        rrule=rule,
        time_zone="Asia/Ho_Chi_Minh",
    )


def _calendar(departments, people, size: int, rng: random.Random, first: date) -> int:
    """Meetings, changes, time off, events and steps around the measured department."""
    from deptcoord.meetings.models import Event, Meeting, OccurrenceChange, Participant
    from deptcoord.org.models import TimeOff
    from deptcoord.work.models import Step

    mine, others = people[:size], people[size:]
    start = datetime.combine(first, datetime.min.time(), UTC) + timedelta(hours=2)
    specs, invitees = [], []
    specs.append(_meeting(mine[0], start, 60, "FREQ=WEEKLY;BYDAY=MO", "Department weekly"))
    invitees.append(mine)
    for person in mine:
        for series in range(2):
            day = start + timedelta(days=rng.randrange(5), hours=rng.randrange(1, 8))
            specs.append(_meeting(person, day, 30, f"FREQ=WEEKLY;COUNT={20 + series}"))
            invitees.append([person, *rng.sample(others, 3)])
        for _ in range(20):
            day = start + timedelta(days=rng.randrange(60), hours=rng.randrange(8))
            specs.append(_meeting(person, day, 45, title="One-off"))
            invitees.append([person, rng.choice(mine), rng.choice(others)])
    meetings = Meeting.objects.bulk_create(specs)
    Meeting.departments.through.objects.bulk_create(
        Meeting.departments.through(meeting_id=meeting.pk, department_id=departments[0].pk)
        for meeting in meetings
    )
    Participant.objects.bulk_create(
        Participant(meeting=meeting, person=person)
        for meeting, group in zip(meetings, invitees, strict=True)
        for person in {p.pk: p for p in group}.values()
    )
    series = [m for m in meetings if m.rrule and "COUNT" in m.rrule]
    OccurrenceChange.objects.bulk_create(
        change
        for meeting in series
        for change in (
            OccurrenceChange(
                meeting=meeting,
                occurrence=(meeting.starts_at + timedelta(days=7, hours=7)).date(),
                starts_at=meeting.starts_at + timedelta(days=8),
                ends_at=meeting.ends_at + timedelta(days=8),
            ),
            OccurrenceChange(
                meeting=meeting,
                occurrence=(meeting.starts_at + timedelta(days=14, hours=7)).date(),
                cancelled=True,
            ),
        )
    )
    TimeOff.objects.bulk_create(
        TimeOff(
            person=person,
            start_date=first + timedelta(days=d),
            end_date=first + timedelta(days=d + 2),
        )
        for person in mine[:15]
        for d in (rng.randrange(30),)
    )
    events = Event.objects.bulk_create(
        Event(
            title_en=f"Event {n}",
            start_date=first + timedelta(days=n),
            end_date=first + timedelta(days=n + 1),
            owner=mine[0],
        )
        for n in range(30)
    )
    Event.departments.through.objects.bulk_create(
        Event.departments.through(event_id=event.pk, department_id=departments[n % DEPARTMENTS].pk)
        for n, event in enumerate(events)
    )
    Step.objects.bulk_create(
        Step(
            title_en=f"Step {n}",
            department=departments[0],
            assignee=rng.choice(mine),
            due=first + timedelta(days=rng.randrange(40)),
        )
        for n in range(200)
    )
    return len(meetings)


def _viewer(department):
    from django.contrib.auth import get_user_model

    from deptcoord.org.models import Membership, Person

    user = get_user_model().objects.create_user(username="coordinator@example.com")
    person = Person.objects.create(
        full_name="Coordinator",
        email="coordinator@example.com",
        user=user,
        primary_department=department,
    )
    Membership.objects.create(person=person, department=department, role="coordinator")
    return user


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


def main() -> int:
    """Build the company, time the month view, print and save the figures."""
    options = _arguments()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as directory:
        _django(directory)
        from django.test import Client
        from django.utils import timezone

        departments, people = _organisation(options.people)
        today = timezone.localdate()
        month = today.replace(day=1)
        grid_start = month - timedelta(days=month.weekday())
        meetings = _calendar(departments, people, options.people, rng, grid_start)
        client = Client()
        client.force_login(_viewer(departments[0]))
        department = departments[0].pk
        feed = (
            f"/meetings/calendar.json?department={department}"
            f"&start={grid_start.isoformat()}T00:00:00%2B07:00"
            f"&end={(grid_start + timedelta(days=42)).isoformat()}T00:00:00%2B07:00"
        )
        result = {
            "people_in_department": options.people,
            "meetings": meetings,
            "runs": options.runs,
            "python": platform.python_version(),
            "database": "SQLite",
            "calendar_page": _time(client, f"/meetings/?department={department}", options.runs),
            "month_feed": _time(client, feed, options.runs),
        }
        result["month_feed"]["entries"] = len(client.get(feed).json())
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2) + "\n")
    for name in ("calendar_page", "month_feed"):
        figures = result[name]
        print(
            f"calendar month, department of {options.people}, {name.replace('_', ' ')}: "
            f"median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms (target p95 ≤ 150 ms)"
        )
    print(f"month feed entries: {result['month_feed']['entries']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
