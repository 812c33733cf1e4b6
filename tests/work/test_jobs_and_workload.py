"""Daily jobs (reminders, overdue slips, recurring steps) and the workload figures."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st

from deptcoord import urls  # noqa: F401  (builds the URLs before time is frozen)
from deptcoord.notices.models import Notification
from deptcoord.org.models import CompanyDayOff, TimeOff
from deptcoord.work import recurrence, selectors, tasks
from deptcoord.work.models import Step
from tests.work.helpers import link, project, step

pytestmark = pytest.mark.django_db

THURSDAY = "2026-11-26 09:00"


@freeze_time(THURSDAY, tz_offset=7)
def test_due_soon_and_overdue_reminders_at_most_once_a_day(world):
    today = timezone.localdate()
    soon = step(world.own, "Post", assignee=world.member, due=today + timedelta(days=1))
    late = step(world.own, "Brief", assignee=world.member, due=today - timedelta(days=3))
    step(world.own, "Later", assignee=world.member, due=today + timedelta(days=10))
    step(world.own, "Done", assignee=world.member, due=today, status="done", progress=100)
    assert tasks.remind_due_steps.call() == 2
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds == {"work.due_soon", "work.overdue"}
    assert tasks.remind_due_steps.call() == 0
    soon.refresh_from_db()
    late.refresh_from_db()
    assert soon.reminded_on == late.reminded_on == today


@freeze_time(THURSDAY, tz_offset=7)
def test_a_reminder_run_cut_short_reminds_nobody_twice(world, monkeypatch):
    today = timezone.localdate()
    for title in ("Post", "Brief", "Print"):
        step(world.own, title, assignee=world.member, due=today - timedelta(days=1))
    monkeypatch.setattr(tasks, "CHUNK", 2)
    sent = []
    real = tasks.notify

    def fails_on_the_third(**kwargs):
        if len(sent) == 2:
            raise RuntimeError("mail server gone")
        sent.append(kwargs["params"]["step"])
        return real(**kwargs)

    monkeypatch.setattr(tasks, "notify", fails_on_the_third)
    with pytest.raises(RuntimeError):
        tasks.remind_due_steps.call()
    assert Notification.objects.count() == 2
    assert Step.objects.filter(reminded_on=today).count() == 2
    monkeypatch.setattr(tasks, "notify", real)
    assert tasks.remind_due_steps.call() == 1
    reminded = Notification.objects.values_list("message_en", flat=True)
    assert sorted(message.split("”")[0] for message in reminded) == ["“Brief", "“Post", "“Print"]


@freeze_time("2026-11-27 09:00", tz_offset=7)
def test_friday_reminds_of_monday_steps(world):
    monday = date(2026, 11, 30)
    step(world.own, "Plan", assignee=world.member, due=monday)
    assert tasks.remind_due_steps.call() == 1


@freeze_time(THURSDAY, tz_offset=7)
def test_a_step_becoming_overdue_pushes_the_other_department(world):
    today = timezone.localdate()
    plan = project(world)
    late = step(
        world.own, "Design", plan, start=today - timedelta(days=6), due=today - timedelta(days=1)
    )
    waiting = step(world.other, "Dealer kit", plan, start=today, due=today + timedelta(days=1))
    link(late, waiting)
    assert tasks.note_overdue_steps.call() == 1
    waiting.refresh_from_db()
    assert waiting.flagged and waiting.flagged_by == late
    assert Notification.objects.filter(recipient=world.other_coordinator, kind="work.slip").exists()
    assert tasks.note_overdue_steps.call() == 0


@freeze_time(THURSDAY, tz_offset=7)
def test_recurring_job_creates_steps_ahead(world):
    from deptcoord.work.models import RecurringActivity

    RecurringActivity.objects.create(
        department=world.other,
        title_en="Weekly sales report",
        rrule="FREQ=WEEKLY;BYDAY=FR",
        starts_on=date(2026, 11, 1),
        lead_days=14,
    )
    assert tasks.generate_recurring_steps.call() == 2
    assert list(Step.objects.values_list("due", flat=True).order_by("due")) == [
        date(2026, 11, 27),
        date(2026, 12, 4),
    ]
    assert tasks.generate_recurring_steps.call() == 0


def test_capacity_less_holidays_time_off_and_load(world):
    monday = date(2026, 11, 30)
    CompanyDayOff.objects.create(date=date(2026, 12, 4), name="Company trip")
    # the peer is on leave 1–3 December (factories); 40 h a week, 8 h a day
    step(
        world.own,
        "Big",
        assignee=world.peer,
        start=monday,
        due=monday + timedelta(days=4),
        effort_hours=Decimal(50),
    )
    rows = selectors.workload_for([world.peer, world.member], [monday])
    peer, member = rows
    assert peer.cells[0].capacity == 8.0  # Monday only: leave Tue–Thu, company trip Friday
    assert peer.cells[0].assigned == 50.0  # all of it: the step's working days are this week
    assert peer.cells[0].overloaded
    assert member.cells[0].capacity == 32.0 and member.cells[0].assigned == 0


def test_workload_counts_only_remaining_effort(world):
    monday = date(2026, 11, 30)
    step(
        world.own,
        "Half",
        assignee=world.member,
        start=monday,
        due=monday + timedelta(days=4),
        effort_hours=Decimal(20),
        progress=50,
        status="in_progress",
    )
    cell = selectors.workload_for([world.member], [monday])[0].cells[0]
    assert cell.assigned == 10.0 and not cell.overloaded


RULES = st.sampled_from(
    [
        "FREQ=WEEKLY;BYDAY=FR",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=MONTHLY;BYMONTHDAY=25",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE",
    ]
)


@given(
    rule=RULES,
    first=st.dates(date(2024, 1, 1), date(2030, 1, 1)),
    offset=st.integers(0, 400),
    span=st.integers(0, 120),
)
def test_occurrences_fall_in_the_window_in_order(rule, first, offset, span):
    start = first + timedelta(days=offset)
    end = start + timedelta(days=span)
    found = recurrence.occurrences(rule, first, start, end)
    assert found == sorted(set(found))
    assert all(start <= day <= end and day >= first for day in found)


def test_friday_rule_gives_fridays():
    found = recurrence.occurrences(
        "RRULE:FREQ=WEEKLY;BYDAY=FR", date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 30)
    )
    assert [day.day for day in found] == [6, 13, 20, 27]


def test_time_off_is_left_out_of_capacity(world):
    TimeOff.objects.create(
        person=world.member, start_date=date(2027, 1, 4), end_date=date(2027, 1, 8)
    )
    cell = selectors.workload_for([world.member], [date(2027, 1, 4)])[0].cells[0]
    assert cell.capacity == 0
