"""Benchmark: common free time for 200 participants over 60 days of recurring busy blocks.

    python bench/slot_finder.py [--people 200] [--days 60] [--runs 50] [--seed 11]

The company: teams of ten in Ho Chi Minh City, Berlin and Singapore, each with a daily
stand-up and a weekly team meeting; everyone has a weekly 1:1, two weekly focus blocks,
some ad-hoc meetings and a few days off. Series are expanded with dateutil's rrule, as
the meetings app will. Several searches are timed (median and p95 over ``--runs``);
figures are printed and written to bench/results/slot_finder.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, WEEKLY, rrule

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from deptcoord.meetings.slots import (  # noqa: E402
    BusyInterval,
    Participant,
    Quorum,
    SlotRequest,
    WorkingPeriod,
    find_slots,
)

RESULTS = REPOSITORY / "bench" / "results" / "slot_finder.json"
START = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday; Berlin changes clocks on 29 March
WEEKDAYS = (MO, TU, WE, TH, FR)
ZONES = ("Asia/Ho_Chi_Minh",) * 14 + ("Europe/Berlin",) * 4 + ("Asia/Singapore",) * 2
OFFICE = tuple(WorkingPeriod(day, clock(8, 30), clock(17, 30)) for day in range(5))


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def series(zone: str, rule: dict, at: clock, minutes: int, days: int) -> list[BusyInterval]:
    """Expand a recurring meeting held at a local clock time into UTC busy intervals."""
    local = datetime.combine(START.date(), at, tzinfo=ZoneInfo(zone))
    until = local + timedelta(days=days)
    return [
        BusyInterval(moment.astimezone(UTC), (moment + timedelta(minutes=minutes)).astimezone(UTC))
        for moment in rrule(dtstart=local, until=until, **rule)
    ]


def _quarter(rng: random.Random, first_hour: int, last_hour: int) -> clock:
    return clock(rng.randint(first_hour, last_hour), rng.choice((0, 15, 30, 45)))


def company(people: int, days: int, seed: int) -> list[Participant]:
    """Participants with team and personal recurring meetings, ad-hoc meetings and days off."""
    rng = random.Random(seed)
    result = []
    for team in range((people + 9) // 10):
        zone = ZONES[team % len(ZONES)]
        team_busy = series(
            zone, {"freq": DAILY, "byweekday": WEEKDAYS}, _quarter(rng, 8, 9), 15, days
        )
        weekly = {"freq": WEEKLY, "byweekday": rng.choice(WEEKDAYS)}
        team_busy += series(zone, weekly, _quarter(rng, 10, 15), 60, days)
        for member in range(min(10, people - team * 10)):
            busy = list(team_busy)
            busy += series(
                zone,
                {"freq": WEEKLY, "byweekday": rng.choice(WEEKDAYS)},
                _quarter(rng, 9, 16),
                30,
                days,
            )
            for _ in range(2):
                focus = {"freq": WEEKLY, "byweekday": rng.choice(WEEKDAYS)}
                busy += series(zone, focus, _quarter(rng, 9, 14), 120, days)
            for _ in range(days):
                begin = START + timedelta(
                    days=rng.randrange(days),
                    hours=rng.randrange(0, 12),
                    minutes=rng.choice((0, 30)),
                )
                busy.append(
                    BusyInterval(begin, begin + timedelta(minutes=rng.choice((30, 60, 90))))
                )
            for _ in range(rng.randint(0, 3)):
                off = START + timedelta(days=rng.randrange(days))
                busy.append(BusyInterval(off, off + timedelta(days=rng.randint(1, 3))))
            result.append(Participant(f"t{team}-m{member}", zone, OFFICE, tuple(busy)))
    return result


def scenarios(participants: list[Participant], days: int) -> dict[str, SlotRequest]:
    """The searches to time."""
    window = {"window_start": START, "window_end": START + timedelta(days=days)}

    def request(required: int, minutes: int, **options) -> SlotRequest:
        chosen = tuple(
            Participant(p.id, p.time_zone, p.working_hours, p.busy, index < required)
            for index, p in enumerate(participants)
        )
        return SlotRequest(chosen, timedelta(minutes=minutes), **window, **options)

    must = frozenset(p.id for p in participants[:3])
    return {
        "5 required, 195 optional, 60 min": request(5, 60),
        "20 required, 180 optional, 60 min": request(20, 60),
        "200 required, 30 min (no common slot: who blocks)": request(len(participants), 30),
        "200 required, quorum 60 % + 3 must-attend, 60 min": request(
            len(participants), 60, quorum=Quorum(0.6, must)
        ),
    }


def _time(request: SlotRequest, runs: int) -> dict:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        result = find_slots(request)
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    first = result.slots[0] if result.slots else None
    return {
        "best_ms": round(timings[0], 2),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 2),
        "max_ms": round(timings[-1], 2),
        "slots": len(result.slots),
        "first_slot": first.start.isoformat() if first else None,
        "top_blockers": [[b.participant_id, b.blocked_starts] for b in result.blockers[:3]],
        "closest_slots": len(result.closest_slots),
    }


def main() -> int:
    """Run the benchmark and report."""
    options = _arguments()
    participants = company(options.people, options.days, options.seed)
    intervals = sum(len(p.busy) for p in participants)
    figures = {
        "people": len(participants),
        "days": options.days,
        "busy_intervals": intervals,
        "runs": options.runs,
        "seed": options.seed,
        "python": platform.python_version(),
        "searches": {},
    }
    print(f"{len(participants)} people, {options.days} days, {intervals} busy intervals")
    for name, request in scenarios(participants, options.days).items():
        figures["searches"][name] = timed = _time(request, options.runs)
        print(
            f"{name:52} median {timed['median_ms']:7.2f} ms  p95 {timed['p95_ms']:7.2f} ms  "
            f"best {timed['best_ms']:7.2f} ms"
        )
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
