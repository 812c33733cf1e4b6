"""Common free time: the earliest meeting slots the required participants can all attend.

Pure. Each participant's working hours (in their own time zone) minus their busy
intervals (UTC, already expanded by the caller from recurring meetings and time
off) become ranges of candidate starts (``step`` apart, counted from 00:00 UTC; see
``deptcoord.meetings.free_time``). A difference array counts who can attend each
start, so the cost follows the number of intervals, not the minutes in the window.
"""

from __future__ import annotations

import itertools
import math
import operator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from deptcoord.meetings.free_time import (
    DAY_SECONDS,
    Availability,
    BusyInterval,
    CandidateGrid,
    WorkingPeriod,
    availability,
)

__all__ = [
    "Blocker",
    "BusyInterval",
    "Participant",
    "Quorum",
    "Slot",
    "SlotRequest",
    "SlotSearchError",
    "SlotSearchResult",
    "WorkingPeriod",
    "find_slots",
]

ParticipantId = int | str

MAX_CANDIDATE_STARTS = 2_000_000

WINDOW_ENDS_BEFORE_START = "The search window ends before it starts; pick an end after the start."
DURATION_NOT_POSITIVE = "The meeting needs a duration longer than zero."
DURATION_LONGER_THAN_WINDOW = (
    "The meeting ({duration}) is longer than the search window ({window}); widen the window."
)
STEP_NOT_WHOLE_MINUTES = "The step between candidate starts must be a whole number of minutes."
TOO_MANY_CANDIDATES = "The window is too long for this step; use a shorter window or a longer step."
LIMIT_NOT_POSITIVE = "Ask for at least one slot."
NAIVE_DATETIME = "{what} must carry a time zone (UTC); got {value}."
UNKNOWN_TIME_ZONE = "Participant {participant!r} has an unknown time zone {zone!r}."
DUPLICATE_PARTICIPANT = "Participant {participant!r} is listed more than once."
NO_REQUIRED_PARTICIPANT = "Mark at least one participant as required."
BUSY_ENDS_BEFORE_START = "A busy interval of participant {participant!r} ends before it starts."
BAD_WORKING_PERIOD = (
    "Working hours {start}–{end} on weekday {weekday} of participant {participant!r} are not "
    "valid; use weekdays 0 (Monday) to 6 and an end after the start (00:00 means midnight)."
)
BAD_QUORUM_FRACTION = "The quorum must be a fraction above 0 and at most 1; got {fraction}."
MUST_ATTEND_NOT_REQUIRED = "Must-attend participant {participant!r} is not a required participant."


class SlotSearchError(ValueError):
    """The search request is not valid; the message says what to change."""


