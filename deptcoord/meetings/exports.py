"""Rows of the meetings lists as spreadsheets: meetings, decisions and company events."""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import day_cell

MEETING_COLUMNS = [
    "id",
    "title_en",
    "title_vi",
    "kind",
    "status",
    "start",
    "end",
    "time_zone",
    "repeats",
    "place",
    "video_link",
    "organiser_email",
    "departments",
    "participants",
]
DECISION_COLUMNS = [
    "id",
    "occurrence",
    "meeting_id",
    "meeting_title_en",
    "meeting_title_vi",
    "department",
    "decision",
]
EVENT_COLUMNS = [
    "id",
    "title_en",
    "title_vi",
    "kind",
    "first_day",
    "last_day",
    "place",
    "departments",
    "owner_email",
]
MEETINGS_FILENAME = _("meetings")
DECISIONS_FILENAME = _("decisions")
EVENTS_FILENAME = _("events")


def _codes(departments) -> str:
    return ", ".join(department.code for department in departments.all())


def _local(moment, zone_name: str) -> str:
    """The moment on the meeting's own clock, as the meeting page shows it."""
    return moment.astimezone(ZoneInfo(zone_name)).replace(tzinfo=None).isoformat("T", "minutes")


def meeting_rows(meetings) -> list[list]:
    """One row per meeting (a series is one row, with its rule)."""
    return [
        [
            meeting.pk,
            meeting.title_en,
            meeting.title_vi,
            meeting.kind,
            meeting.status,
            _local(meeting.starts_at, meeting.time_zone),
            _local(meeting.ends_at, meeting.time_zone),
            meeting.time_zone,
            meeting.rrule,
            meeting.place,
            meeting.video_link,
            meeting.organiser.email,
            _codes(meeting.departments),
            len(meeting.participants.all()),
        ]
        for meeting in meetings
    ]


def decision_rows(decisions) -> list[list]:
    """One row per decision, with the meeting it was taken in."""
    return [
        [
            decision.pk,
            day_cell(decision.occurrence),
            decision.meeting_id,
            decision.meeting.title_en,
            decision.meeting.title_vi,
            decision.department.code if decision.department_id else "",
            decision.text,
        ]
        for decision in decisions
    ]


def event_rows(events) -> list[list]:
    """One row per company event (no departments: company-wide)."""
    return [
        [
            event.pk,
            event.title_en,
            event.title_vi,
            event.kind,
            day_cell(event.start_date),
            day_cell(event.end_date),
            event.place,
            _codes(event.departments),
            event.owner.email,
        ]
        for event in events
    ]
