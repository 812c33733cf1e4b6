"""Dragging a meeting on the calendar moves that occurrence through the move form's service."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core import mail

from deptcoord.audit.models import AuditEntry
from deptcoord.meetings.models import Meeting, OccurrenceChange
from deptcoord.meetings.series import occurrence_of
from tests.factories import client_for
from tests.meetings.helpers import next_weekday, schedule

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def _weekly(world):
    return schedule(
        world.coordinator, rule="FREQ=WEEKLY;COUNT=4", participants=[world.member, world.peer]
    )


def _drop(client, meeting, day, start, end, version):
    return client.post(
        f"/meetings/{meeting.pk}/{day.isoformat()}/drop/",
        {"start": start.isoformat(), "end": end.isoformat(), "version": version},
    )


def test_a_drop_moves_that_occurrence_only_audited_and_the_invitees_are_told(
    world, django_capture_on_commit_callbacks
):
    meeting = _weekly(world)
    first = next_weekday(1)
    second = first + timedelta(days=7)
    target = second + timedelta(days=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _drop(
            client_for(world.coordinator),
            meeting,
            second,
            datetime.combine(target, time(14, 30)),
            datetime.combine(target, time(16, 0)),
            meeting.version,
        )
    assert response.status_code == 200, response.content
    assert response.json()["ok"] is True
    meeting.refresh_from_db()
    moved = occurrence_of(meeting, second)
    assert moved.moved
    assert moved.start.astimezone(ZONE) == datetime.combine(target, time(14, 30), ZONE)
    assert moved.end.astimezone(ZONE) == datetime.combine(target, time(16, 0), ZONE)
    untouched = occurrence_of(meeting, first)
    assert not untouched.moved and untouched.start.astimezone(ZONE).time() == time(9)
    assert AuditEntry.objects.filter(action="meetings.occurrence.change").count() == 1
    assert {m.to[0] for m in mail.outbox} >= {world.member.email, world.peer.email}


def test_a_one_off_meeting_dragged_moves_as_its_form_would(world):
    day = next_weekday(2)
    meeting = schedule(world.coordinator, day=day, participants=[world.member])
    response = _drop(
        client_for(world.coordinator),
        meeting,
        day,
        datetime.combine(day, time(11)),
        datetime.combine(day, time(11, 45)),
        meeting.version,
    )
    assert response.status_code == 200, response.content
    meeting.refresh_from_db()
    assert meeting.starts_at.astimezone(ZONE).time() == time(11)
    assert meeting.ends_at - meeting.starts_at == timedelta(minutes=45)
    assert AuditEntry.objects.filter(
        action="meetings.meeting.update", target_id=str(meeting.pk)
    ).exists()


def test_a_drop_from_a_stale_calendar_is_refused_and_changes_nothing(world):
    meeting = _weekly(world)
    day = next_weekday(1)
    stale = meeting.version
    Meeting.objects.filter(pk=meeting.pk).update(version=stale + 1)
    before = AuditEntry.objects.count()
    response = _drop(
        client_for(world.coordinator),
        meeting,
        day,
        datetime.combine(day, time(15)),
        datetime.combine(day, time(16)),
        stale,
    )
    assert response.status_code == 409
    assert "Someone else changed this record" in response.json()["detail"]
    assert not OccurrenceChange.objects.exists()
    assert AuditEntry.objects.exclude(kind="security").count() == before


def test_a_participant_who_may_not_move_the_meeting_is_refused_with_the_reason(world):
    meeting = _weekly(world)
    day = next_weekday(1)
    response = _drop(
        client_for(world.member),
        meeting,
        day,
        datetime.combine(day, time(15)),
        datetime.combine(day, time(16)),
        meeting.version,
    )
    assert response.status_code == 403
    assert "only its organiser" in response.json()["detail"]
    assert not OccurrenceChange.objects.exists()
    meeting.refresh_from_db()
    assert meeting.sequence == 0


def test_a_drop_that_breaks_the_rules_is_refused_in_the_readers_language(world):
    meeting = _weekly(world)
    day = next_weekday(1)
    client = client_for(world.coordinator)
    client.cookies["django_language"] = "vi"
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    too_long = _drop(
        client,
        meeting,
        day,
        datetime.combine(day, time(6)),
        datetime.combine(day, time(20)),
        meeting.version,
    )
    assert too_long.status_code == 400
    assert too_long.json()["detail"] and "12" in too_long.json()["detail"]
    assert "A meeting can last" not in too_long.json()["detail"]
    assert not OccurrenceChange.objects.exists()


def test_only_meetings_the_reader_may_move_are_draggable_on_the_calendar(world):
    day = next_weekday(1)  # the week asked for holds the meeting on any day the test runs
    schedule(world.coordinator, day=day, participants=[world.member], title_en="Launch sync")
    start = datetime.combine(day - timedelta(days=day.weekday()), time(0), ZONE)
    query = {"start": start.isoformat(), "end": (start + timedelta(days=7)).isoformat()}
    own = client_for(world.coordinator).get("/meetings/calendar.json", query).json()
    invited = client_for(world.member).get("/meetings/calendar.json", query).json()
    (mine,) = [entry for entry in own if entry["id"].startswith("m")]
    (theirs,) = [entry for entry in invited if entry["id"].startswith("m")]
    assert mine["editable"] is True and mine["extendedProps"]["dropUrl"].endswith("/drop/")
    assert mine["extendedProps"]["moveUrl"].endswith("/move/")
    assert theirs["editable"] is False and "dropUrl" not in theirs["extendedProps"]


def test_the_move_form_refuses_a_stale_version(world):
    meeting = _weekly(world)
    day = next_weekday(1)
    client = client_for(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/{day.isoformat()}/move/")
    assert f'name="version" value="{meeting.version}"' in page.content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 1)
    response = client.post(
        f"/meetings/{meeting.pk}/{day.isoformat()}/move/",
        {
            "day": day.isoformat(),
            "start_time": "15:00",
            "end_time": "16:00",
            "version": meeting.version,
        },
    )
    assert "Someone else changed this record" in response.content.decode()
    assert not OccurrenceChange.objects.exists()


def test_the_api_move_refuses_a_stale_if_match_and_moves_with_the_current_one(world):
    meeting = _weekly(world)
    day = next_weekday(1)
    target = datetime.combine(day, time(15), ZONE)
    body = {
        "occurrence": day.isoformat(),
        "start": target.isoformat(),
        "end": (target + timedelta(hours=1)).isoformat(),
    }
    client = client_for(world.coordinator)
    path = f"/api/v1/meetings/{meeting.pk}/move"
    stale = client.post(
        path,
        body,
        content_type="application/json",
        headers={"If-Match": f'"{meeting.version - 1}"'},
    )
    assert stale.status_code == 412
    assert not OccurrenceChange.objects.exists()
    moved = client.post(path, {**body, "version": meeting.version}, content_type="application/json")
    assert moved.status_code == 200, moved.content
    assert occurrence_of(Meeting.objects.get(pk=meeting.pk), day).moved
