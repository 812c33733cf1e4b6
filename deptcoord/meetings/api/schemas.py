"""What the meetings API reads and writes."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field

from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey
from deptcoord.meetings.models import ActionItem, Event, Meeting

Title = Annotated[str, Field(max_length=200)]
Day = Annotated[date, Field(ge=date(1900, 1, 1), le=date(2200, 12, 31))]
# Named after their model: every model calls its choices "Kind" or "Status", and the API
# contract names each set of choices once.
type MeetingKind = Meeting.Kind
type EventKind = Event.Kind
type ActionItemStatus = ActionItem.Status


class ParticipantIn(Schema):
    """Someone to invite, required or optional."""

    person_id: PrimaryKey
    required: bool = True


class ParticipantOut(Schema):
    """An invitee and their answer."""

    person_id: int
    required: bool
    response: str


class MeetingIn(Schema):
    """A meeting or series; ``start``/``end`` without an offset are wall-clock times in
    ``time_zone`` (a time that does not exist or happens twice there is refused)."""

    title_en: Title = ""
    title_vi: Title = ""
    description: str = Field("", max_length=5000)
    kind: MeetingKind = Meeting.Kind.REGULAR
    time_zone: str = Field("Asia/Ho_Chi_Minh", max_length=64)
    start: datetime
    end: datetime
    place: str = Field("", max_length=200)
    video_link: str = Field("", max_length=500)
    rrule: str = Field("", max_length=500, description="RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU")
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=500)
    guests: list[Annotated[str, Field(max_length=254)]] = Field(
        default_factory=list, max_length=200
    )
    department_ids: list[PrimaryKey] | None = None


class MeetingPatch(Schema):
    """Fields to change on a meeting or a whole series."""

    title_en: Title | None = None
    title_vi: Title | None = None
    description: str | None = Field(None, max_length=5000)
    time_zone: str | None = Field(None, max_length=64)
    start: datetime | None = None
    end: datetime | None = None
    place: str | None = Field(None, max_length=200)
    video_link: str | None = Field(None, max_length=500)
    rrule: str | None = Field(None, max_length=500)
    participants: list[ParticipantIn] | None = Field(None, max_length=500)
    guests: list[Annotated[str, Field(max_length=254)]] | None = Field(None, max_length=200)
    department_ids: list[PrimaryKey] | None = None
    version: int | None = None


class MeetingOut(Schema):
    """A meeting or series."""

    id: int
    title: str
    title_en: str
    title_vi: str
    description: str
    kind: str
    status: str
    organiser_id: int
    time_zone: str
    starts_at: datetime
    ends_at: datetime
    place: str
    video_link: str
    rrule: str
    sequence: int
    follows_id: int | None
    participants: list[ParticipantOut]
    guests: list[str]
    department_ids: list[int]
    version: int

    @staticmethod
    def resolve_participants(obj):
        return list(obj.participants.all())

    @staticmethod
    def resolve_guests(obj):
        return [guest.email for guest in obj.guests.all()]

    @staticmethod
    def resolve_department_ids(obj):
        return [department.pk for department in obj.departments.all()]


class OccurrenceOut(Schema):
    """One occurrence: ``occurrence`` is its original date (its name)."""

    occurrence: date = Field(..., alias="key")
    start: datetime
    end: datetime
    moved: bool
    cancelled: bool


class OccurrenceRef(Schema):
    """Which occurrence (its original date in the meeting's time zone)."""

    occurrence: Day


class OccurrenceMoveIn(OccurrenceRef):
    """Where one occurrence moves to."""

    start: datetime
    end: datetime
    note: str = Field("", max_length=300)
    version: int | None = Field(
        None, description="The meeting's version you saw (or send If-Match); stale is refused."
    )


class ChangeFromIn(OccurrenceRef):
    """Changes to a series from one occurrence on."""

    title_en: Title | None = None
    title_vi: Title | None = None
    start: datetime | None = None
    end: datetime | None = None
    place: str | None = Field(None, max_length=200)
    video_link: str | None = Field(None, max_length=500)
    rrule: str | None = Field(None, max_length=500)


class AgendaItemIn(OccurrenceRef):
    """A new agenda item, optionally linked to a goal, project, step, request or event."""

    title: Title
    presenter_id: PrimaryKey | None = None
    minutes_allotted: int = Field(10, ge=1, le=240)
    notes: str = Field("", max_length=20000)
    shared_with_hr: bool = False
    optional: bool = False
    goal_id: PrimaryKey | None = None
    event_id: PrimaryKey | None = None
    project_id: PrimaryKey | None = None
    step_id: PrimaryKey | None = None
    request_id: PrimaryKey | None = None


class AgendaItemPatch(Schema):
    """Changes to an agenda item, or the notes taken on it."""

    title: Title | None = None
    presenter_id: PrimaryKey | None = None
    minutes_allotted: int | None = Field(None, ge=1, le=240)
    notes: str | None = Field(None, max_length=20000)
    shared_with_hr: bool | None = None
    optional: bool | None = None
    version: int | None = None


class AgendaItemMove(Schema):
    """Where an agenda item goes: its place from 1 among the agenda's items (an optional
    topic moves among the optional ones). The version edited comes here or in If-Match."""

    position: int = Field(..., ge=1, le=1000)
    version: int | None = None


class AgendaItemOut(Schema):
    """An agenda item with its notes."""

    id: int
    meeting_id: int
    occurrence: Day
    position: int
    title: str
    presenter_id: int | None
    minutes_allotted: int
    optional: bool
    notes: str
    shared_with_hr: bool
    goal_id: int | None
    event_id: int | None
    project_id: int | None
    step_id: int | None
    request_id: int | None
    action_item_id: int | None
    version: int


class DecisionIn(OccurrenceRef):
    """A decision taken."""

    text: str = Field(..., max_length=5000)


class DecisionOut(Schema):
    """A decision, kept in a department's records."""

    id: int
    meeting_id: int
    occurrence: Day
    text: str
    department_id: int | None


class ActionItemIn(OccurrenceRef):
    """A new action item (it becomes a step of the assignee's department)."""

    title: Title
    assignee_id: PrimaryKey
    due_date: Day | None = None


class ActionItemPatch(Schema):
    """Changes to an action item, or its status."""

    title: Title | None = None
    assignee_id: PrimaryKey | None = None
    due_date: Day | None = None
    status: ActionItemStatus | None = None
    version: int | None = None


class ActionItemOut(Schema):
    """An action item and the step it became."""

    id: int
    meeting_id: int
    occurrence: Day
    title: str
    assignee_id: int
    due_date: Day | None
    status: str
    completed_on: Day | None
    step_id: int | None
    version: int


class MinutesOut(Schema):
    """An occurrence's agenda with notes, decisions, action items and those carried over."""

    occurrence: Day
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]
    actions: list[ActionItemOut]
    carried: list[ActionItemOut]


