"""iCalendar (RFC 5545) for invitations and calendar feeds, as Outlook and Google accept it.

A series is one VEVENT with its RRULE and an EXDATE per cancelled occurrence; a moved
occurrence is a VEVENT with the same UID and a RECURRENCE-ID. Times carry the meeting's TZID,
and the calendar carries the VTIMEZONE for it.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, vCalAddress, vRecur, vText
from icalendar import Event as VEvent

from deptcoord.meetings.models import Meeting
from deptcoord.meetings.recurrence import occurrence_on
from deptcoord.meetings.series import series_of

PRODUCT_ID = "-//deptcoord//meetings//EN"
PARTSTAT = {
    "needs_action": "NEEDS-ACTION",
    "accepted": "ACCEPTED",
    "tentative": "TENTATIVE",
    "declined": "DECLINED",
}


def new_calendar(method: str = "", name: str = "") -> Calendar:
    """An empty calendar (with METHOD for e-mailed invitations)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _address(email: str, name: str = "", **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["cn"] = vText(name)
    for key, value in params.items():
        address.params[key.replace("_", "-")] = value
    return address


def _local(moment: datetime, zone_name: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone_name))


def _base(meeting: Meeting, with_people: bool) -> VEvent:
    event = VEvent()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC).replace(microsecond=0))
    event.add("summary", meeting.title)
    url = settings.SITE_URL + reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    description = "\n\n".join(
        part for part in (meeting.description, meeting.video_link, url) if part
    )
    event.add("description", description)
    event.add("url", url)
    if meeting.place or meeting.video_link:
        event.add("location", meeting.place or meeting.video_link)
    if with_people:
        event.add("organizer", _address(meeting.organiser.email, meeting.organiser.full_name))
        for participant in meeting.participants.all():
            person = participant.person
            event.add(
                "attendee",
                _address(
                    person.email,
                    person.full_name,
                    role="REQ-PARTICIPANT" if participant.required else "OPT-PARTICIPANT",
                    partstat=PARTSTAT[participant.response],
                    rsvp="TRUE" if person.pk != meeting.organiser_id else "FALSE",
                ),
            )
        for guest in meeting.guests.all():
            event.add(
                "attendee",
                _address(
                    guest.email,
                    guest.name,
                    role="REQ-PARTICIPANT",
                    partstat=PARTSTAT[guest.response],
                    rsvp="TRUE",
                ),
            )
    return event


def meeting_events(meeting: Meeting, with_people: bool = True, cancelled: bool = False) -> list:
    """The VEVENTs of a meeting: the master (with its rule) and one per moved occurrence."""
    zone_name = meeting.time_zone
    master = _base(meeting, with_people)
    master.add("dtstart", _local(meeting.starts_at, zone_name))
    master.add("dtend", _local(meeting.ends_at, zone_name))
    cancelled = cancelled or meeting.status == Meeting.Status.CANCELLED
    master.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    events = [master]
    if not meeting.rrule:
        return events
    master.add("rrule", vRecur.from_ical(meeting.rrule))
    series = series_of(meeting)
    for change in series.changes:
        original = occurrence_on(series, change.occurrence, apply_changes=False)
        if original is None:
            continue
        if change.cancelled:
            master.add("exdate", _local(original.start, zone_name))
            continue
        moved = _base(meeting, with_people)
        moved.add("recurrence-id", _local(original.start, zone_name))
        moved.add("dtstart", _local(change.start, zone_name))
        moved.add("dtend", _local(change.end, zone_name))
        moved.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        events.append(moved)
    return events


def occurrence_cancellation(meeting: Meeting, day: date) -> VEvent | None:
    """A VEVENT cancelling one occurrence of a series (METHOD:CANCEL)."""
    original = occurrence_on(series_of(meeting), day, apply_changes=False)
    if original is None:
        return None
    event = _base(meeting, with_people=True)
    event.add("recurrence-id", _local(original.start, meeting.time_zone))
    event.add("dtstart", _local(original.start, meeting.time_zone))
    event.add("dtend", _local(original.end, meeting.time_zone))
    event.add("status", "CANCELLED")
    return event


def invitation(meeting: Meeting, method: str, occurrence: date | None = None) -> bytes:
    """The .ics attached to an invitation, update or cancellation."""
    calendar = new_calendar(method)
    if method == "CANCEL" and occurrence is not None and meeting.rrule:
        event = occurrence_cancellation(meeting, occurrence)
        if event is not None:
            calendar.add_component(event)
    else:
        for event in meeting_events(meeting, cancelled=method == "CANCEL"):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def all_day(uid: str, summary: str, first: date, last: date, description: str = "", url=""):
    """An all-day VEVENT (events, step deadlines)."""
    event = VEvent()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now().astimezone(UTC).replace(microsecond=0))
    event.add("summary", summary)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event
