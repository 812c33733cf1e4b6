"""The calendar page's entries (FullCalendar JSON) and each person's .ics feed."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.core.language import in_language, zone_of
from deptcoord.meetings import ics, messages
from deptcoord.meetings.models import Event, Meeting, Participant
from deptcoord.meetings.selectors import meeting_queryset, people_in, time_off_between
from deptcoord.meetings.series import meeting_occurrences
from deptcoord.work.models import Step

MAX_RANGE = timedelta(days=62)
DEFAULT_SPAN = timedelta(days=31)
FEED_PAST = timedelta(days=60)
FEED_FUTURE = timedelta(days=400)


def calendar_period(start: datetime, end: datetime | None) -> tuple[datetime, datetime]:
    """The period asked (a month from ``start`` by default), or a refusal naming the field: out
    of 1900–2200, reversed, or longer than ``MAX_RANGE`` (no calendar page asks for more)."""
    if not 1900 <= start.year <= 2200:
        raise ValidationError({"start": [messages.OUT_OF_RANGE]})
    end = end or start + DEFAULT_SPAN
    if not 1900 <= end.year <= 2200:
        raise ValidationError({"end": [messages.OUT_OF_RANGE]})
    if end <= start:
        raise ValidationError({"end": [messages.CALENDAR_ORDER]})
    if end - start > MAX_RANGE:
        raise ValidationError({"end": [messages.CALENDAR_TOO_LONG]})
    return start, end


def _overlapping(queryset, start: datetime, end: datetime):
    return queryset.filter(starts_at__lt=end, status=Meeting.Status.SCHEDULED).filter(
        ~Q(rrule="") | Q(ends_at__gt=start)
    )


def calendar_meetings(facts: RoleFacts, start, end, department_id=None, person_id=None):
    """Visible meetings that may have an occurrence in the period, for a department or person."""
    result = _overlapping(visible(facts, Meeting.objects.all()), start, end)
    if department_id:
        invited = Participant.objects.filter(person__in=people_in(department_id)).values(
            "meeting_id"
        )
        result = result.filter(Q(departments=department_id) | Q(pk__in=invited))
    elif person_id:
        invited = Participant.objects.filter(person_id=person_id).values("meeting_id")
        result = result.filter(Q(organiser_id=person_id) | Q(pk__in=invited))
    return result.distinct()


def _wall(moment: datetime, zone: ZoneInfo | None) -> str:
    """An instant as wall-clock time in the viewer's zone (FullCalendar shows it as is)."""
    return moment.astimezone(zone).replace(tzinfo=None).isoformat() if zone else moment.isoformat()


def changeable_meeting_ids(facts: RoleFacts, meetings) -> set[int]:
    """The meetings among these that the person may move (three queries, whatever the count)."""
    rows = meetings.only("pk", "organiser_id", "kind", "status").prefetch_related(
        "participants", "departments"
    )
    return {meeting.pk for meeting in rows if can(facts, Action.CHANGE, meeting)}


def _meeting_entries(meetings, start, end, zone=None, changeable=frozenset()) -> list[dict]:
    """Each occurrence in the period; rows are read as plain values (no model instances).
    Occurrences of meetings in ``changeable`` can be dragged: they carry the meeting's version
    and where a drop is sent."""
    pages = reverse("meetings:calendar")  # occurrence pages are /meetings/<pk>/<date>/
    found = meeting_occurrences(meetings, start, end, "title_en", "title_vi", "version")
    entries = []
    for meeting, occurrence in found:
        page = f"{pages}{meeting.pk}/{occurrence.key.isoformat()}/"
        editable = meeting.pk in changeable
        extra = {"kind": "meeting", "moved": occurrence.moved}
        if editable:
            extra.update(version=meeting.values[2], dropUrl=f"{page}drop/", moveUrl=f"{page}move/")
        entries.append(
            {
                "id": f"m{meeting.pk}-{occurrence.key}",
                "title": in_language(*meeting.values[:2]),
                "start": _wall(occurrence.start, zone),
                "end": _wall(occurrence.end, zone),
                "url": page,
                "editable": editable,
                "classNames": ["cal-meeting", "cal-moved" if occurrence.moved else ""],
                "extendedProps": extra,
            }
        )
    return entries


