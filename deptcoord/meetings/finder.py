"""Find a time: load the participants' working hours, meetings and time off, and ask the pure
slot finder (``slots.py``) for the earliest common free time."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Q

from deptcoord.access import visible
from deptcoord.meetings import availability, messages
from deptcoord.meetings.availability import Busy
from deptcoord.meetings.models import Meeting
from deptcoord.meetings.recurrence import RecurrenceError, zone
from deptcoord.meetings.selectors import meeting_queryset
from deptcoord.meetings.series import occurrences_between
from deptcoord.meetings.slots import (
    BusyInterval,
    Participant,
    Quorum,
    SlotRequest,
    SlotSearchError,
    SlotSearchResult,
    WorkingPeriod,
    find_slots,
)
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import TimeOff

MAX_WINDOW_DAYS = 90
CANDIDATES, SHOWN = 60, 5


@dataclass(frozen=True)
class Search:
    """What the organiser asks for; people are Person rows."""

    required: tuple
    optional: tuple
    duration_minutes: int
    first_day: date
    last_day: date
    time_zone: str
    quorum_percent: int = 100
    must_attend: tuple = ()


def working_hours(person) -> tuple[WorkingPeriod, ...]:
    """The person's weekly working hours (weekday digits 1–7 → 0–6)."""
    days = sorted({int(d) - 1 for d in person.working_weekdays if d.isdigit() and 1 <= int(d) <= 7})
    if person.work_end <= person.work_start:
        return ()
    return tuple(WorkingPeriod(day, person.work_start, person.work_end) for day in days)


def busy_details(people, start: datetime, end: datetime, facts=None) -> dict[int, list[Busy]]:
    """Each person's meetings (series expanded, declined ones left out), time off and the
    company's days off, in UTC, each with its kind. With ``facts`` (the reader), a meeting is
    titled and time off named only where the reader may open the record; time off they may not
    see is just busy."""
    ids = [person.pk for person in people]
    busy: dict[int, list[Busy]] = {pk: [] for pk in ids}
    meetings = list(
        meeting_queryset()
        .filter(status=Meeting.Status.SCHEDULED, starts_at__lt=end)
        .filter(~Q(rrule="") | Q(ends_at__gt=start))
        .filter(Q(participants__person_id__in=ids) | Q(organiser_id__in=ids))
        .distinct()
    )
    open_meetings = _openable(facts, Meeting, [m.pk for m in meetings])
    for meeting in meetings:
        attending = [
            p.person_id
            for p in meeting.participants.all()
            if p.person_id in busy and p.response != "declined"
        ]
        label = meeting.title if meeting.pk in open_meetings else ""
        for occurrence in occurrences_between(meeting, start, end):
            interval = Busy(occurrence.start, occurrence.end, availability.MEETING, label)
            for person_id in attending:
                busy[person_id].append(interval)
    zones = {person.pk: ZoneInfo(person.timezone) for person in people}
    away = list(
        TimeOff.objects.filter(
            person_id__in=ids, start_date__lte=end.date(), end_date__gte=start.date()
        )
    )
    open_time_off = _openable(facts, TimeOff, [off.pk for off in away])
    for off in away:
        tz = zones[off.person_id]
        seen = off.pk in open_time_off
        busy[off.person_id].append(
            Busy(
                datetime.combine(off.start_date, time(0), tz).astimezone(UTC),
                datetime.combine(off.end_date + timedelta(days=1), time(0), tz).astimezone(UTC),
                availability.TIME_OFF if seen else availability.BUSY,
                off.get_kind_display() if seen else "",
            )
        )
    for day, name in days_off_between(start.date() - timedelta(days=1), end.date()).items():
        for person in people:
            tz = zones[person.pk]
            busy[person.pk].append(
                Busy(
                    datetime.combine(day, time(0), tz).astimezone(UTC),
                    datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC),
                    availability.HOLIDAY,
                    str(name),
                )
            )
    return busy


