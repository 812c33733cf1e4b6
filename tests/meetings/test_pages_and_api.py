"""The meetings pages and API as people use them, and their query counts."""

import json
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.meetings import messages
from deptcoord.meetings.models import Meeting, Participant
from deptcoord.org.models import TimeOff
from tests.factories import client_for, member
from tests.meetings.helpers import next_weekday, schedule


def _post_json(client, path, body, **headers):
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def test_schedule_a_weekly_sync_from_the_form(world):
    client = client_for(world.coordinator)
    day = next_weekday(1)
    response = client.post(
        "/meetings/new/",
        {
            "title_en": "Launch sync",
            "kind": "regular",
            "day": day.isoformat(),
            "start_time": "09:00",
            "end_time": "10:00",
            "time_zone": "Asia/Ho_Chi_Minh",
            "repeat": "weekly",
            "required_people": [world.other_coordinator.pk, world.member.pk],
            "guests": "agency@example.com",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (
        meeting.rrule
        == f"FREQ=WEEKLY;BYDAY={['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][day.weekday()]}"
    )
    page = client.get(f"/meetings/{meeting.pk}/{day.isoformat()}/")
    assert page.status_code == 200 and "Suggest agenda" in page.content.decode()


def test_a_form_with_a_bad_rule_names_it_and_saves_nothing(world):
    client = client_for(world.coordinator)
    response = client.post(
        "/meetings/new/",
        {
            "title_en": "Sync",
            "kind": "regular",
            "day": next_weekday(1).isoformat(),
            "start_time": "09:00",
            "end_time": "10:00",
            "time_zone": "Asia/Ho_Chi_Minh",
            "repeat": "custom",
            "rrule": "EVERY TUESDAY",
            "required_people": [world.member.pk],
        },
    )
    assert response.status_code == 200
    assert "is not a recurrence rule" in response.content.decode()
    assert not Meeting.objects.exists()


def test_api_refuses_an_unknown_participant_by_name(world):
    client = client_for(world.coordinator)
    before = AuditEntry.objects.count()
    day = next_weekday(2).isoformat()
    response = _post_json(
        client,
        "/api/v1/meetings",
        {
            "title_en": "X",
            "start": f"{day}T09:00",
            "end": f"{day}T10:00",
            "participants": [{"person_id": 99999}],
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"] == str(messages.UNKNOWN_PARTICIPANT) % {"value": 99999}
    assert AuditEntry.objects.count() == before and not Meeting.objects.exists()


def test_api_update_with_a_stale_etag_changes_nothing(world):
    meeting = schedule(world.coordinator, participants=[world.member])
    client = client_for(world.coordinator)
    response = client.patch(
        f"/api/v1/meetings/{meeting.pk}",
        json.dumps({"place": "Room 1"}),
        content_type="application/json",
        headers={"If-Match": '"99"'},
    )
    assert response.status_code == 412
    fresh = client.get(f"/api/v1/meetings/{meeting.pk}")
    assert fresh["ETag"] == f'"{meeting.version}"' and fresh.json()["place"] == ""


def test_api_find_time_for_three_departments(world):
    team = world.team_member
    day = next_weekday(0)
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    schedule(
        world.other_coordinator,
        day=day,
        participants=[world.member],
        start=datetime.combine(day, time(8, 30)),
        end=datetime.combine(day, time(12, 0)),
    )
    response = _post_json(
        client_for(world.coordinator),
        "/api/v1/find-time",
        {
            "required_ids": [world.member.pk, world.other_coordinator.pk, team.pk],
            "duration_minutes": 60,
            "first_day": day.isoformat(),
            "last_day": day.isoformat(),
        },
    )
    assert response.status_code == 200, response.content
    first = datetime.fromisoformat(response.json()["slots"][0]["start"])
    assert first.astimezone(zone).time() == time(12, 0)


def test_api_find_time_refuses_a_duration_longer_than_the_window(world):
    day = next_weekday(0).isoformat()
    response = _post_json(
        client_for(world.coordinator),
        "/api/v1/find-time",
        {
            "required_ids": [world.member.pk],
            "duration_minutes": 720,
            "first_day": day,
            "last_day": day,
            "quorum_percent": 100,
        },
    )
    assert response.status_code == 200  # a 12-hour meeting fits a 24-hour day
    response = _post_json(
        client_for(world.coordinator),
        "/api/v1/find-time",
        {
            "required_ids": [world.member.pk],
            "duration_minutes": 60,
            "first_day": day,
            "last_day": (next_weekday(0) - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"] == str(messages.WINDOW_ENDS_BEFORE_START)


def test_find_time_page_offers_one_click_scheduling(world):
    day = next_weekday(0)
    response = client_for(world.coordinator).get(
        "/meetings/find-time/",
        {
            "required_people": [world.member.pk, world.other_coordinator.pk],
            "duration": 30,
            "window_start": day.isoformat(),
            "window_end": day.isoformat(),
            "quorum": 100,
        },
    )
    body = response.content.decode()
    assert "Schedule at this time" in body and "/meetings/new/?start=" in body


def test_who_blocks_most_when_no_time_suits_everyone(world):
    day = next_weekday(0)
    TimeOff.objects.create(person=world.other_coordinator, start_date=day, end_date=day)
    response = _post_json(
        client_for(world.coordinator),
        "/api/v1/find-time",
        {
            "required_ids": [world.member.pk, world.other_coordinator.pk],
            "first_day": day.isoformat(),
            "last_day": day.isoformat(),
        },
    )
    data = response.json()
    assert data["slots"] == []
    assert data["blockers"][0]["participant_id"] == world.other_coordinator.pk
    assert data["closest_slots"][0]["missing_required"] == [world.other_coordinator.pk]


def _weekly_syncs(world, people, start):
    for index, person in enumerate(people):
        schedule(
            person,
            day=start + timedelta(days=index % 5),
            rule="FREQ=WEEKLY",
            participants=[world.coordinator],
            title_en=f"Sync {index}",
        )


def test_calendar_json_for_a_department_runs_a_fixed_number_of_queries(world):
    start = next_weekday(0)
    client = client_for(world.head)
    url = (
        f"/meetings/calendar.json?department={world.own.pk}"
        f"&start={start.isoformat()}T00:00:00%2B07:00"
        f"&end={(start + timedelta(days=35)).isoformat()}T00:00:00%2B07:00"
    )

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            entries = client.get(url).json()
        return len(queries), sum(1 for entry in entries if entry["id"].startswith("m"))

    _weekly_syncs(world, [member(world.own) for _ in range(2)], start)
    few, shown = count()
    assert shown == 2 * 5
    _weekly_syncs(world, [member(world.own) for _ in range(12)], start)
    many, shown = count()
    assert shown == 14 * 5
    assert many == few


def test_meeting_list_and_api_list_run_a_fixed_number_of_queries(world):
    client = client_for(world.coordinator)

    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    schedule(world.coordinator, participants=[world.member])
    few = (count("/meetings/list/"), count("/api/v1/meetings"))
    for index in range(15):
        schedule(world.coordinator, participants=[world.member, world.peer], title_en=f"M{index}")
    assert (count("/meetings/list/"), count("/api/v1/meetings")) == few


def test_the_calendar_hides_meetings_the_viewer_may_not_see(world):
    schedule(world.other_coordinator, participants=[world.other_member], title_en="Sales pipeline")
    schedule(world.coordinator, participants=[world.member], title_en="Launch sync")
    start = timezone.now() - timedelta(days=1)
    end = start + timedelta(days=30)
    params = {"start": start.astimezone(UTC).isoformat(), "end": end.astimezone(UTC).isoformat()}
    titles = {e["title"] for e in client_for(world.member).get("/api/v1/calendar", params).json()}
    assert titles == {"Launch sync"}
    other = client_for(world.member).get(
        "/api/v1/calendar", {**params, "person_id": world.other_member.pk}
    )
    assert {e["title"] for e in other.json()} == set()
    assert Participant.objects.filter(person=world.other_member).exists()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "0001-01-01T00:00:00"}, "between 1900 and 2200"),
        ({"start": "9999-12-31T00:00:00"}, "between 1900 and 2200"),
        ({"start": "2027-01-01T00:00:00", "end": "2037-01-01T00:00:00"}, "at most 62 days"),
        ({"start": "2027-01-10T00:00:00", "end": "2027-01-01T00:00:00"}, "must come after"),
    ],
)
def test_a_calendar_period_it_does_not_answer_is_refused_with_the_reason(world, query, message):
    client = client_for(world.member)
    page = client.get("/meetings/calendar.json", query)
    assert page.status_code == 422 and message in page.json()["detail"]
    api = client.get("/api/v1/calendar", query)
    assert api.status_code == 422 and message in api.content.decode()


def test_a_meeting_of_several_departments_is_listed_once(world):
    meeting = schedule(
        world.coordinator,
        participants=[world.member, world.team_member, world.other_member],
        title_en="Cross-team launch sync",
    )
    assert meeting.departments.count() >= 2
    for role in ("admin", "executive", "head", "coordinator", "member", "other_member"):
        client = client_for(world.person(role))
        for query in ("", f"?department_id={world.own.pk}", "?q=cross"):
            ids = [item["id"] for item in client.get(f"/api/v1/meetings{query}").json()["items"]]
            assert ids.count(meeting.pk) == 1, (role, query)
        page = client.get("/meetings/list/?mine=0").content.decode()
        assert page.count("Cross-team launch sync") == 1, role


def test_the_calendar_offers_colleagues_and_finds_the_others_by_typing(world):
    """The person filter lists the viewer's departments and the one chosen, not the company;
    anyone else the viewer may see is found through the API the picker asks."""
    sales = member(world.other, full_name="Phạm Thị Lan")
    page = client_for(world.member).get("/meetings/")
    offered = dict(page.context["people"])
    assert world.coordinator.pk in offered and world.peer.pk in offered
    assert sales.pk not in offered and world.other_member.pk not in offered
    html = page.content.decode()
    assert 'data-search-url="/api/v1/people?limit=20&amp;q="' in html
    chosen = client_for(world.member).get("/meetings/", {"person": sales.pk})
    assert sales.pk in dict(chosen.context["people"])
    found = client_for(world.member).get("/api/v1/people", {"limit": 20, "q": "pham thi lan"})
    assert [person["id"] for person in found.json()["items"]] == [sales.pk]
