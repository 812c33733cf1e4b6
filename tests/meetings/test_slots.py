"""The common free-time finder: earliest slots, time zones and DST, quorum, who blocks."""

from __future__ import annotations

import ast
import math
import re
import sys
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deptcoord.meetings import free_time, slots
from deptcoord.meetings.slots import (
    Blocker,
    BusyInterval,
    Participant,
    Quorum,
    SlotRequest,
    SlotSearchError,
    WorkingPeriod,
    find_slots,
)

WEEKDAYS = tuple(range(5))
MINUTE = timedelta(minutes=1)


def office(start: int = 9, end: int = 17, days=WEEKDAYS) -> tuple[WorkingPeriod, ...]:
    return tuple(WorkingPeriod(day, time(start), time(end)) for day in days)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def busy(start: datetime, end: datetime) -> BusyInterval:
    return BusyInterval(start, end)


def search(people, duration_minutes, start, end, **options):
    request = SlotRequest(tuple(people), timedelta(minutes=duration_minutes), start, end, **options)
    return find_slots(request)


# The brute-force oracle looks at every minute (or every ``unit`` minutes, when every
# time in the request falls on such a boundary) in every participant's own zone.


def free_blocks(person: Participant, start: datetime, blocks: int, unit: int) -> list[bool]:
    zone = ZoneInfo(person.time_zone)
    flags = []
    for offset in range(blocks):
        moment = start + offset * unit * MINUTE
        local = moment.astimezone(zone)
        clock = local.time()
        working = any(
            period.weekday == local.weekday()
            and period.start <= clock
            and (period.end == time(0) or clock < period.end)
            for period in person.working_hours
        )
        flags.append(working and not any(b.start <= moment < b.end for b in person.busy))
    return flags


def brute_force(request: SlotRequest, unit: int = 1):
    """Every candidate start with who can attend, by scanning block by block."""
    block = unit * MINUTE
    total = (request.window_end - request.window_start) // block
    step, duration = request.step // block, request.duration // block
    flags = {p.id: free_blocks(p, request.window_start, total, unit) for p in request.participants}
    epoch_blocks = int(request.window_start.timestamp()) // (60 * unit)
    first = -(-epoch_blocks // step) * step - epoch_blocks
    candidates = []
    for offset in range(first, total - duration + 1, step):
        free = {pid for pid, row in flags.items() if all(row[offset : offset + duration])}
        candidates.append((request.window_start + offset * block, free))
    return candidates


def oracle_verdict(request: SlotRequest, free: set) -> tuple[bool, int, set]:
    """(meeting possible, how far from possible, who blocks) at one candidate start."""
    required = [p.id for p in request.participants if p.required]
    quorum = request.quorum or Quorum(1.0)
    needed = max(1, math.ceil(round(quorum.fraction * len(required), 9)))
    attending = [p for p in required if p in free]
    missing_must = {p for p in quorum.must_attend if p not in free}
    short = max(0, needed - len(attending))
    blocking = set(missing_must)
    if short:
        blocking |= {p for p in required if p not in free}
    return not short and not missing_must, len(missing_must) + short, blocking


ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Ho_Chi_Minh",
    "Asia/Kolkata",
    "Australia/Sydney",
    "UTC",
]
# Starting days just before daylight-saving changes (and one quiet week).
STARTS = [
    at(2026, 3, 27),
    at(2026, 3, 6),
    at(2026, 10, 23),
    at(2026, 10, 30),
    at(2026, 4, 3),
    at(2026, 6, 15),
]


def clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


@st.composite
def working_hours(draw):
    days = draw(st.frozensets(st.integers(0, 6), min_size=1))
    begin = draw(st.integers(5 * 2, 12 * 2)) * 30
    finish = begin + draw(st.integers(4, 20)) * 30
    if draw(st.booleans()):
        return tuple(WorkingPeriod(day, clock(begin), clock(finish)) for day in sorted(days))
    lunch = (begin + finish) // 2 // 30 * 30
    return tuple(
        WorkingPeriod(day, clock(a), clock(b))
        for day in sorted(days)
        for a, b in ((begin, lunch), (lunch + 30, finish + 30))
        if a < b
    )