def _openable(facts, model, ids) -> set[int]:
    """The records among ``ids`` the reader may open (none without a reader)."""
    if facts is None or not ids:
        return set()
    return set(visible(facts, model.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def busy_times(people, start: datetime, end: datetime) -> dict[int, list[BusyInterval]]:
    """Each person's busy time for the slot finder: meetings, time off and days off, in UTC."""
    return {
        pk: [BusyInterval(item.start, item.end) for item in items]
        for pk, items in busy_details(people, start, end).items()
    }


def _check(search: Search) -> None:
    errors: dict = {}
    try:
        zone(search.time_zone)
    except RecurrenceError:
        params = {"value": search.time_zone[:64]}
        errors["time_zone"] = [ValidationError(messages.UNKNOWN_TIME_ZONE, params=params)]
    for name, day in (("window_start", search.first_day), ("window_end", search.last_day)):
        if not 1900 <= day.year <= 2200:
            errors[name] = [messages.OUT_OF_RANGE]
    if errors:
        raise ValidationError(errors)
    if search.last_day < search.first_day:
        errors["window_end"] = [messages.WINDOW_ENDS_BEFORE_START]
    elif (search.last_day - search.first_day).days >= MAX_WINDOW_DAYS:
        errors["window_end"] = [messages.WINDOW_TOO_LONG]
    if not search.required:
        errors["required_people"] = [messages.NO_REQUIRED]
    if not 1 <= search.quorum_percent <= 100:
        errors["quorum"] = [messages.QUORUM_RANGE]
    if search.duration_minutes < 15:
        errors["duration"] = [messages.DURATION_NOT_POSITIVE]
    elif search.duration_minutes > ((search.last_day - search.first_day).days + 1) * 24 * 60:
        errors["duration"] = [
            ValidationError(
                messages.DURATION_LONGER_THAN_WINDOW, params={"minutes": search.duration_minutes}
            )
        ]
    required = {person.pk for person in search.required}
    for person in search.must_attend:
        if person.pk not in required:
            errors.setdefault("must_attend", []).append(
                ValidationError(
                    messages.MUST_ATTEND_NOT_REQUIRED, params={"name": person.full_name}
                )
            )
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class Explained:
    """Find-a-time's answer for a page: the slots, each person's hours as a grid, and why days
    are left out."""

    result: SlotSearchResult
    grid: availability.Grid
    exclusions: tuple


def _window(search: Search, now: datetime | None) -> tuple[datetime, datetime]:
    tz = ZoneInfo(search.time_zone)
    start = datetime.combine(search.first_day, time(0), tz).astimezone(UTC)
    end = datetime.combine(search.last_day + timedelta(days=1), time(0), tz).astimezone(UTC)
    if now is not None and start < now < end:
        start = now
    return start, end


def _people(search: Search) -> tuple[list, set]:
    required_ids = {person.pk for person in search.required}
    people = [*search.required, *(p for p in search.optional if p.pk not in required_ids)]
    return people, required_ids


def _slot_search(search: Search, people, required_ids, busy, start, end) -> SlotSearchResult:
    participants = tuple(
        Participant(
            id=person.pk,
            time_zone=person.timezone,
            working_hours=working_hours(person),
            busy=tuple(BusyInterval(item.start, item.end) for item in busy[person.pk]),
            required=person.pk in required_ids,
        )
        for person in people
    )
    quorum = None
    if search.quorum_percent < 100 or search.must_attend:
        quorum = Quorum(search.quorum_percent / 100, frozenset(p.pk for p in search.must_attend))
    request = SlotRequest(
        participants=participants,
        duration=timedelta(minutes=search.duration_minutes),
        window_start=start,
        window_end=end,
        quorum=quorum,
        limit=CANDIDATES,
    )
    try:
        result = find_slots(request)
    except SlotSearchError as error:
        raise ValidationError({"duration": [str(error)]}) from error
    return replace(result, slots=spread(result.slots), closest_slots=spread(result.closest_slots))


def find_time(search: Search, now: datetime | None = None) -> SlotSearchResult:
    """The earliest slots for the search (never in the past), or who blocks most."""
    _check(search)
    start, end = _window(search, now)
    people, required_ids = _people(search)
    busy = busy_details(people, start, end)
    return _slot_search(search, people, required_ids, busy, start, end)


def find_time_explained(search: Search, facts, now: datetime | None = None) -> Explained:
    """``find_time`` with each person's hours and the reasons days are left out, from the same
    hours and busy time, labelled as far as the reader (``facts``) may open the records."""
    _check(search)
    start, end = _window(search, now)
    people, required_ids = _people(search)
    busy = busy_details(people, start, end, facts)
    result = _slot_search(search, people, required_ids, busy, start, end)
    seen = tuple(
        availability.Person(
            id=person.pk,
            time_zone=person.timezone,
            working_hours=working_hours(person),
            busy=tuple(busy[person.pk]),
            required=person.pk in required_ids,
        )
        for person in people
    )
    first_day = start.astimezone(ZoneInfo(search.time_zone)).date()
    slots = [(slot.start, slot.end) for slot in result.slots or result.closest_slots]
    return Explained(
        result=result,
        grid=availability.availability_grid(
            seen, first_day, search.last_day, search.time_zone, slots
        ),
        exclusions=availability.exclusions(seen, first_day, search.last_day, search.time_zone),
    )


def spread(slots, limit: int = SHOWN) -> tuple:
    """The earliest slots that do not overlap each other (not five starts 15 minutes apart)."""
    chosen: list = []
    for slot in slots:
        if not chosen or slot.start >= chosen[-1].end:
            chosen.append(slot)
        if len(chosen) == limit:
            break
    return tuple(chosen)
