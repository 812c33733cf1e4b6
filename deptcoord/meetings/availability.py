"""What find-a-time shows besides the slots: each person's hours as a grid, and why days are
left out (a holiday, time off, outside working hours).

Pure. It reads the same working hours and busy time the slot finder (``slots.py``) is given,
with a kind and, where the reader may open the record, a label on each busy interval. Days
and hours are the reader's, in their own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deptcoord.meetings.free_time import CandidateGrid, WorkingPeriod, working_intervals

HOLIDAY, TIME_OFF, MEETING, BUSY = "holiday", "time_off", "meeting", "busy"
FREE, OUTSIDE = "free", "outside"
# Which state a cell shows when several apply (the first wins).
PRIORITY = (HOLIDAY, TIME_OFF, MEETING, BUSY)
MAX_GRID_DAYS = 14
DEFAULT_HOURS = (8, 18)


@dataclass(frozen=True, slots=True)
class Busy:
    """Time someone cannot meet, as aware datetimes: a meeting, time off, a holiday, or a
    record the reader may not open (``busy``). ``label`` is empty when it must not be shown."""

    start: datetime
    end: datetime
    kind: str = BUSY
    label: str = ""


@dataclass(frozen=True)
class Person:
    """Someone searched for: their zone, weekly hours and busy time."""

    id: int | str
    time_zone: str
    working_hours: tuple[WorkingPeriod, ...]
    busy: tuple[Busy, ...] = ()
    required: bool = True


@dataclass(frozen=True, slots=True)
class Cell:
    """One hour of one person: its state, the label that may be shown, and whether a proposed
    slot covers part of it."""

    state: str
    label: str = ""
    proposed: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    """An hour of a day (``hour`` None: a day nobody can meet, shown folded with ``reason``)."""

    day: date
    hour: int | None
    proposed: bool = False
    reason: str = ""
    label: str = ""


@dataclass(frozen=True)
class Grid:
    """Rows of cells, one per person, under the same columns; ``cut`` when days were left off."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[int | str, tuple[Cell, ...]], ...]
    cut: bool = False


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Days left out, from ``first`` to ``last``: for everyone (``person_id`` None) or for one
    person; ``label`` names the holiday or what the time off is, when it may be shown."""

    kind: str
    first: date
    last: date
    person_id: int | str | None = None
    label: str = ""


def _epoch(day: date, hour: int, zone: ZoneInfo) -> float:
    return datetime.combine(day, time(0), zone).timestamp() + hour * 3600


def _day_bounds(day: date, zone: ZoneInfo) -> tuple[float, float]:
    start = datetime.combine(day, time(0), zone).timestamp()
    return start, datetime.combine(day + timedelta(days=1), time(0), zone).timestamp()


def _working(person: Person, start: float, end: float) -> list[tuple]:
    grid = CandidateGrid(int(start), 60, 0, 0, int(start), int(end))
    return working_intervals(person.time_zone, person.working_hours, grid)


def _overlaps(intervals, start: float, end: float) -> bool:
    return any(a < end and b > start for a, b in intervals)


def _covered(intervals, pieces) -> bool:
    """Whether ``pieces`` (sorted) cover every interval of ``intervals``."""
    for start, end in intervals:
        cursor = start
        for a, b in pieces:
            if a <= cursor < b:
                cursor = b
            if cursor >= end:
                break
        if cursor < end:
            return False
    return True


def _busy_epochs(person: Person, kinds) -> list[tuple[float, float]]:
    return sorted(
        (busy.start.timestamp(), busy.end.timestamp()) for busy in person.busy if busy.kind in kinds
    )


def _why_out(person: Person, day: date, zone: ZoneInfo) -> tuple[str, str] | None:
    """Why the person cannot meet at all on the reader's day, or None when they can."""
    start, end = _day_bounds(day, zone)
    work = _working(person, start, end)
    if not work:
        return OUTSIDE, ""
    for kind in (HOLIDAY, TIME_OFF, BUSY):
        if _covered(work, _busy_epochs(person, {kind})):
            labels = [b.label for b in person.busy if b.kind == kind and b.label]
            return kind, labels[0] if labels else ""
    return None


