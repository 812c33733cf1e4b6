"""The planner and the workload page give the same available hours for the same person and
week: both read them from org's one capacity rule."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs before time is frozen)
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import TimeOff
from deptcoord.planning.calendars import hours_available
from tests.factories import client_for
from tests.meetings.helpers import schedule

pytestmark = pytest.mark.django_db

MONDAY = date(2027, 3, 1)  # an ordinary week
HOLIDAY_MONDAY = date(2027, 4, 26)  # Friday 30 April is a public holiday


def _page_hours(viewer, department, monday) -> dict[int, float]:
    """Each person's available hours in the week of ``monday`` on the workload page."""
    with freeze_time(datetime.combine(monday, datetime.min.time()).replace(hour=9)):
        response = client_for(viewer).get(
            reverse("work:workload"), {"department": department.pk, "weeks": 1}
        )
    assert response.status_code == 200
    return {row.person.pk: row.cells[0].capacity for row in response.context["rows"]}


def _planner_hours(people, monday) -> dict[int, float]:
    """Each person's hours over the week as the planner sees them."""
    hours = hours_available(people, monday, 7)
    return {pk: round(sum(days.values()), 1) for pk, days in hours.items()}


def _agree(world, person, monday) -> float:
    page = _page_hours(world.head, world.own, monday)
    planner = _planner_hours([person], monday)
    assert page[person.pk] == planner[person.pk]
    return page[person.pk]


def _set(person, **fields):
    for name, value in fields.items():
        setattr(person, name, value)
    person.save()


def test_a_part_timer_has_the_same_hours_on_both(world):
    _set(world.member, weekly_capacity_hours=Decimal("20"), working_weekdays="135")
    assert _agree(world, world.member, MONDAY) == 20.0


def test_a_saturday_worker_has_the_same_hours_on_both(world):
    _set(world.member, weekly_capacity_hours=Decimal("48"), working_weekdays="123456")
    assert _agree(world, world.member, MONDAY) == 48.0


def test_someone_away_has_the_same_hours_on_both(world):
    TimeOff.objects.create(
        person=world.member, start_date=MONDAY, end_date=MONDAY + timedelta(days=1)
    )
    assert _agree(world, world.member, MONDAY) == 24.0


def test_a_week_with_a_public_holiday_has_the_same_hours_on_both(world):
    assert date(2027, 4, 30) in days_off_between(HOLIDAY_MONDAY, HOLIDAY_MONDAY + timedelta(6))
    assert _agree(world, world.member, HOLIDAY_MONDAY) == 32.0
    _set(world.peer, weekly_capacity_hours=Decimal("48"), working_weekdays="123456")
    assert _agree(world, world.peer, HOLIDAY_MONDAY) == 32.0  # Saturday 1 May is one too


def test_a_recurring_meeting_takes_the_same_hours_on_both(world):
    tuesday = MONDAY + timedelta(days=1)
    schedule(
        world.coordinator,
        day=tuesday,
        rule="FREQ=WEEKLY;BYDAY=TU,TH",
        participants=[world.member],
        end=datetime.combine(tuesday, datetime.min.time()).replace(hour=11),
    )
    assert _agree(world, world.member, MONDAY) == 36.0
    assert _agree(world, world.coordinator, MONDAY) == 36.0


def test_no_working_days_means_no_hours_on_both(world):
    _set(world.member, working_weekdays="")
    assert _agree(world, world.member, MONDAY) == 0.0
    assert hours_available([world.member], MONDAY, 7)[world.member.pk] == {}
