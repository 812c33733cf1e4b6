"""Reminders once before each occurrence, minutes by e-mail, and recurrence properties."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from deptcoord.meetings import recurrence, services
from deptcoord.meetings.recurrence import Change, Series, occurrences
from deptcoord.meetings.tasks import send_reminders
from deptcoord.notices.models import Notification
from tests.meetings.helpers import actor, schedule


def test_reminders_go_out_once_before_each_occurrence(world):
    soon = timezone.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(minutes=90)
    start = soon.replace(tzinfo=None, second=0, microsecond=0)
    schedule(
        world.coordinator,
        participants=[world.member],
        start=start,
        end=start + timedelta(hours=1),
        rule="FREQ=DAILY;COUNT=3",
    )
    assert send_reminders.call() == 2  # organiser and member
    assert send_reminders.call() == 0
    reminders = Notification.objects.filter(kind="meetings.reminder")
    assert {n.recipient for n in reminders} == {world.coordinator, world.member}


def test_minutes_are_emailed_with_what_each_reader_may_see(
    world, django_capture_on_commit_callbacks
):
    meeting = schedule(world.coordinator, participants=[world.member, world.other_coordinator])
    day = meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()
    services.agenda_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=day,
        title="Budget",
        notes="Approved 2 bn",
    )
    services.decision_create(
        actor=actor(world.coordinator), meeting=meeting, occurrence=day, text="Go"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_send(actor=actor(world.coordinator), meeting=meeting, occurrence=day)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.email for p in (world.coordinator, world.member, world.other_coordinator)
    )
    assert "Approved 2 bn" in mail.outbox[0].body and "Go" in mail.outbox[0].body


ZONES = ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York", "Australia/Sydney"]


@given(
    zone=st.sampled_from(ZONES),
    first=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    hour=st.integers(min_value=6, max_value=20),
    weeks=st.integers(min_value=2, max_value=20),
    cancelled=st.sets(st.integers(min_value=0, max_value=19), max_size=5),
)
def test_weekly_occurrences_keep_their_wall_clock_time(zone, first, hour, weeks, cancelled):
    tz = ZoneInfo(zone)
    start = datetime(first.year, first.month, first.day, hour, tzinfo=tz).astimezone(UTC)
    keys = [first + timedelta(weeks=n) for n in range(weeks)]
    changes = tuple(Change(keys[n], cancelled=True) for n in cancelled if n < weeks)
    series = Series(start, start + timedelta(hours=1), zone, f"FREQ=WEEKLY;COUNT={weeks}", changes)
    found = occurrences(series, start - timedelta(days=1), start + timedelta(weeks=weeks + 1))
    assert [o.key for o in found] == [k for n, k in enumerate(keys) if n not in cancelled]
    for occurrence in found:
        local = occurrence.start.astimezone(tz)
        assert (local.date(), local.hour) == (occurrence.key, hour)
        assert occurrence.end - occurrence.start == timedelta(hours=1)


@given(
    offset_days=st.integers(min_value=-2, max_value=5), hour=st.integers(min_value=0, max_value=22)
)
def test_a_moved_occurrence_shows_once_where_it_now_is(offset_days, hour):
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    first = date(2026, 12, 1)
    start = datetime(2026, 12, 1, 9, tzinfo=zone).astimezone(UTC)
    moved_to = datetime.combine(first + timedelta(days=7 + offset_days), datetime.min.time(), zone)
    moved_to = moved_to.replace(hour=hour).astimezone(UTC)
    change = Change(first + timedelta(days=7), start=moved_to, end=moved_to + timedelta(hours=1))
    series = Series(
        start, start + timedelta(hours=1), "Asia/Ho_Chi_Minh", "FREQ=WEEKLY;COUNT=3", (change,)
    )
    found = occurrences(series, start - timedelta(days=10), start + timedelta(days=30))
    assert [o.key for o in found].count(first + timedelta(days=7)) == 1
    (moved,) = [o for o in found if o.moved]
    assert moved.start == moved_to


LONG_RUNNING_RULES = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;WKST=SU",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU",
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYDAY=1MO",
    "FREQ=WEEKLY;BYDAY=WE;UNTIL=20290101T000000Z",
    "FREQ=DAILY;COUNT=400",
]


@given(
    rule=st.sampled_from(LONG_RUNNING_RULES),
    zone=st.sampled_from(ZONES),
    first=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 12, 31)),
    later=st.integers(min_value=-30, max_value=5 * 366),
    span=st.integers(min_value=1, max_value=60),
)
def test_a_long_running_series_shows_the_same_occurrences_in_any_window(
    rule, zone, first, later, span
):
    """Expanding a window years after a series began (where the rule starts again nearby, on
    the same grid) gives exactly the occurrences of expanding it from its first one."""
    tz = ZoneInfo(zone)
    start = first.replace(second=0, microsecond=0, tzinfo=tz).astimezone(UTC)
    series = Series(start, start + timedelta(minutes=45), zone, rule)
    low = first + timedelta(days=later)
    high = low + timedelta(days=span)
    assert list(recurrence._rule_near(series, low).between(low, high, inc=True)) == list(
        recurrence._rule(series).between(low, high, inc=True)
    )