def exclusions(people, first_day: date, last_day: date, zone_name: str) -> tuple[Exclusion, ...]:
    """Why days are left out for the required people, consecutive days joined: a day out for
    every one of them for the same reason is named once for everyone (a holiday, a weekend),
    otherwise per person (one person's time off names them)."""
    zone = ZoneInfo(zone_name)
    required = [person for person in people if person.required]
    found: list[Exclusion] = []
    day = first_day
    while day <= last_day:
        reasons = {person.id: _why_out(person, day, zone) for person in required}
        kinds = {reason[0] for reason in reasons.values() if reason}
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        shared = kind in (HOLIDAY, OUTSIDE) or len(required) > 1
        if required and all(reasons.values()) and kind and shared:
            labels = [reason[1] for reason in reasons.values() if reason[1]]
            _add(found, Exclusion(kind, day, day, None, labels[0] if labels else ""))
        else:
            for person in required:
                reason = reasons[person.id]
                if reason:
                    _add(found, Exclusion(reason[0], day, day, person.id, reason[1]))
        day += timedelta(days=1)
    return tuple(sorted(found, key=lambda e: (e.first, e.person_id is not None, str(e.person_id))))


def _add(found: list[Exclusion], new: Exclusion) -> None:
    """Append, or stretch the same reason of the day before."""
    for index, old in enumerate(found):
        same = (old.kind, old.person_id, old.label) == (new.kind, new.person_id, new.label)
        if same and old.last + timedelta(days=1) == new.first:
            found[index] = Exclusion(old.kind, old.first, new.last, old.person_id, old.label)
            return
    found.append(new)


def grid_hours(people, days, zone_name: str) -> tuple[int, int]:
    """The reader's hours the grid spans: from the earliest working hour to the latest."""
    zone = ZoneInfo(zone_name)
    low, high = 24, 0
    for day in days:
        start, end = _day_bounds(day, zone)
        for person in people:
            for a, b in _working(person, start, end):
                low = min(low, int((a - start) // 3600))
                high = max(high, int(-(-(b - start) // 3600)))
    return (low, min(high, 24)) if low < high else DEFAULT_HOURS


def _cell(person: Person, work, start: float, end: float, proposed: bool) -> Cell:
    for kind in PRIORITY:
        for busy in person.busy:
            if busy.kind == kind and busy.start.timestamp() < end and busy.end.timestamp() > start:
                return Cell(kind, busy.label, proposed)
    state = FREE if _overlaps(work, start, end) else OUTSIDE
    return Cell(state, "", proposed)


def availability_grid(
    people, first_day: date, last_day: date, zone_name: str, slots=(), max_days=MAX_GRID_DAYS
) -> Grid:
    """People × the reader's hours of the days searched (at most ``max_days``). A day on which
    no required person can meet is one folded column saying why; ``slots`` are (start, end)
    pairs, marked on the hours they cover."""
    zone = ZoneInfo(zone_name)
    days = []
    day = first_day
    while day <= last_day and len(days) < max_days:
        days.append(day)
        day += timedelta(days=1)
    cut = day <= last_day
    if not days:
        return Grid((), tuple((person.id, ()) for person in people))
    everyone_out = {
        exclusion.first + timedelta(days=offset): exclusion
        for exclusion in exclusions(people, first_day, days[-1], zone_name)
        if exclusion.person_id is None
        for offset in range((exclusion.last - exclusion.first).days + 1)
    }
    low, high = grid_hours(people, [d for d in days if d not in everyone_out], zone_name)
    proposed = [(s.timestamp(), e.timestamp()) for s, e in slots]
    columns: list[Column] = []
    spans: list[tuple[float, float] | None] = []
    for day in days:
        if day in everyone_out:
            out = everyone_out[day]
            columns.append(Column(day, None, False, out.kind, out.label))
            spans.append(None)
            continue
        for hour in range(low, high):
            start, end = _epoch(day, hour, zone), _epoch(day, hour + 1, zone)
            columns.append(Column(day, hour, _overlaps(proposed, start, end)))
            spans.append((start, end))
    rows = []
    for person in people:
        cells, work = [], {}
        for column, span in zip(columns, spans, strict=True):
            if span is None:
                cells.append(Cell(column.reason, column.label))
                continue
            if column.day not in work:
                work[column.day] = _working(person, *_day_bounds(column.day, zone))
            cells.append(_cell(person, work[column.day], span[0], span[1], column.proposed))
        rows.append((person.id, tuple(cells)))
    return Grid(tuple(columns), tuple(rows), cut=cut)
