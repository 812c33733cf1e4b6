"""Occurrences of a meeting series: RFC 5545 rules expanded in the meeting's own time zone.

Pure. The rule repeats the wall-clock time of the first occurrence (so a 09:00 meeting stays
at 09:00 across daylight-saving changes); single occurrences can be moved or cancelled, named
by their original date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

BAD_RULE = "bad_rule"
TOO_FREQUENT = "too_frequent"
NEVER_OCCURS = "never_occurs"
UNKNOWN_ZONE = "unknown_zone"
MAX_OCCURRENCES_LISTED = 500


class RecurrenceError(ValueError):
    """The rule cannot be used; ``code`` says why (the app turns it into a sentence)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Change:
    """One occurrence (by original local date) moved to ``start``–``end``, or cancelled."""

    occurrence: date
    cancelled: bool = False
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class Series:
    """A meeting: its first start and end (aware), time zone, rule (may be empty), changes."""

    start: datetime
    end: datetime
    time_zone: str
    rule: str = ""
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence: ``key`` is its original local date; times are UTC."""

    key: date
    start: datetime
    end: datetime
    original_start: datetime
    moved: bool = False
    cancelled: bool = False


def zone(name: str) -> ZoneInfo:
    """The time zone, or RecurrenceError for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise RecurrenceError(UNKNOWN_ZONE) from error


def _parts(text: str) -> list[tuple[str, str]]:
    text = text.strip().removeprefix("RRULE:")
    parts = []
    for piece in text.split(";"):
        if not piece.strip():
            continue
        if "=" not in piece:
            raise RecurrenceError(BAD_RULE)
        key, value = piece.split("=", 1)
        parts.append((key.strip().upper(), value.strip().upper()))
    if not parts:
        raise RecurrenceError(BAD_RULE)
    return parts


def _until(value: str, tz: ZoneInfo) -> datetime:
    """UNTIL as a naive local datetime (a date alone means the end of that day)."""
    try:
        if value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(tz).replace(tzinfo=None)
        if "T" in value:
            return datetime.strptime(value, "%Y%m%dT%H%M%S")
        return datetime.combine(datetime.strptime(value, "%Y%m%d").date(), time(23, 59, 59))
    except ValueError as error:
        raise RecurrenceError(BAD_RULE) from error


def _local(series: Series) -> tuple[ZoneInfo, datetime]:
    tz = zone(series.time_zone)
    return tz, series.start.astimezone(tz).replace(tzinfo=None)


def _rule(series: Series) -> rrule:
    _tz, local_start = _local(series)
    return _compiled(series.rule, local_start, series.time_zone)


def _rule_near(series: Series, low: datetime) -> rrule:
    """The series' rule started again shortly before ``low`` (a naive local time), on the
    same grid of days, weeks, months or years, so that expanding a window of a long-running
    series does not walk every occurrence since its first. Rules with COUNT, and monthly or
    yearly rules from a day some months lack, start where they started."""
    rule = _rule(series)
    start = rule._dtstart
    every = rule._interval
    if rule._count is not None or low <= start:
        return rule
    if rule._freq == DAILY:
        steps = (low - start).days // every - 1
        moved = start + timedelta(days=steps * every)
    elif rule._freq == WEEKLY:
        steps = (low - start).days // (7 * every) - 1
        moved = start + timedelta(weeks=steps * every)
    elif rule._freq == MONTHLY and start.day <= 28:
        steps = ((low.year - start.year) * 12 + low.month - start.month) // every - 1
        months = start.month - 1 + steps * every
        moved = start.replace(year=start.year + months // 12, month=months % 12 + 1)
    elif rule._freq == YEARLY and (start.month, start.day) != (2, 29):
        steps = (low.year - start.year) // every - 1
        moved = start.replace(year=start.year + steps * every)
    else:
        return rule
    if steps <= 0:
        return rule
    return _moved(series.rule, start, series.time_zone, moved)


@lru_cache(maxsize=4096)
def _moved(text: str, local_start: datetime, zone_name: str, moved: datetime) -> rrule:
    return _compiled(text, local_start, zone_name).replace(dtstart=moved)


@lru_cache(maxsize=4096)
def _compiled(text: str, local_start: datetime, zone_name: str) -> rrule:
    """The parsed rule (cached: a calendar reads the same series many times)."""
    tz = zone(zone_name)
    parts = [
        (key, _until(value, tz).strftime("%Y%m%dT%H%M%S") if key == "UNTIL" else value)
        for key, value in _parts(text)
    ]
    try:
        rule = rrulestr(";".join(f"{k}={v}" for k, v in parts), dtstart=local_start)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise RecurrenceError(BAD_RULE) from error
    if not isinstance(rule, rrule):
        raise RecurrenceError(BAD_RULE)
    if rule._freq > DAILY:  # hourly, minutely, secondly: not a meeting series
        raise RecurrenceError(TOO_FREQUENT)
    return rule


def canonical_rule(series: Series) -> str:
    """The rule as stored and sent: upper case, UNTIL in UTC (RFC 5545 with a TZID start).

    Raises RecurrenceError when it does not parse, repeats more than daily or never occurs.
    """
    if first_start(series) is None:
        raise RecurrenceError(NEVER_OCCURS)
    tz, _start = _local(series)
    parts = []
    for key, value in _parts(series.rule):
        if key == "UNTIL":
            local = _until(value, tz).replace(tzinfo=tz)
            value = local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"{key}={value}")
    return ";".join(parts)


