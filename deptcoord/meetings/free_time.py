"""One participant's free time, laid on a grid of candidate meeting starts.

Pure. Working hours are expanded day by day in the participant's own time zone
(so they follow daylight-saving changes), busy intervals are subtracted, and what
is left becomes ranges of candidate starts whose whole slot fits inside free time.
Times are epoch seconds internally.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_SECONDS = 86_400


@dataclass(frozen=True, slots=True)
class WorkingPeriod:
    """Working time on one weekday (0 = Monday) in the participant's zone; end 00:00 = midnight."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class BusyInterval:
    """A time the participant cannot meet (meeting, time off), as aware datetimes (UTC)."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class CandidateGrid:
    """Candidate starts: index g starts at ``first + g * step`` (epoch seconds), g < ``size``.

    ``window_start`` and ``window_end`` bound the stretch of time being read.
    """

    first: int
    step: int
    size: int
    duration: int
    window_start: int
    window_end: int

    def cut(self, end: int) -> CandidateGrid:
        """The same grid, keeping only slots that end by ``end``."""
        size = min(self.size, max(0, (end - self.duration - self.first) // self.step + 1))
        return CandidateGrid(self.first, self.step, size, self.duration, self.window_start, end)

    def stretch(self, window_start: int, window_end: int) -> CandidateGrid:
        """The same indexes, reading only the time between ``window_start`` and ``window_end``."""
        return CandidateGrid(
            self.first, self.step, self.size, self.duration, window_start, window_end
        )

    def start_of(self, index: int) -> int:
        """Epoch seconds at which candidate ``index`` starts."""
        return self.first + index * self.step


class Availability:
    """The candidate starts one participant can attend, as sorted half-open index ranges."""

    __slots__ = ("ends", "starts")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in ranges]
        self.ends = [end for _, end in ranges]

    def attends(self, index: int) -> bool:
        """True when the participant is free for the whole slot starting at ``index``."""
        position = bisect.bisect_right(self.starts, index) - 1
        return position >= 0 and self.ends[position] > index

    def joined(self, other: Availability) -> Availability:
        """The starts attendable in either (the two may overlap where their windows meet)."""
        pairs = sorted(zip(self.starts + other.starts, self.ends + other.ends, strict=True))
        return Availability(_merge(pairs))

    def overlap(self, runs: list[tuple[int, int]]) -> int:
        """How many candidate starts in ``runs`` (sorted, disjoint) this participant attends."""
        total, starts, ends = 0, self.starts, self.ends
        for run_start, run_end in runs:
            i = bisect.bisect_right(ends, run_start)
            while i < len(starts) and starts[i] < run_end:
                total += min(ends[i], run_end) - max(starts[i], run_start)
                i += 1
        return total


def availability(
    time_zone: str,
    working_hours: tuple[WorkingPeriod, ...],
    busy: Iterable[BusyInterval],
    grid: CandidateGrid,
    working_cache: dict[tuple, list[tuple[int, int]]],
) -> Availability:
    """The candidate starts at which someone is working and not busy for the whole slot.

    ``working_cache`` is shared between participants of one search.
    """
    key = (time_zone, working_hours, grid.window_start, grid.window_end)
    if key not in working_cache:
        # Colleagues usually share a zone and hours, so each pattern is expanded once.
        working_cache[key] = working_intervals(time_zone, working_hours, grid)
    free = _free_pieces(working_cache[key], busy_intervals(busy, grid), grid.duration)
    ranges = []
    origin, step, size, latest = grid.first, grid.step, grid.size, grid.first + grid.duration
    for start, end in free:
        # First grid start at or after ``start``; last one whose slot ends by ``end``.
        first = int(-((origin - start) // step))
        last = int((end - latest) // step) + 1
        if first < 0:
            first = 0
        if last > size:
            last = size
        if first < last:
            ranges.append((first, last))
    return Availability(ranges)


def working_intervals(
    time_zone: str, working_hours: tuple[WorkingPeriod, ...], grid: CandidateGrid
) -> list[tuple[int, int]]:
    """Working hours inside the grid's window as epoch intervals, day by day in the local zone."""
    zone = ZoneInfo(time_zone)
    by_weekday: dict[int, list[WorkingPeriod]] = {}
    for period in working_hours:
        by_weekday.setdefault(period.weekday, []).append(period)
    day = datetime.fromtimestamp(grid.window_start, zone).date() - timedelta(days=1)
    last_day = datetime.fromtimestamp(grid.window_end, zone).date()
    intervals = []
    while day <= last_day:
        for period in by_weekday.get(day.weekday(), ()):
            end_day = day + timedelta(days=1) if period.end == time(0) else day
            start = max(local_to_epoch(day, period.start, zone), grid.window_start)
            end = min(local_to_epoch(end_day, period.end, zone), grid.window_end)
            if start < end:
                intervals.append((start, end))
        day += timedelta(days=1)
    return _merge(sorted(intervals))  # periods of one day may overlap or touch


def local_to_epoch(day: date, clock: time, zone: ZoneInfo) -> int:
    """Epoch seconds of a wall-clock time; a time skipped by a DST change maps to the change."""
    wall = datetime.combine(day, clock)
    seconds = int(wall.replace(tzinfo=zone).timestamp())
    if datetime.fromtimestamp(seconds, zone).replace(tzinfo=None) == wall:
        return seconds  # an existing time; a repeated one takes its first occurrence
    # The clock jumped over ``wall``: find the first instant the clock shows it or later.
    low = int(wall.replace(tzinfo=zone, fold=1).timestamp())
    low, high = min(low, seconds), max(low, seconds)
    while low < high:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle + 1
    return low


def busy_intervals(busy: Iterable[BusyInterval], grid: CandidateGrid) -> list[tuple]:
    """Busy time inside the grid's window as sorted, merged epoch intervals."""
    low = datetime.fromtimestamp(grid.window_start, UTC)
    high = datetime.fromtimestamp(grid.window_end, UTC)
    # Comparing datetimes is cheap and converting them is not: filter first.
    inside = [interval for interval in busy if interval.start < high and interval.end > low]
    return _merge(sorted([(i.start.timestamp(), i.end.timestamp()) for i in inside]))


def _merge(intervals: list[tuple]) -> list[tuple]:
    """Join sorted intervals that overlap or touch."""
    merged: list[tuple] = []
    last_end = -math.inf
    for start, end in intervals:
        if start > last_end:
            merged.append((start, end))
            last_end = end
        elif end > last_end:
            merged[-1] = (merged[-1][0], end)
            last_end = end
    return merged


def _free_pieces(work: list[tuple], busy: list[tuple], shortest: float) -> list[tuple]:
    """Working intervals minus busy intervals (both sorted and merged), keeping the pieces
    at least ``shortest`` long: shorter gaps cannot hold the meeting."""
    free, i, count = [], 0, len(busy)
    for start, end in work:
        while i < count and busy[i][1] <= start:
            i += 1
        cursor = start
        while i < count and busy[i][0] < end:
            busy_start, busy_end = busy[i]
            if busy_start - cursor >= shortest:
                free.append((cursor, busy_start))
            cursor = busy_end
            if busy_end > end:
                break  # this busy interval runs on into the next working interval
            i += 1
        if end - cursor >= shortest:
            free.append((cursor, end))
    return free