@st.composite
def requests(draw, unit=5, hours=(6, 72), most_busy=5):
    """Small requests whose times all fall on ``unit``-minute boundaries."""
    start = draw(st.sampled_from(STARTS)) + draw(st.integers(0, 24 * 60 // unit)) * unit * MINUTE
    length = draw(st.integers(hours[0] * 60 // unit, hours[1] * 60 // unit)) * unit
    people = []
    for index in range(draw(st.integers(1, 4))):
        intervals = []
        for _ in range(draw(st.integers(0, most_busy))):
            begin = start + draw(st.integers(-180 // unit, (length + 60) // unit)) * unit * MINUTE
            intervals.append(busy(begin, begin + draw(st.integers(1, 300 // unit)) * unit * MINUTE))
        people.append(
            Participant(
                id=f"p{index}",
                time_zone=draw(st.sampled_from(ZONES)),
                working_hours=draw(working_hours()),
                busy=tuple(intervals),
                required=index == 0 or draw(st.booleans()),
            )
        )
    required = [p.id for p in people if p.required]
    quorum = None
    if draw(st.booleans()):
        must = draw(st.frozensets(st.sampled_from(required)))
        quorum = Quorum(draw(st.sampled_from([0.34, 0.5, 0.75, 1.0])), must)
    return SlotRequest(
        participants=tuple(people),
        duration=draw(st.integers(15 // unit, 180 // unit)) * unit * MINUTE,
        window_start=start,
        window_end=start + length * MINUTE,
        step=draw(st.sampled_from([s for s in (5, 10, 15, 30, 60) if s % unit == 0])) * MINUTE,
        limit=draw(st.integers(1, 6)),
        quorum=quorum,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_slots_match_a_minute_by_minute_scan(request):
    check_against_scan(request, brute_force(request))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(unit=15, hours=(5 * 24, 12 * 24), most_busy=25))
def test_windows_longer_than_a_week_match_a_quarter_hour_scan(request):
    # Past the first week the search reads only the rest and joins it to the first week.
    check_against_scan(request, brute_force(request, unit=15))


def test_a_slot_straddling_the_end_of_the_first_week_is_found():
    always = tuple(WorkingPeriod(day, time(0), time(0)) for day in range(7))
    week = at(2026, 1, 12)
    person = Participant(
        "an",
        "UTC",
        always,
        busy=(busy(at(2026, 1, 5), week - 30 * MINUTE), busy(week + 30 * MINUTE, at(2026, 1, 19))),
    )
    result = search([person], 60, at(2026, 1, 5), at(2026, 1, 19))
    assert [slot.start for slot in result.slots] == [week - 30 * MINUTE]


def check_against_scan(request: SlotRequest, candidates: list) -> None:
    """The search agrees with the brute-force scan: slots, who is free, blockers."""
    result = find_slots(request)
    verdicts = [(moment, free, *oracle_verdict(request, free)) for moment, free in candidates]
    possible = [(moment, free) for moment, free, ok, _, _ in verdicts if ok]
    required = [p.id for p in request.participants if p.required]
    optional = [p.id for p in request.participants if not p.required]
    # Nothing earlier is missed, and the slots are exactly the first possible ones.
    assert [s.start for s in result.slots] == [m for m, _ in possible[: request.limit]]
    free_at = dict(candidates)
    for slot in (*result.slots, *result.closest_slots):
        free = free_at[slot.start]
        assert slot.end - slot.start == request.duration
        assert slot.free_required == tuple(p for p in required if p in free)
        assert slot.missing_required == tuple(p for p in required if p not in free)
        assert slot.free_optional == tuple(p for p in optional if p in free)
        assert request.window_start <= slot.start and slot.end <= request.window_end
    if possible:
        assert result.blockers == () and result.closest_slots == ()
        return
    check_blockers(request, result, verdicts)


def check_blockers(request, result, verdicts):
    """With no slot, blockers and closest slots agree with the brute force."""
    assert result.slots == ()
    if not verdicts:
        assert result.blockers == ()
        return
    fewest = min(distance for _, _, _, distance, _ in verdicts)
    near = [
        (moment, free, who) for moment, free, _, distance, who in verdicts if distance == fewest
    ]
    order = [p.id for p in request.participants if p.required]
    counts = {p: sum(p in who for _, _, who in near) for p in order}
    expected = sorted(
        (Blocker(p, n) for p, n in counts.items() if n),
        key=lambda b: (-b.blocked_starts, order.index(b.participant_id)),
    )
    assert list(result.blockers) == expected
    anyone = bool(near[0][1] & set(order))
    wanted = [moment for moment, _, _ in near[: request.limit]] if anyone else []
    assert [s.start for s in result.closest_slots] == wanted


def test_new_york_day_moves_an_hour_later_in_utc_when_dst_ends():
    person = Participant("lan", "America/New_York", office())
    result = search([person], 8 * 60, at(2026, 10, 30), at(2026, 11, 4), step=timedelta(hours=1))
    starts = [slot.start for slot in result.slots]
    # Friday 30 October is on EDT (UTC−4); Monday 2 November on EST (UTC−5).
    assert starts == [at(2026, 10, 30, 13), at(2026, 11, 2, 14), at(2026, 11, 3, 14)]


def test_berlin_day_moves_an_hour_earlier_in_utc_when_dst_starts():
    person = Participant("jonas", "Europe/Berlin", office())
    result = search([person], 8 * 60, at(2026, 3, 27), at(2026, 3, 31), step=timedelta(hours=1))
    assert [slot.start for slot in result.slots] == [at(2026, 3, 27, 8), at(2026, 3, 30, 7)]


def test_berlin_and_ho_chi_minh_overlap_widens_after_berlin_changes_clocks():
    people = [
        Participant("jonas", "Europe/Berlin", office()),
        Participant("minh", "Asia/Ho_Chi_Minh", office()),
    ]
    # Before the change the common time is 08:00–10:00 UTC: too short for 2.5 hours.
    result = search(people, 150, at(2026, 3, 25), at(2026, 4, 2), limit=2)
    assert [slot.start for slot in result.slots] == [at(2026, 3, 30, 7), at(2026, 3, 30, 7, 15)]
    assert search(people, 120, at(2026, 3, 25), at(2026, 4, 2)).slots[0].start == at(2026, 3, 25, 8)


def test_ho_chi_minh_has_no_dst_and_busy_times_may_carry_any_offset():
    saigon = timezone(timedelta(hours=7))
    person = Participant(
        "minh",
        "Asia/Ho_Chi_Minh",
        office(),
        busy=(
            BusyInterval(
                datetime(2026, 3, 30, 9, tzinfo=saigon),
                datetime(2026, 3, 30, 10, 30, tzinfo=saigon),
            ),
        ),
    )
    result = search([person], 60, at(2026, 3, 30), at(2026, 3, 31), limit=2)
    assert [slot.start for slot in result.slots] == [at(2026, 3, 30, 3, 30), at(2026, 3, 30, 3, 45)]


def test_working_hours_that_start_in_the_skipped_hour_start_at_the_change():
    # On 29 March 2026 Berlin's clocks jump from 02:00 to 03:00 (01:00 UTC).
    person = Participant("jonas", "Europe/Berlin", (WorkingPeriod(6, time(2, 30), time(5)),))
    result = search([person], 60, at(2026, 3, 28), at(2026, 3, 30), limit=10)
    starts = [slot.start for slot in result.slots]
    assert starts[0] == at(2026, 3, 29, 1) and starts[-1] == at(2026, 3, 29, 2)


def test_working_until_midnight():
    person = Participant("night", "UTC", (WorkingPeriod(0, time(22), time(0)),))
    result = search([person], 120, at(2026, 1, 12), at(2026, 1, 14))
    assert [slot.start for slot in result.slots] == [at(2026, 1, 12, 22)]


TEAM = [
    Participant("an", "UTC", office(), busy=(busy(at(2026, 1, 12, 9), at(2026, 1, 12, 10)),)),
    Participant("binh", "UTC", office()),
    Participant("chi", "UTC", office()),
    Participant("dung", "UTC", office()),
    Participant("giang", "UTC", office(), required=False),
]


def test_everyone_required_waits_for_the_busy_person():
    result = search(TEAM, 30, at(2026, 1, 12), at(2026, 1, 13), limit=1)
    assert result.slots[0].start == at(2026, 1, 12, 10)
    assert result.slots[0].free_optional == ("giang",)


def test_a_quorum_meets_without_one_person_unless_they_must_attend():
    three_quarters = Quorum(0.75)
    result = search(TEAM, 30, at(2026, 1, 12), at(2026, 1, 13), limit=1, quorum=three_quarters)
    assert result.slots[0].start == at(2026, 1, 12, 9)
    assert result.slots[0].missing_required == ("an",)
    must = Quorum(0.75, frozenset({"an"}))
    result = search(TEAM, 30, at(2026, 1, 12), at(2026, 1, 13), limit=1, quorum=must)
    assert result.slots[0].start == at(2026, 1, 12, 10)


def test_optional_participants_are_reported_but_never_block():
    giang_busy = Participant(
        "giang",
        "UTC",
        office(),
        busy=(busy(at(2026, 1, 12, 10), at(2026, 1, 12, 11)),),
        required=False,
    )
    result = search([*TEAM[:4], giang_busy], 30, at(2026, 1, 12), at(2026, 1, 13), limit=3)
    assert [s.start for s in result.slots] == [
        at(2026, 1, 12, 10),
        at(2026, 1, 12, 10, 15),
        at(2026, 1, 12, 10, 30),
    ]
    assert all(s.free_optional == () for s in result.slots)


def test_the_person_in_another_time_zone_blocks_most():
    people = [
        Participant("minh", "Asia/Ho_Chi_Minh", office()),
        Participant("lan", "Asia/Ho_Chi_Minh", office()),
        Participant("hoa", "Asia/Ho_Chi_Minh", office()),
        Participant("sam", "America/New_York", office()),
    ]
    result = search(people, 60, at(2026, 1, 12), at(2026, 1, 17), step=timedelta(minutes=30))
    assert result.slots == ()
    # Ho Chi Minh works 02:00–10:00 UTC: 15 one-hour starts a day, Monday to Friday.
    assert result.blockers == (Blocker("sam", 75),)
    closest = result.closest_slots[0]
    assert closest.start == at(2026, 1, 12, 2)
    assert closest.missing_required == ("sam",)
    assert closest.free_required == ("minh", "lan", "hoa")


def test_two_blockers_are_both_named():
    people = [
        Participant("minh", "Asia/Ho_Chi_Minh", office()),
        Participant("sam", "America/New_York", office()),
        Participant(
            "ava", "America/New_York", office(), busy=(busy(at(2026, 1, 12), at(2026, 1, 14)),)
        ),
    ]
    result = search(people, 60, at(2026, 1, 12), at(2026, 1, 14), step=timedelta(hours=1))
    # Closest starts miss two people: sam and ava in Ho Chi Minh's hours (16 one-hour
    # starts over two days), minh and ava in New York's (16 more).
    assert result.blockers == (Blocker("ava", 32), Blocker("minh", 16), Blocker("sam", 16))


def test_nobody_working_in_the_window_gives_no_closest_slot():
    people = [Participant("minh", "Asia/Ho_Chi_Minh", office())]
    result = search(people, 60, at(2026, 1, 10), at(2026, 1, 11))  # a Saturday
    assert result.slots == () and result.closest_slots == ()
    assert result.blockers[0].participant_id == "minh"


ONE = [Participant("an", "UTC", office())]
BACKWARDS_BUSY = Participant(
    "an", "UTC", office(), (busy(at(2026, 1, 12, 10), at(2026, 1, 12, 9)),)
)
NAIVE_BUSY = Participant(
    "an", "UTC", office(), (BusyInterval(datetime(2026, 1, 12), datetime(2026, 1, 13)),)
)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"window_end": at(2026, 1, 11)}, slots.WINDOW_ENDS_BEFORE_START),
        ({"duration": timedelta(days=2)}, "longer than the search window"),
        ({"duration": timedelta(0)}, slots.DURATION_NOT_POSITIVE),
        ({"step": timedelta(seconds=90)}, slots.STEP_NOT_WHOLE_MINUTES),
        ({"limit": 0}, slots.LIMIT_NOT_POSITIVE),
        ({"window_start": datetime(2026, 1, 12)}, "must carry a time zone"),
        ({"participants": (Participant("an", "Mars/Olympus", office()),)}, "unknown time zone"),
        ({"participants": (ONE[0], ONE[0])}, "more than once"),
        ({"participants": (Participant("an", "UTC", office(), required=False),)}, "required"),
        ({"participants": (Participant("an", "UTC", office(17, 9)),)}, "are not valid"),
        ({"participants": (BACKWARDS_BUSY,)}, "ends before it starts"),
        ({"participants": (NAIVE_BUSY,)}, "must carry a time zone"),
        ({"quorum": Quorum(0)}, "above 0"),
        ({"quorum": Quorum(0.5, frozenset({"ghost"}))}, "'ghost'"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(changes, message):
    fields = {
        "participants": tuple(ONE),
        "duration": timedelta(hours=1),
        "window_start": at(2026, 1, 12),
        "window_end": at(2026, 1, 13),
    }
    fields.update(changes)
    with pytest.raises(SlotSearchError, match=re.escape(message)):
        find_slots(SlotRequest(**fields))


@pytest.mark.parametrize("module", [slots, free_time])
def test_pure_core_imports_only_the_standard_library(module):
    allowed = set(sys.stdlib_module_names) | {"dateutil", "__future__"}
    for node in ast.walk(ast.parse(Path(module.__file__).read_text())):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                assert name.split(".")[0] in allowed or name.startswith("deptcoord.meetings."), name
