"""A meeting row as the recurrence core sees it, and its occurrences in a period."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deptcoord.meetings.models import Meeting
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
