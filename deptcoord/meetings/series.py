"""A meeting row as the recurrence core sees it, and its occurrences in a period.

``meeting_occurrences`` is the one place where many meetings are expanded with their moved and
cancelled occurrences applied: the calendar, busy hours, Today and status reports all read it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from deptcoord.meetings.models import Meeting, OccurrenceChange
from deptcoord.meetings.recurrence import Change, Occurrence, Series, occurrence_on, occurrences


def series_of(meeting: Meeting, changes=None) -> Series:
    """The meeting for ``recurrence``; ``changes`` may be given to save a query."""
    if changes is None:
        cache = getattr(meeting, "_prefetched_objects_cache", {})
        changes = cache["changes"] if "changes" in cache else meeting.changes.all()
    return Series(
        start=meeting.starts_at,
        end=meeting.ends_at,
        time_zone=meeting.time_zone,
        rule=meeting.rrule,
        changes=tuple(
            Change(change.occurrence, change.cancelled, change.starts_at, change.ends_at)
            for change in changes
        ),
    )


def occurrences_between(meeting: Meeting, start: datetime, end: datetime, **options):
    """The meeting's occurrences overlapping the period (none for a cancelled meeting)."""
    if meeting.status == Meeting.Status.CANCELLED:
        return []
    return occurrences(series_of(meeting), start, end, **options)


def occurrence_of(meeting: Meeting, day: date) -> Occurrence | None:
    """The occurrence originally on ``day``, or None."""
    return occurrence_on(series_of(meeting), day)


def day_bounds(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The UTC instants at which a local day starts and ends."""
    tz = ZoneInfo(zone_name)
    start = datetime.combine(day, time(0), tz).astimezone(UTC)
    return start, datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC)


def first_key(meeting: Meeting) -> date:
    """The original date of the meeting's first occurrence."""
    return meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()


SERIES_FIELDS = ("pk", "starts_at", "ends_at", "time_zone", "rrule")


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A meeting read as plain values: its series with its changes, and the fields asked for."""

    pk: int
    series: Series
    values: tuple


def changes_by_meeting(meeting_ids: Iterable[int]) -> dict[int, tuple[Change, ...]]:
    """The moved and cancelled occurrences of these meetings (one query, none for no ids)."""
    found: dict[int, list[Change]] = {}
    rows = OccurrenceChange.objects.filter(meeting_id__in=list(meeting_ids)).values_list(
        "meeting_id", "occurrence", "cancelled", "starts_at", "ends_at"
    )
    for meeting_id, *change in rows:
        found.setdefault(meeting_id, []).append(Change(*change))
    return {meeting_id: tuple(changes) for meeting_id, changes in found.items()}


def scheduled(meetings: QuerySet, *fields: str, series_only: bool = False) -> list[Scheduled]:
    """The meetings as series with their changes, each with the values of ``fields``, in the
    queryset's order (two queries). ``series_only`` reads the changes of repeating meetings
    only: a single meeting is moved by editing it, and a short id list matters at scale."""
    rows = list(meetings.values_list(*SERIES_FIELDS, *fields))
    changes = changes_by_meeting(row[0] for row in rows if row[4] or not series_only)
    return [
        Scheduled(pk, Series(starts_at, ends_at, zone_name, rule, changes.get(pk, ())), tuple(rest))
        for pk, starts_at, ends_at, zone_name, rule, *rest in rows
    ]


def expand(
    found: Iterable[Scheduled], start: datetime, end: datetime, with_cancelled: bool = False
) -> list[tuple[Scheduled, Occurrence]]:
    """Each meeting's occurrences overlapping the period, earliest first, meeting by meeting:
    moved ones where they now are, cancelled ones left out (unless asked for)."""
    return [
        (meeting, occurrence)
        for meeting in found
        for occurrence in occurrences(meeting.series, start, end, with_cancelled)
    ]


def meeting_occurrences(
    meetings: QuerySet, start: datetime, end: datetime, *fields: str
) -> list[tuple[Scheduled, Occurrence]]:
    """The occurrences of these meetings in the period with their changes applied, paired
    with each meeting's ``fields`` (two queries)."""
    return expand(scheduled(meetings, *fields), start, end)