class FindTimeIn(Schema):
    """A search for common free time."""

    required_ids: list[PrimaryKey] = Field(..., min_length=1, max_length=300)
    optional_ids: list[PrimaryKey] = Field(default_factory=list, max_length=300)
    must_attend_ids: list[PrimaryKey] = Field(default_factory=list, max_length=300)
    duration_minutes: int = Field(60, ge=1, le=720)
    first_day: Day
    last_day: Day
    quorum_percent: int = Field(100, ge=0, le=1000)
    time_zone: str | None = Field(None, max_length=64)


class SlotOut(Schema):
    """A time (UTC) and who can come."""

    start: datetime
    end: datetime
    free_required: list[int]
    missing_required: list[int]
    free_optional: list[int]


class BlockerOut(Schema):
    """A required participant and at how many of the closest times they are busy."""

    participant_id: int
    blocked_starts: int


class FindTimeOut(Schema):
    """The earliest slots, or who blocks most and the best slots without them."""

    slots: list[SlotOut]
    blockers: list[BlockerOut]
    closest_slots: list[SlotOut]


class EventIn(Schema):
    """An event on the company calendar."""

    title_en: Title = ""
    title_vi: Title = ""
    description: str = Field("", max_length=5000)
    kind: EventKind = Event.Kind.OTHER
    start_date: Day
    end_date: Day | None = None
    place: str = Field("", max_length=200)
    department_ids: list[PrimaryKey] = Field(default_factory=list, max_length=100)


class EventPatch(Schema):
    """Changes to an event."""

    title_en: Title | None = None
    title_vi: Title | None = None
    description: str | None = Field(None, max_length=5000)
    kind: EventKind | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    place: str | None = Field(None, max_length=200)
    department_ids: list[PrimaryKey] | None = None
    version: int | None = None


class EventOut(Schema):
    """A company calendar event."""

    id: int
    title: str
    title_en: str
    title_vi: str
    description: str
    kind: str
    start_date: Day
    end_date: Day
    place: str
    owner_id: int
    department_ids: list[int]
    version: int

    @staticmethod
    def resolve_department_ids(obj):
        return [department.pk for department in obj.departments.all()]


class CalendarEntryOut(Schema):
    """One entry of the calendar (meeting occurrence, event, step deadline or time off)."""

    id: str
    title: str
    start: str
    end: str | None = None
    allDay: bool = False
    url: str | None = None
    kind: str


class FeedOut(Schema):
    """A new calendar feed address (shown once)."""

    id: int
    url: str