def _aware(local: datetime, tz: ZoneInfo) -> datetime:
    return local.replace(tzinfo=tz).astimezone(UTC)


def first_start(series: Series) -> datetime | None:
    """The first occurrence's start (UTC), or None when the rule never occurs."""
    if not series.rule:
        return series.start.astimezone(UTC)
    tz, local_start = _local(series)
    first = _rule(series).after(local_start, inc=True)
    return _aware(first, tz) if first is not None else None


def _originals(series: Series, after: datetime, before: datetime) -> list[datetime]:
    """Original starts (UTC) between two instants, inclusive."""
    if not series.rule:
        start = series.start.astimezone(UTC)
        return [start] if after <= start <= before else []
    tz, _start = _local(series)
    low = after.astimezone(tz).replace(tzinfo=None) - timedelta(hours=3)
    high = before.astimezone(tz).replace(tzinfo=None) + timedelta(hours=3)
    found = (_aware(local, tz) for local in _rule_near(series, low).between(low, high, inc=True))
    return [start for start in found if after <= start <= before]


def _key(start: datetime, series: Series) -> date:
    return start.astimezone(zone(series.time_zone)).date()


def occurrences(
    series: Series, window_start: datetime, window_end: datetime, with_cancelled: bool = False
) -> list[Occurrence]:
    """Occurrences overlapping the window, earliest first; moved ones where they now are."""
    return list(_occurrences(series, window_start, window_end, with_cancelled))


@lru_cache(maxsize=8192)
def _occurrences(
    series: Series, window_start: datetime, window_end: datetime, with_cancelled: bool
) -> tuple[Occurrence, ...]:
    """``occurrences``, remembered: the same series and window (a day's or a week's briefing,
    a month of the calendar) are asked for again and again, and the answer depends on nothing
    else."""
    duration = series.end - series.start
    changes = {change.occurrence: change for change in series.changes}
    result = []
    for start in _originals(series, window_start - duration, window_end):
        key = _key(start, series)
        change = changes.get(key)
        if change is None:
            if start < window_end and start + duration > window_start:
                result.append(Occurrence(key, start, start + duration, start))
        elif change.cancelled and with_cancelled:
            result.append(Occurrence(key, start, start + duration, start, cancelled=True))
    for change in changes.values():
        if change.cancelled or change.start is None or change.end is None:
            continue
        if not (change.start < window_end and change.end > window_start):
            continue
        original = occurrence_on(series, change.occurrence, apply_changes=False)
        if original is not None:
            result.append(
                Occurrence(
                    change.occurrence,
                    change.start.astimezone(UTC),
                    change.end.astimezone(UTC),
                    original.start,
                    moved=True,
                )
            )
    return tuple(sorted(result, key=lambda occurrence: (occurrence.start, occurrence.key)))


def occurrence_on(series: Series, day: date, apply_changes: bool = True) -> Occurrence | None:
    """The occurrence originally on this local date, with its change applied, or None."""
    tz = zone(series.time_zone)
    low = datetime.combine(day, time(0), tz).astimezone(UTC)
    high = datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC)
    starts = [start for start in _originals(series, low, high) if _key(start, series) == day]
    if not starts:
        return None
    start, duration = starts[0], series.end - series.start
    change = {c.occurrence: c for c in series.changes}.get(day) if apply_changes else None
    if change is None:
        return Occurrence(day, start, start + duration, start)
    if change.cancelled:
        return Occurrence(day, start, start + duration, start, cancelled=True)
    return Occurrence(
        day, change.start.astimezone(UTC), change.end.astimezone(UTC), start, moved=True
    )


def neighbours(series: Series, day: date) -> tuple[date | None, date | None]:
    """The original dates of the occurrences before and after this one (None at the ends)."""
    if not series.rule:
        return None, None
    _tz, _start = _local(series)
    rule = _rule(series)
    middle = datetime.combine(day, time(0))
    before = rule.before(middle, inc=False)
    after = rule.after(middle + timedelta(days=1), inc=True)
    return (before.date() if before else None), (after.date() if after else None)


def next_keys(series: Series, after: datetime, limit: int) -> list[date]:
    """The original dates of up to ``limit`` occurrences starting at or after ``after``."""
    if not series.rule:
        start = series.start.astimezone(UTC)
        return [_key(start, series)] if start >= after else []
    tz, _start = _local(series)
    rule = _rule(series)
    local_after = after.astimezone(tz).replace(tzinfo=None)
    keys = []
    for local in rule.xafter(local_after, count=min(limit, MAX_OCCURRENCES_LISTED), inc=True):
        keys.append(local.date())
    return keys


def until_before(series: Series, day: date) -> str:
    """The series' rule ending before the occurrence on ``day`` (for "this and following")."""
    tz = zone(series.time_zone)
    last = datetime.combine(day, time(0), tz) - timedelta(seconds=1)
    parts = [f"{k}={v}" for k, v in _parts(series.rule) if k not in {"UNTIL", "COUNT"}]
    parts.append("UNTIL=" + last.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    return ";".join(parts)


def local_time_problem(day: date, at: time, zone_name: str) -> str:
    """ "missing" when the wall-clock time does not exist that day (clocks jump forward),
    "ambiguous" when it happens twice (clocks fall back), "" when it is fine."""
    tz = zone(zone_name)
    naive = datetime.combine(day, at)
    first, second = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        return "missing" if round_trip != naive else "ambiguous"
    return ""
