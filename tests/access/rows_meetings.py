"""Access-matrix rows for meetings, their minutes, company events and calendar feeds.

The records: a weekly Marketing sync organised by the coordinator with the member, Sales'
other member and the guest invited (own); a Sales meeting (other); a 1:1 between the
coordinator and the member; an agenda item, a decision and an action item (for the member) on
the sync's first occurrence; a Marketing event owned by the head; feed tokens. They are
created without services, so building them writes nothing to the audit trail.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from deptcoord.meetings.models import (
    ActionItem,
    AgendaItem,
    CalendarFeedToken,
    Decision,
    Event,
    Meeting,
    Participant,
)
from deptcoord.meetings.services.feeds import hash_token
from tests.access.matrix import EVERYONE, PUBLIC_PATTERNS, STAFF, page, rows

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
SYNC_VIEWERS = {"admin", "executive", "head", "coordinator", "member", "guest"}
SYNC_HIDDEN = EVERYONE - SYNC_VIEWERS
MINUTE_TAKERS = {"admin", "head", "coordinator", "member"}
ORGANISERS = {"admin", "coordinator"}
ONE_ON_ONE = {"coordinator", "member", "hr"}
EVENT_KEEPERS = {"admin", "executive", "head", "coordinator"}

PUBLIC_PATTERNS["meetings:feed"] = "a calendar app reads the feed with the secret address alone"


def first_day():
    """The sync's first occurrence: next week's Tuesday."""
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7)


DAY = first_day().isoformat()


def _meeting(organiser, title, departments, people, kind="regular", rule="FREQ=WEEKLY"):
    start = datetime.combine(first_day(), time(9), ZONE)
    meeting = Meeting.objects.create(
        title_en=title,
        organiser=organiser,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        rrule=rule,
        kind=kind,
    )
    meeting.departments.set(departments)
    Participant.objects.bulk_create(
        Participant(meeting=meeting, person=person) for person in [organiser, *people]
    )
    return meeting


def _build(world) -> dict:
    sync = _meeting(
        world.coordinator,
        "Launch sync",
        [world.own],
        [world.member, world.other_member, world.guest],
    )
    day = first_day()
    return {
        "meeting_own": sync,
        "meeting_other": _meeting(
            world.other_coordinator, "Sales weekly", [world.other], [world.other_member]
        ),
        "meeting_1on1": _meeting(
            world.coordinator, "1:1", [world.own], [world.member], "one_on_one", ""
        ),
        "agenda_own": AgendaItem.objects.create(meeting=sync, occurrence=day, title="Launch plan"),
        "decision_own": Decision.objects.create(
            meeting=sync, occurrence=day, text="Launch on the 15th", department=world.own
        ),
        "action_own": ActionItem.objects.create(
            meeting=sync, occurrence=day, title="Book the venue", assignee=world.member
        ),
        "event_own": Event.objects.create(
            title_en="SM Home launch", start_date=day, end_date=day, owner=world.head
        ),
    }


def records(world) -> dict:
    """The meetings records of this world, built once."""
    if not hasattr(world, "meetings_records"):
        world.meetings_records = _build(world)
        world.meetings_records["event_own"].departments.set([world.own])
    return world.meetings_records


def _token(person) -> CalendarFeedToken:
    return CalendarFeedToken.objects.create(
        person=person,
        token_hash=hash_token(f"cal_{person.pk}_{timezone.now().timestamp()}"),
        hint="abcd",
    )


def target(world, role, name):
    """The record a meetings row is about (None for names that are not meetings')."""
    if name == "feed_self":
        return _token(world.person(role))
    if name == "feed_peer":
        return _token(world.peer)
    if name.startswith(NAMES):
        return records(world).get(name)
    return None


NAMES = ("meeting_", "agenda_own", "decision_own", "action_own", "event_own")

POLICY = [
    *rows(
        "meeting",
        "meeting_own",
        {
            "view": SYNC_VIEWERS,
            "view_history": SYNC_VIEWERS - {"guest"},
            "change": ORGANISERS,
            "delete": ORGANISERS,
            "take_minutes": MINUTE_TAKERS,
        },
    ),
    *rows(
        "meeting",
        "meeting_other",
        {
            "view": {"admin", "executive", "other_coordinator"},
            "change": {"admin", "other_coordinator"},
        },
    ),
    *rows(
        "meeting",
        "meeting_1on1",
        {"view": ONE_ON_ONE, "change": {"coordinator"}, "take_minutes": {"coordinator", "member"}},
    ),
    *rows("agenda_item", "agenda_own", {"view": SYNC_VIEWERS, "change": MINUTE_TAKERS}),
    *rows("decision", "decision_own", {"view": SYNC_VIEWERS, "delete": MINUTE_TAKERS}),
    *rows("action_item", "action_own", {"view": SYNC_VIEWERS, "change": MINUTE_TAKERS}),
    *rows("event", "event_own", {"view": STAFF, "change": EVENT_KEEPERS, "delete": EVENT_KEEPERS}),
    *rows("feed_token", "feed_self", {"view": EVERYONE, "delete": EVERYONE}),
    *rows("feed_token", "feed_peer", {"view": set(), "delete": set()}),
]


def _occurrence_page(name, ok, method="POST", data=None, target="meeting_own", hidden=None):
    hidden = SYNC_HIDDEN if hidden is None else hidden
    return page(f"meetings:{name}", target, method=method, ok=ok, hidden=hidden, data=data, day=DAY)


PAGES = [
    page("meetings:calendar"),
    page("meetings:calendar_json"),
    page("meetings:list"),
    page("meetings:list_export", file_format="csv"),
    page("meetings:meeting_create", ok=STAFF),
    page("meetings:find_time", ok=STAFF),
    page("meetings:decisions"),
    page("meetings:decisions_export", file_format="xlsx"),
    page("meetings:meeting_detail", "meeting_own", ok=SYNC_VIEWERS, hidden=SYNC_HIDDEN),
    page("meetings:meeting_detail", "meeting_1on1", ok=ONE_ON_ONE, hidden=EVERYONE - ONE_ON_ONE),
    page("meetings:meeting_edit", "meeting_own", ok=ORGANISERS, hidden=SYNC_HIDDEN),
    page(
        "meetings:meeting_cancel", "meeting_own", method="POST", ok=ORGANISERS, hidden=SYNC_HIDDEN
    ),
    _occurrence_page("occurrence", SYNC_VIEWERS, method="GET"),
    _occurrence_page(
        "occurrence", ONE_ON_ONE, method="GET", target="meeting_1on1", hidden=EVERYONE - ONE_ON_ONE
    ),
    _occurrence_page("occurrence_move", ORGANISERS, method="GET"),
    _occurrence_page(
        "occurrence_drop",
        ORGANISERS,
        data={"start": f"{DAY}T14:00", "end": f"{DAY}T15:00"},
    ),
    _occurrence_page("occurrence_cancel", ORGANISERS),
    _occurrence_page("occurrence_restore", ORGANISERS),
    _occurrence_page("change_from", ORGANISERS, method="GET"),
    _occurrence_page(
        "agenda_item_create",
        MINUTE_TAKERS,
        data={"agenda-title": "Budget", "agenda-minutes_allotted": "10"},
    ),
    _occurrence_page("agenda_suggest", MINUTE_TAKERS),
    _occurrence_page("participants_add", ORGANISERS),
    _occurrence_page("decision_create", MINUTE_TAKERS, data={"decision-text": "Go ahead"}),
    _occurrence_page("action_item_create", MINUTE_TAKERS, data={"action-title": "Call the venue"}),
    _occurrence_page("minutes_send", MINUTE_TAKERS),
    page(
        "meetings:agenda_item_notes",
        "agenda_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
        data={"notes": "Agreed"},
    ),
    page(
        "meetings:agenda_item_delete",
        "agenda_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
    ),
    page(
        "meetings:agenda_item_edit",
        "agenda_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
        data={"title": "Launch plan v2", "minutes_allotted": "15"},
    ),
    page(
        "meetings:agenda_item_move",
        "agenda_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
        data={"position": "1"},
    ),
    page(
        "meetings:agenda_item_keep",
        "agenda_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
    ),
    page(
        "meetings:decision_delete",
        "decision_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
    ),
    page(
        "meetings:action_item_edit",
        "action_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
        data={"title": "Book the big venue"},
    ),
    page(
        "meetings:action_item_delete",
        "action_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
    ),
    page(
        "meetings:action_item_toggle",
        "action_own",
        method="POST",
        ok=MINUTE_TAKERS,
        hidden=SYNC_HIDDEN,
    ),
    page("meetings:events", ok=STAFF),
    page("meetings:events_export", ok=STAFF, file_format="csv"),
    page("meetings:event_create", ok=STAFF),
    page("meetings:event_detail", "event_own", ok=STAFF, hidden={"guest"}),
    page("meetings:event_edit", "event_own", ok=EVENT_KEEPERS, hidden={"guest"}),
    page("meetings:event_delete", "event_own", method="POST", ok=EVENT_KEEPERS, hidden={"guest"}),
    page("meetings:feed_settings"),
    page("meetings:feed_regenerate", method="POST"),
    page("meetings:feed_revoke", "feed_self", method="POST"),
    page("meetings:feed_revoke", "feed_peer", method="POST", ok=set(), hidden=EVERYONE),
]


def _new_meeting(world) -> dict:
    day = first_day() + timedelta(days=1)
    return {
        "title_en": "Retail training",
        "start": f"{day.isoformat()}T10:00:00",
        "end": f"{day.isoformat()}T11:00:00",
        "participants": [{"person_id": world.peer.pk}],
    }


def _action(world) -> dict:
    return {"occurrence": DAY, "title": "Print flyers", "assignee_id": world.member.pk}


def _find(world) -> dict:
    return {
        "required_ids": [world.peer.pk],
        "first_day": first_day().isoformat(),
        "last_day": (first_day() + timedelta(days=4)).isoformat(),
    }


def _event(world) -> dict:
    return {"title_en": "Trade fair", "start_date": DAY, "department_ids": [world.own.pk]}


def _move(world) -> dict:
    return {"occurrence": DAY, "start": f"{DAY}T14:00:00", "end": f"{DAY}T15:00:00"}


API = [
    ("GET", "/api/v1/meetings", "", EVERYONE, (), None),
    ("POST", "/api/v1/meetings", "", STAFF, (), _new_meeting),
    ("GET", "/api/v1/meetings/{id}", "meeting_own", SYNC_VIEWERS, SYNC_HIDDEN, None),
    ("PATCH", "/api/v1/meetings/{id}", "meeting_own", ORGANISERS, SYNC_HIDDEN, {"place": "Room 3"}),
    ("POST", "/api/v1/meetings/{id}/cancel", "meeting_own", ORGANISERS, SYNC_HIDDEN, None),
    ("GET", "/api/v1/meetings/{id}/occurrences", "meeting_own", SYNC_VIEWERS, SYNC_HIDDEN, None),
    ("GET", "/api/v1/meetings/{id}/minutes", "meeting_own", SYNC_VIEWERS, SYNC_HIDDEN, None),
    ("POST", "/api/v1/meetings/{id}/move", "meeting_own", ORGANISERS, SYNC_HIDDEN, _move),
    (
        "POST",
        "/api/v1/meetings/{id}/cancel-occurrence",
        "meeting_own",
        ORGANISERS,
        SYNC_HIDDEN,
        {"occurrence": DAY},
    ),
    (
        "POST",
        "/api/v1/meetings/{id}/change-from",
        "meeting_own",
        ORGANISERS,
        SYNC_HIDDEN,
        {"occurrence": (first_day() + timedelta(days=7)).isoformat(), "place": "Room 5"},
    ),
    (
        "POST",
        "/api/v1/meetings/{id}/agenda-items",
        "meeting_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        {"occurrence": DAY, "title": "Budget"},
    ),
    (
        "POST",
        "/api/v1/meetings/{id}/suggest-agenda",
        "meeting_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        {"occurrence": DAY},
    ),
    (
        "PATCH",
        "/api/v1/agenda-items/{id}",
        "agenda_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        {"notes": "OK"},
    ),
    (
        "POST",
        "/api/v1/agenda-items/{id}/move",
        "agenda_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        lambda world: {"position": 1, "version": records(world)["agenda_own"].version},
    ),
    ("DELETE", "/api/v1/agenda-items/{id}", "agenda_own", MINUTE_TAKERS, SYNC_HIDDEN, None),
    (
        "POST",
        "/api/v1/meetings/{id}/decisions",
        "meeting_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        {"occurrence": DAY, "text": "Go ahead"},
    ),
    ("GET", "/api/v1/decisions", "", EVERYONE, (), None),
    (
        "POST",
        "/api/v1/meetings/{id}/action-items",
        "meeting_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        _action,
    ),
    ("GET", "/api/v1/action-items", "", EVERYONE, (), None),
    (
        "PATCH",
        "/api/v1/action-items/{id}",
        "action_own",
        MINUTE_TAKERS,
        SYNC_HIDDEN,
        {"status": "done"},
    ),
    ("DELETE", "/api/v1/action-items/{id}", "action_own", MINUTE_TAKERS, SYNC_HIDDEN, None),
    ("GET", "/api/v1/events", "", EVERYONE, (), None),
    ("POST", "/api/v1/events", "", STAFF, (), _event),
    ("GET", "/api/v1/events/{id}", "event_own", STAFF, {"guest"}, None),
    (
        "PATCH",
        "/api/v1/events/{id}",
        "event_own",
        EVENT_KEEPERS,
        {"guest"},
        {"place": "GEM Center"},
    ),
    ("DELETE", "/api/v1/events/{id}", "event_own", EVENT_KEEPERS, {"guest"}, None),
    ("POST", "/api/v1/find-time", "", STAFF, (), _find),
    ("GET", "/api/v1/calendar", "", EVERYONE, (), None),
    ("POST", "/api/v1/calendar-feed", "", EVERYONE, (), None),
    ("DELETE", "/api/v1/calendar-feed/{id}", "feed_self", EVERYONE, (), None),
]
