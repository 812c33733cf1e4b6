"""Find-a-time shows who is free when, and says why days are left out."""

from datetime import UTC, date, datetime, time, timedelta

from deptcoord.meetings import availability
from deptcoord.meetings.free_time import WorkingPeriod
from deptcoord.org.models import CompanyDayOff, TimeOff
from tests.factories import client_for
from tests.meetings.helpers import next_weekday, schedule

OFFICE = tuple(WorkingPeriod(day, time(8), time(17)) for day in range(5))


def _search(client, people, first, last, **extra):
    return client.get(
        "/meetings/find-time/",
        {
            "required_people": [person.pk for person in people],
            "duration": 60,
            "window_start": first.isoformat(),
            "window_end": last.isoformat(),
            "quorum": 100,
            **extra,
        },
    )


def test_a_holiday_and_a_time_off_are_named_as_the_reasons_days_are_left_out(world):
    monday = next_weekday(0)
    CompanyDayOff.objects.create(date=monday, name="Company trip")
    TimeOff.objects.create(
        person=world.member,
        start_date=monday + timedelta(days=1),
        end_date=monday + timedelta(days=2),
        kind="leave",
    )
    response = _search(
        client_for(world.coordinator),
        [world.member, world.coordinator],
        monday,
        monday + timedelta(days=6),
    )
    body = response.content.decode()
    tuesday, wednesday = monday + timedelta(days=1), monday + timedelta(days=2)
    assert f"Monday {monday:%d/%m}: holiday (Company trip)" in body
    assert (
        f"Member is on time off {tuesday:%d}–{wednesday:%d/%m} (Annual leave)" in body
        if tuesday.month == wednesday.month
        else "Member is on time off" in body
    )
    saturday = monday + timedelta(days=5)
    assert f"{saturday:%d}–{saturday + timedelta(days=1):%d/%m}: outside everyone" in body or (
        "outside everyone&#x27;s working hours" in body
    )
    # The slot finder itself leaves the holiday out: no proposed time on Monday.
    assert f"/meetings/new/?start={monday.isoformat()}" not in body


def test_the_grid_hides_titles_of_meetings_the_reader_may_not_open(world):
    day = next_weekday(0)
    schedule(
        world.other_coordinator,
        day=day,
        participants=[world.other_member],
        title_en="Sales pipeline",
        start=datetime.combine(day, time(10)),
        end=datetime.combine(day, time(11)),
    )
    schedule(
        world.coordinator,
        day=day,
        participants=[world.other_member, world.member],
        title_en="Launch sync",
        start=datetime.combine(day, time(14)),
        end=datetime.combine(day, time(15)),
    )
    body = _search(client_for(world.member), [world.other_member], day, day).content.decode()
    assert 'data-testid="availability"' in body
    assert "Busy: Launch sync" in body
    assert "Sales pipeline" not in body
    assert body.count('title="Busy"') == 1
    organiser = _search(client_for(world.other_coordinator), [world.other_member], day, day)
    assert "Busy: Sales pipeline" in organiser.content.decode()


def test_time_off_the_reader_may_not_see_is_only_busy(world):
    monday = next_weekday(0)
    TimeOff.objects.create(person=world.other_member, start_date=monday, end_date=monday)
    body = _search(client_for(world.member), [world.other_member], monday, monday)
    text = body.content.decode()
    assert "Other member is busy all day" in text
    assert "Annual leave" not in text and "time off" not in text.split("reasons-title")[-1]


def _person(pid, busy=(), hours=OFFICE, required=True):
    return availability.Person(pid, "Asia/Ho_Chi_Minh", hours, tuple(busy), required)


def test_the_grid_marks_each_hour_in_the_readers_zone_and_folds_days_nobody_works():
    monday = date(2026, 12, 14)
    meeting = availability.Busy(
        datetime(2026, 12, 14, 3, tzinfo=UTC), datetime(2026, 12, 14, 4, tzinfo=UTC), "meeting", ""
    )
    slot = (datetime(2026, 12, 14, 6, tzinfo=UTC), datetime(2026, 12, 14, 7, tzinfo=UTC))
    grid = availability.availability_grid(
        [_person(1, [meeting])], monday, monday + timedelta(days=6), "Asia/Ho_Chi_Minh", [slot]
    )
    hours = [c for c in grid.columns if c.day == monday]
    assert [c.hour for c in hours] == list(range(8, 17))
    ((_, cells),) = grid.rows
    by_hour = dict(zip([c.hour for c in grid.columns[:9]], cells[:9], strict=True))
    assert by_hour[10].state == "meeting" and by_hour[10].label == ""
    assert by_hour[13].proposed and by_hour[13].state == "free"
    folded = [c for c in grid.columns if c.hour is None]
    assert [c.day.weekday() for c in folded] == [5, 6] and folded[0].reason == "outside"


def test_reasons_join_consecutive_days_and_name_one_person():
    monday = date(2026, 12, 14)
    off = availability.Busy(
        datetime(2026, 12, 14, 17, tzinfo=UTC), datetime(2026, 12, 16, 17, tzinfo=UTC), "time_off"
    )
    found = availability.exclusions(
        [_person(1, [off]), _person(2)], monday, monday + timedelta(days=6), "Asia/Ho_Chi_Minh"
    )
    assert found == (
        availability.Exclusion("time_off", date(2026, 12, 15), date(2026, 12, 16), 1, ""),
        availability.Exclusion("outside", date(2026, 12, 19), date(2026, 12, 20), None, ""),
    )