def calendar_entries(
    facts: RoleFacts,
    start: datetime,
    end: datetime,
    department_id=None,
    person_id=None,
    zone_name: str = "",
) -> list[dict]:
    """Meetings, events, step deadlines and time off in the period, as FullCalendar reads them
    (meeting times as wall-clock times in ``zone_name`` when given, else with their offset)."""
    zone = ZoneInfo(zone_name) if zone_name else None
    first, last = start.date(), end.date()
    meetings = calendar_meetings(facts, start, end, department_id, person_id)
    entries = _meeting_entries(meetings, start, end, zone, changeable_meeting_ids(facts, meetings))
    events = visible(facts, Event.objects.filter(start_date__lte=last, end_date__gte=first))
    if department_id:
        events = events.filter(Q(departments=department_id) | Q(departments=None)).distinct()
    for event in events.order_by("start_date"):
        entries.append(
            {
                "id": f"e{event.pk}",
                "title": event.title,
                "start": event.start_date.isoformat(),
                "end": (event.end_date + timedelta(days=1)).isoformat(),
                "allDay": True,
                "url": reverse("meetings:event_detail", kwargs={"pk": event.pk}),
                "classNames": ["cal-event", f"cal-event-{event.kind}"],
                "extendedProps": {"kind": "event"},
            }
        )
    steps = Step.objects.filter(due__gte=first, due__lte=last).exclude(status=Step.Status.DONE)
    steps = (
        steps.filter(department_id=department_id)
        if department_id
        else steps.filter(assignee_id=person_id)
    )
    for step in visible(facts, steps).order_by("due"):
        entries.append(
            {
                "id": f"s{step.pk}",
                "title": step.title,
                "start": step.due.isoformat(),
                "allDay": True,
                "classNames": ["cal-step"],
                "extendedProps": {"kind": "step"},
            }
        )
    people = people_in(department_id).values("pk") if department_id else [person_id]
    for away in time_off_between(facts, first, last, people):
        entries.append(
            {
                "id": f"t{away.pk}",
                "title": f"{away.person.full_name} · {away.get_kind_display()}",
                "start": away.start_date.isoformat(),
                "end": (away.end_date + timedelta(days=1)).isoformat(),
                "allDay": True,
                "classNames": ["cal-time-off"],
                "extendedProps": {"kind": "time_off"},
            }
        )
    return entries


def feed(person, facts: RoleFacts, today: date) -> bytes:
    """The person's calendar feed: their meetings, the company's events and their step
    deadlines, as much as they may see."""
    start = datetime.combine(today - FEED_PAST, time(0), UTC)
    end = datetime.combine(today + FEED_FUTURE, time(0), UTC)
    calendar = ics.new_calendar(name="deptcoord")
    calendar.add("x-wr-timezone", str(zone_of(person)))
    meetings = calendar_meetings(facts, start, end, person_id=person.pk).values_list(
        "pk", flat=True
    )
    for meeting in meeting_queryset().filter(pk__in=list(meetings)):
        for component in ics.meeting_events(meeting, with_people=True):
            calendar.add_component(component)
    events = visible(
        facts, Event.objects.filter(end_date__gte=start.date(), start_date__lte=end.date())
    )
    for event in events:
        calendar.add_component(
            ics.all_day(
                f"event-{event.pk}@deptcoord",
                event.title,
                event.start_date,
                event.end_date,
                event.description,
            )
        )
    steps = Step.objects.filter(assignee=person, due__gte=start.date(), due__lte=end.date())
    for step in visible(facts, steps.exclude(status=Step.Status.DONE)):
        calendar.add_component(
            ics.all_day(f"step-{step.pk}@deptcoord", step.title, step.due, step.due)
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()