@dataclass(frozen=True)
class Participant:
    """Someone invited: their zone, weekly working hours, busy time, and whether required."""

    id: ParticipantId
    time_zone: str
    working_hours: tuple[WorkingPeriod, ...]
    busy: tuple[BusyInterval, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Quorum:
    """Enough to meet: this fraction of required participants, always with the must-attend ones."""

    fraction: float
    must_attend: frozenset[ParticipantId] = frozenset()


@dataclass(frozen=True)
class SlotRequest:
    """What to search for: who, how long, within which UTC window, on which grid."""

    participants: tuple[Participant, ...]
    duration: timedelta
    window_start: datetime
    window_end: datetime
    step: timedelta = timedelta(minutes=15)
    limit: int = 5
    quorum: Quorum | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A candidate meeting time (UTC) and who can attend it for its whole length."""

    start: datetime
    end: datetime
    free_required: tuple[ParticipantId, ...]
    missing_required: tuple[ParticipantId, ...]
    free_optional: tuple[ParticipantId, ...]


@dataclass(frozen=True, slots=True)
class Blocker:
    """A required participant and at how many of the closest-to-possible starts they are missing."""

    participant_id: ParticipantId
    blocked_starts: int


@dataclass(frozen=True)
class SlotSearchResult:
    """Slots found, earliest first. When there are none: who blocks most, and the closest
    slots, which work without the people each lists as ``missing_required``."""

    slots: tuple[Slot, ...]
    blockers: tuple[Blocker, ...] = ()
    closest_slots: tuple[Slot, ...] = ()


def find_slots(request: SlotRequest) -> SlotSearchResult:
    """The earliest slots (up to ``limit``) the required participants, or a quorum, can attend."""
    full = _validated_grid(request)
    _validate_participants(request)
    working: dict[tuple, list[tuple[int, int]]] = {}
    required = [p for p in request.participants if p.required]
    ids = [p.id for p in required]
    # The first slots of the first week are the first slots overall, so most searches
    # stop there; otherwise only the rest is read, from a meeting's length before the cut
    # (slots that straddle it), and joined to what the first week gave.
    week = min(full.window_start + 7 * DAY_SECONDS, full.window_end)
    grid = full.cut(week)
    attending = {p.id: _attending(p, grid, working) for p in required}
    search = _Search(request.quorum, ids, attending, grid.size)
    found = search.feasible(request.limit)
    if len(found) < request.limit and week < full.window_end:
        rest = full.stretch(max(full.window_start, week - full.duration), full.window_end)
        attending = {p.id: attending[p.id].joined(_attending(p, rest, working)) for p in required}
        grid, search = full, _Search(request.quorum, ids, attending, full.size)
        found = search.feasible(request.limit)
    if found:
        return SlotSearchResult(slots=_slots(found, grid, request, attending, working))
    blockers, closest = search.closest(request.limit)
    return SlotSearchResult(
        slots=(),
        blockers=blockers,
        closest_slots=_slots(closest, full, request, attending, working),
    )


def _attending(participant: Participant, grid: CandidateGrid, working: dict) -> Availability:
    """The candidate starts this participant can attend."""
    return availability(
        participant.time_zone, participant.working_hours, participant.busy, grid, working
    )


def _epoch(value: datetime, what: str) -> float:
    if value.tzinfo is None or value.utcoffset() is None:
        raise SlotSearchError(NAIVE_DATETIME.format(what=what, value=value))
    return value.timestamp()


def _validated_grid(request: SlotRequest) -> CandidateGrid:
    """Check the window, duration, step and limit, and lay out the candidate starts."""
    window_start = math.ceil(_epoch(request.window_start, "The window start"))
    window_end = math.floor(_epoch(request.window_end, "The window end"))
    if window_end <= window_start:
        raise SlotSearchError(WINDOW_ENDS_BEFORE_START)
    duration = math.ceil(request.duration.total_seconds())
    if duration <= 0:
        raise SlotSearchError(DURATION_NOT_POSITIVE)
    if duration > window_end - window_start:
        window = request.window_end - request.window_start
        raise SlotSearchError(
            DURATION_LONGER_THAN_WINDOW.format(duration=request.duration, window=window)
        )
    step_seconds = request.step.total_seconds()
    if step_seconds <= 0 or step_seconds % 60:
        raise SlotSearchError(STEP_NOT_WHOLE_MINUTES)
    step = int(step_seconds)
    if request.limit < 1:
        raise SlotSearchError(LIMIT_NOT_POSITIVE)
    first = -(-window_start // step) * step
    size = max(0, (window_end - duration - first) // step + 1)
    if size > MAX_CANDIDATE_STARTS:
        raise SlotSearchError(TOO_MANY_CANDIDATES)
    return CandidateGrid(first, step, size, duration, window_start, window_end)


def _validate_participants(request: SlotRequest) -> None:
    """Unique ids, known zones, sane hours and busy intervals, a required person, a sane quorum."""
    seen: set[ParticipantId] = set()
    for person in request.participants:
        if person.id in seen:
            raise SlotSearchError(DUPLICATE_PARTICIPANT.format(participant=person.id))
        seen.add(person.id)
        try:
            ZoneInfo(person.time_zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            message = UNKNOWN_TIME_ZONE.format(participant=person.id, zone=person.time_zone)
            raise SlotSearchError(message) from error
        for period in person.working_hours:
            if period.weekday not in range(7) or time(0) != period.end <= period.start:
                message = BAD_WORKING_PERIOD.format(
                    start=period.start,
                    end=period.end,
                    weekday=period.weekday,
                    participant=person.id,
                )
                raise SlotSearchError(message)
        for busy in person.busy:
            if busy.start.tzinfo is None or busy.end.tzinfo is None:
                raise SlotSearchError(NAIVE_DATETIME.format(what="A busy interval", value=busy))
            if busy.end < busy.start:
                raise SlotSearchError(BUSY_ENDS_BEFORE_START.format(participant=person.id))
    required = {person.id for person in request.participants if person.required}
    if not required:
        raise SlotSearchError(NO_REQUIRED_PARTICIPANT)
    quorum = request.quorum
    if quorum is not None and not 0 < quorum.fraction <= 1:
        raise SlotSearchError(BAD_QUORUM_FRACTION.format(fraction=quorum.fraction))
    for person_id in quorum.must_attend if quorum else ():
        if person_id not in required:
            raise SlotSearchError(MUST_ATTEND_NOT_REQUIRED.format(participant=person_id))


class _Search:
    """Counts, per candidate start, how many required (and must-attend) participants attend."""

    def __init__(self, quorum: Quorum | None, required: list, attending: dict, size: int):
        self.must = set(quorum.must_attend) if quorum else set()
        self.required, self.attending, self.size = required, attending, size
        # Rounding guards against 0.6 * 5 == 3.0000000000000004 asking for 4 people.
        fraction = quorum.fraction if quorum else 1
        self.needed = max(1, math.ceil(round(fraction * len(required), 9)))
        tallies, must_tallies = [0] * (size + 1), [0] * (size + 1)
        for person in required:
            ranges = attending[person]
            for tally in (tallies, must_tallies) if person in self.must else (tallies,):
                for start, end in zip(ranges.starts, ranges.ends, strict=True):
                    tally[start] += 1
                    tally[end] -= 1
        self.counts = list(itertools.accumulate(tallies[:size]))
        self.must_counts = list(itertools.accumulate(must_tallies[:size]))

    def feasible(self, limit: int) -> list[int]:
        """The first ``limit`` candidate starts where the meeting can take place."""
        enough = map(self.needed.__le__, self.counts)
        all_must = map(len(self.must).__eq__, self.must_counts)
        usable = itertools.compress(range(self.size), map(operator.and_, enough, all_must))
        return list(itertools.islice(usable, limit))

    def closest(self, limit: int) -> tuple[tuple[Blocker, ...], list[int]]:
        """Who is missing most often at the starts that come closest, and the first of those."""
        needed, must = self.needed, len(self.must)
        counts, must_counts = self.counts, self.must_counts
        deficits = [
            must - must_count + (needed - count if count < needed else 0)
            for count, must_count in zip(counts, must_counts, strict=True)
        ]
        if not deficits:
            return (), []
        fewest = min(deficits)
        near = [index for index, deficit in enumerate(deficits) if deficit == fewest]
        # Below the quorum everyone missing blocks; above it, only the must-attend people.
        short_runs = _runs(index for index in near if counts[index] < needed)
        must_runs = _runs(i for i in near if counts[i] >= needed and must_counts[i] < must)
        counted = []
        for order, person in enumerate(self.required):
            ranges = self.attending[person]
            blocked = _length(short_runs) - ranges.overlap(short_runs)
            if person in self.must:
                blocked += _length(must_runs) - ranges.overlap(must_runs)
            if blocked:
                counted.append((-blocked, order, Blocker(person, blocked)))
        blockers = tuple(blocker for _, _, blocker in sorted(counted))
        # When nobody at all can attend, there is no "closest" slot worth offering.
        return blockers, (near[:limit] if counts[near[0]] else [])


def _runs(indexes) -> list[tuple[int, int]]:
    """Consecutive indexes as half-open runs."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _length(runs: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in runs)


def _slots(found: list[int], grid: CandidateGrid, request: SlotRequest, attending, working):
    """Build the slots, earliest first, then the most optional participants free."""
    required = [p.id for p in request.participants if p.required]
    optional = [p for p in request.participants if not p.required]
    if found:
        # Optional participants only matter at the slots found: read just that stretch.
        stretch = grid.stretch(grid.start_of(found[0]), grid.start_of(found[-1]) + grid.duration)
        attending = dict(attending)
        for participant in optional:
            attending[participant.id] = _attending(participant, stretch, working)
    slots = []
    for index in found:
        start = grid.start_of(index)
        free = {person for person in required if attending[person].attends(index)}
        slots.append(
            Slot(
                start=datetime.fromtimestamp(start, UTC),
                end=datetime.fromtimestamp(start + grid.duration, UTC),
                free_required=tuple(person for person in required if person in free),
                missing_required=tuple(person for person in required if person not in free),
                free_optional=tuple(p.id for p in optional if attending[p.id].attends(index)),
            )
        )
    return tuple(sorted(slots, key=lambda slot: (slot.start, -len(slot.free_optional))))
