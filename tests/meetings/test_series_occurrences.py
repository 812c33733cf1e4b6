"""A series with a moved and a cancelled occurrence shows the same occurrences everywhere: on
the calendar, in the Today briefing and in a status report's upcoming meetings."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from deptcoord.meetings import services
from deptcoord.meetings.calendar import calendar_entries
from deptcoord.meetings.models import Meeting
from deptcoord.meetings.series import meeting_occurrences
from deptcoord.org.facts import role_facts_for_person
from deptcoord.reports.selectors import briefing
from deptcoord.reports.snapshot import UPCOMING_DAYS, gather
from tests.meetings.helpers import actor, schedule

ZONE = "Asia/Ho_Chi_Minh"


def _daily_sync_with_changes(world, today):
    """Daily 09:00–10:00 for the department; today's occurrence cancelled, tomorrow's moved
    to 15:00 today."""
    meeting = schedule(
        world.coordinator,
        day=today - timedelta(days=7),
        rule="FREQ=DAILY",
        participants=[world.member],
        departments=[world.own],
        title_en="Daily sync",
    )
    services.occurrence_cancel(
        actor=actor(world.coordinator), meeting_id=meeting.pk, occurrence=today
    )
    services.occurrence_move(
        actor=actor(world.coordinator),
        meeting_id=meeting.pk,
        occurrence=today + timedelta(days=1),
        start=datetime.combine(today, time(15)),
        end=datetime.combine(today, time(16)),
    )
    return meeting


def _calendar(world, meeting, start, end) -> list[tuple[str, str]]:
    """(original date, local start) of the series' entries on the department's calendar."""
    entries = calendar_entries(
        role_facts_for_person(world.head), start, end, department_id=world.own.pk, zone_name=ZONE
    )
    prefix = f"m{meeting.pk}-"
    return [
        (entry["id"].removeprefix(prefix), entry["start"][:16])
        for entry in entries
        if entry["id"].startswith(prefix)
    ]


def test_the_calendar_today_and_a_report_show_the_same_occurrences(world):
    today = timezone.localdate()
    meeting = _daily_sync_with_changes(world, today)
    start = datetime.combine(today, time(0), ZoneInfo(ZONE))
    shown = _calendar(world, meeting, start, start + timedelta(days=UPCOMING_DAYS))
    tomorrow = today + timedelta(days=1)
    assert shown[0] == (tomorrow.isoformat(), f"{today.isoformat()}T15:00")
    assert today.isoformat() not in [key for key, _start in shown]
    assert len(shown) == UPCOMING_DAYS - 1

    today_on_calendar = [
        (key, moment[11:]) for key, moment in shown if moment.startswith(today.isoformat())
    ]
    section = briefing(role_facts_for_person(world.coordinator), today).section("meetings_today")
    ours = [line for line in section.lines if line.title == "Daily sync"]
    assert [(line.url, line.badge) for line in ours] == [
        (reverse("meetings:occurrence", kwargs={"pk": meeting.pk, "day": key}), at)
        for key, at in today_on_calendar
    ]

    report = gather(world.own, today - timedelta(days=7), today - timedelta(days=1))
    (row,) = [row for row in report["meetings"] if row["title"]["en"] == "Daily sync"]
    assert row["count"] == len(shown)
    assert row["next"].startswith(shown[0][1])


def test_occurrences_of_many_meetings_apply_each_ones_changes(world):
    today = timezone.localdate()
    meeting = _daily_sync_with_changes(world, today)
    start = datetime.combine(today, time(0), ZoneInfo(ZONE))
    found = meeting_occurrences(
        Meeting.objects.filter(pk=meeting.pk), start, start + timedelta(days=3), "title_en"
    )
    assert [(row.values, occurrence.key, occurrence.moved) for row, occurrence in found] == [
        (("Daily sync",), today + timedelta(days=1), True),
        (("Daily sync",), today + timedelta(days=2), False),
    ]
