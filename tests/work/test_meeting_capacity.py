"""Time in meetings comes off capacity: the workload's weekly hours and the planner's hours
per day (series expanded, cancelled occurrences left out, moved ones at their new time)."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.meetings import selectors as meeting_selectors
from deptcoord.meetings import services as meeting_services
from deptcoord.meetings.models import Participant
from deptcoord.meetings.selectors import busy_hours
from deptcoord.planning.calendars import hours_available
from deptcoord.work import selectors as work_selectors
from deptcoord.work.selectors import meeting_hours, workload_for
from tests.meetings.helpers import actor, schedule
from tests.work.helpers import step

pytestmark = pytest.mark.django_db

MONDAY = date(2027, 3, 1)  # no public holiday for weeks
TUESDAY = MONDAY + timedelta(days=1)
WEEKS = [MONDAY + timedelta(weeks=n) for n in range(3)]


def _weekly_sync(world, **fields):
    """Tuesdays 09:00–11:00, the member invited."""
    return schedule(
        world.coordinator,
        day=TUESDAY,
        rule="FREQ=WEEKLY;BYDAY=TU",
        participants=[world.member],
        end=datetime.combine(TUESDAY, datetime.min.time()).replace(hour=11),
        **fields,
    )


def _capacity(world, person):
    (row,) = workload_for([person], WEEKS)
    return [cell.capacity for cell in row.cells]


def test_a_weekly_two_hour_meeting_takes_two_hours_a_week_off_the_workload(world):
    assert _capacity(world, world.member) == [40.0, 40.0, 40.0]
    _weekly_sync(world)
    assert _capacity(world, world.member) == [38.0, 38.0, 38.0]
    assert _capacity(world, world.coordinator) == [38.0, 38.0, 38.0]  # the organiser too
    assert _capacity(world, world.peer) == [40.0, 40.0, 40.0]


def test_cancelled_and_moved_occurrences_count_where_they_are(world):
    sync = _weekly_sync(world)
    who = actor(world.coordinator)
    meeting_services.occurrence_cancel(
        actor=who, meeting_id=sync.pk, occurrence=TUESDAY + timedelta(weeks=1)
    )
    moved_day = TUESDAY + timedelta(weeks=2, days=1)
    meeting_services.occurrence_move(
        actor=who,
        meeting_id=sync.pk,
        occurrence=TUESDAY + timedelta(weeks=2),
        start=datetime.combine(moved_day, datetime.min.time()).replace(hour=14),
        end=datetime.combine(moved_day, datetime.min.time()).replace(hour=15),
    )
    assert _capacity(world, world.member) == [38.0, 40.0, 39.0]
    busy = busy_hours([world.member], MONDAY, MONDAY + timedelta(days=20))
    assert busy == {
        (world.member.pk, TUESDAY): 2.0,
        (world.member.pk, moved_day): 1.0,
    }


def test_declined_and_cancelled_meetings_take_no_time(world):
    sync = _weekly_sync(world)
    Participant.objects.filter(meeting=sync, person=world.member).update(response="declined")
    assert _capacity(world, world.member) == [40.0, 40.0, 40.0]
    meeting_services.meeting_cancel(actor=actor(world.coordinator), meeting_id=sync.pk)
    assert _capacity(world, world.coordinator) == [40.0, 40.0, 40.0]


def test_a_meeting_on_a_day_off_is_not_taken_off_twice(world):
    _weekly_sync(world)
    world.member.time_off.create(start_date=TUESDAY, end_date=TUESDAY, kind="leave")
    assert _capacity(world, world.member)[0] == 32.0  # one day away, no meeting hours


def test_the_planner_has_fewer_hours_on_the_meeting_day(world):
    _weekly_sync(world)
    hours = hours_available([world.member, world.peer], MONDAY, 14)
    assert hours[world.member.pk][0] == 8.0
    assert hours[world.member.pk][1] == 6.0  # Tuesday
    assert hours[world.member.pk][8] == 6.0  # the next Tuesday
    assert hours[world.peer.pk][1] == 8.0


def test_meeting_hours_read_a_fixed_number_of_queries(world):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            meeting_hours([world.member, world.peer], WEEKS)
        return len(captured)

    _weekly_sync(world)
    few = queries()
    for hour in range(8, 17):
        day = TUESDAY + timedelta(days=1)
        schedule(
            world.coordinator,
            day=day,
            participants=[world.member, world.peer],
            start=datetime.combine(day, datetime.min.time()).replace(hour=hour),
            end=datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=30),
        )
    assert queries() == few
    assert meeting_hours([world.member], WEEKS)[(world.member.pk, MONDAY)] == 2.0 + 4.5


def test_a_company_wide_scope_reads_the_same_hours_as_a_few_people(world, monkeypatch):
    """Meeting hours are read one of three ways by the number of people (a few, a department,
    past ``MANY_PEOPLE`` every row kept for the scope in Python); the figures are the same,
    and people outside the scope get none."""
    sync = _weekly_sync(world)
    meeting_services.occurrence_cancel(
        actor=actor(world.coordinator), meeting_id=sync.pk, occurrence=TUESDAY
    )
    step(
        world.own,
        "Brief",
        assignee=world.member,
        start=MONDAY,
        due=MONDAY + timedelta(days=4),
        effort_hours=8,
    )
    step(
        world.own,
        "Other's",
        assignee=world.peer,
        start=MONDAY,
        due=MONDAY + timedelta(days=4),
        effort_hours=8,
    )

    def figures():
        busy = busy_hours([world.member], MONDAY, MONDAY + timedelta(days=20))
        (row,) = workload_for([world.member], WEEKS)
        return busy, [(cell.capacity, cell.assigned) for cell in row.cells]

    few = figures()
    monkeypatch.setattr(meeting_selectors, "FEW_PEOPLE", 0)  # read as for a department
    assert figures() == few
    monkeypatch.setattr(meeting_selectors, "MANY_PEOPLE", 0)  # and as for the company
    monkeypatch.setattr(work_selectors.workload, "MANY_PEOPLE", 0)
    assert figures() == few
    assert few[0] == {(world.member.pk, TUESDAY + timedelta(weeks=n)): 2.0 for n in (1, 2)}
    assert few[1][0] == (40.0, 8.0) and few[1][1] == (38.0, 0.0)
    assert busy_hours([world.peer], MONDAY, MONDAY + timedelta(days=20)) == {}
