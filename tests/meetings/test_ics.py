"""Invitations and feeds parse with icalendar and expand, with recurring-ical-events, to the
same occurrences the app shows (moved and cancelled ones included)."""

from datetime import UTC, datetime, timedelta

import recurring_ical_events
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from deptcoord.meetings import ics, services
from deptcoord.meetings.series import occurrences_between
from deptcoord.meetings.services.feeds import feed_token_regenerate
from tests.meetings.helpers import actor, schedule


def _window(meeting):
    start = meeting.starts_at - timedelta(days=1)
    return start, start + timedelta(days=70)


def _expanded(calendar: Calendar, start, end) -> list[tuple[datetime, datetime]]:
    found = recurring_ical_events.of(calendar).between(start, end)
    return sorted(
        (event["DTSTART"].dt.astimezone(UTC), event["DTEND"].dt.astimezone(UTC))
        for event in found
        if str(event.get("UID", "")).startswith("meeting-")
    )


def _app(meeting, start, end):
    return [(o.start, o.end) for o in occurrences_between(meeting, start, end)]


def _series_with_changes(world):
    meeting = schedule(
        world.coordinator,
        rule="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        participants=[world.member, world.other_coordinator],
        guests=["agency@example.com"],
        time_zone="Europe/Berlin",  # crosses the end of summer time
    )
    keys = [o.key for o in occurrences_between(meeting, *_window(meeting))]
    services.occurrence_move(
        actor=actor(world.coordinator),
        meeting_id=meeting.pk,
        occurrence=keys[2],
        start=datetime.combine(keys[2] + timedelta(days=1), datetime.min.time()).replace(hour=15),
        end=datetime.combine(keys[2] + timedelta(days=1), datetime.min.time()).replace(hour=16),
    )
    services.occurrence_cancel(
        actor=actor(world.coordinator), meeting_id=meeting.pk, occurrence=keys[4]
    )
    meeting.refresh_from_db()
    return meeting


def test_an_invitation_expands_to_the_apps_occurrences(world):
    meeting = _series_with_changes(world)
    calendar = Calendar.from_ical(ics.invitation(meeting, "REQUEST"))
    assert calendar["METHOD"] == "REQUEST"
    master = next(c for c in calendar.walk("VEVENT") if "RRULE" in c)
    assert master["UID"] == meeting.uid and master["SEQUENCE"] == meeting.sequence == 2
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert calendar.walk("VTIMEZONE"), "the zone travels with the invitation"
    attendees = {str(a): a.params for a in master["ATTENDEE"]}
    assert attendees[f"mailto:{world.member.email}"]["PARTSTAT"] == "NEEDS-ACTION"
    assert attendees[f"mailto:{world.member.email}"]["RSVP"] == "TRUE"
    assert "mailto:agency@example.com" in attendees
    assert str(master["ORGANIZER"]) == f"mailto:{world.coordinator.email}"
    start, end = _window(meeting)
    expanded = _expanded(calendar, start, end)
    assert expanded == _app(meeting, start, end)
    assert len(expanded) == 7  # 8 weeks, one cancelled, one moved


def test_cancelling_one_occurrence_sends_a_cancel_for_that_date(world):
    meeting = _series_with_changes(world)
    keys = [o.key for o in occurrences_between(meeting, *_window(meeting), with_cancelled=True)]
    body = ics.invitation(meeting, "CANCEL", keys[4])
    calendar = Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["RECURRENCE-ID"].dt.date() == keys[4]


def test_cancelling_a_meeting_emails_method_cancel(world, django_capture_on_commit_callbacks):
    meeting = schedule(world.coordinator, participants=[world.member])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=actor(world.coordinator), meeting_id=meeting.pk)
    (message,) = mail.outbox
    calendar = Calendar.from_ical(message.attachments[0][1])
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1


def test_an_update_raises_the_sequence(world, django_capture_on_commit_callbacks):
    meeting = schedule(world.coordinator, participants=[world.member])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            actor=actor(world.coordinator),
            meeting_id=meeting.pk,
            expected_version=None,
            place="Room 7",
        )
    calendar = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    event = calendar.walk("VEVENT")[0]
    assert (event["SEQUENCE"], str(event["LOCATION"])) == (1, "Room 7")
    assert mail.outbox[0].subject.startswith("Updated")


def test_the_feed_carries_what_its_owner_may_see(world):
    sync = _series_with_changes(world)
    hidden = schedule(
        world.other_coordinator, participants=[world.other_member], title_en="Sales only"
    )
    services.event_create(
        actor=actor(world.head), title_en="Launch day", start_date=timezone.localdate()
    )
    _token, raw = feed_token_regenerate(actor=actor(world.member))
    response = Client().get(f"/meetings/feed/{raw}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Launch sync" in summaries and "Launch day" in summaries
    assert hidden.title_en not in summaries
    start, end = _window(sync)
    assert _expanded(calendar, start, end) == _app(sync, start, end)


def test_a_revoked_or_regenerated_feed_stops_working(world):
    _old, raw = feed_token_regenerate(actor=actor(world.member))
    new, new_raw = feed_token_regenerate(actor=actor(world.member))
    assert Client().get(f"/meetings/feed/{raw}.ics").status_code == 404
    assert Client().get(f"/meetings/feed/{new_raw}.ics").status_code == 200
    services.feed_token_revoke(actor=actor(world.member), token_id=new.pk)
    assert Client().get(f"/meetings/feed/{new_raw}.ics").status_code == 404


def test_the_feed_reads_in_its_subscribers_language_whatever_asks_for_it(world):
    world.member.language = "vi"
    world.member.timezone = "Asia/Tokyo"
    world.member.save()
    world.peer.language = "en"
    world.peer.save()
    schedule(
        world.coordinator,
        participants=[world.member, world.peer],
        title_en="SM Home launch sync",
        title_vi="Họp tiến độ ra mắt SM Home",
    )
    services.event_create(
        actor=actor(world.head),
        title_en="Launch day",
        title_vi="Ngày ra mắt",
        start_date=timezone.localdate(),
    )
    summaries = {}
    for person in (world.member, world.peer):
        _token, raw = feed_token_regenerate(actor=actor(person))
        # A calendar app asks in English (or in no language at all).
        response = Client().get(f"/meetings/feed/{raw}.ics", HTTP_ACCEPT_LANGUAGE="en")
        calendar = Calendar.from_ical(response.content)
        summaries[person] = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        zone = str(calendar["X-WR-TIMEZONE"])
        assert zone == ("Asia/Tokyo" if person == world.member else person.timezone)
    assert {"Họp tiến độ ra mắt SM Home", "Ngày ra mắt"} <= summaries[world.member]
    assert "SM Home launch sync" not in summaries[world.member]
    assert {"SM Home launch sync", "Launch day"} <= summaries[world.peer]
