"""More properties of the pure forecast: decreasing key results mirror increasing ones."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.goals.forecast import (
    CheckIn,
    Direction,
    KeyResultTrack,
    Method,
    forecast_key_result,
)

START = date(2026, 1, 1)
END = date(2026, 4, 1)
QUICK = settings(max_examples=60, deadline=None)


def _track(start, target, points, direction):
    check_ins = tuple(CheckIn(START + timedelta(days=day), value) for day, value in points)
    return KeyResultTrack(start, target, direction, START, END, check_ins)


@QUICK
@given(
    start=st.floats(100, 1000),
    drop=st.floats(1, 99),
    pace=st.floats(0.2, 1.8),
    days=st.lists(st.integers(1, 80), min_size=3, max_size=10, unique=True),
)
def test_a_decreasing_key_result_mirrors_the_increasing_one(start, drop, pace, days):
    """Falling from start by ``drop`` is forecast exactly like rising by it."""
    slope = drop / 90 * pace
    falling = [(day, start - slope * day) for day in sorted(days)]
    rising = [(day, start + slope * day) for day in sorted(days)]
    down = forecast_key_result(
        _track(start, start - drop, falling, Direction.DECREASE), as_of=START + timedelta(days=85)
    )
    up = forecast_key_result(
        _track(start, start + drop, rising, Direction.INCREASE), as_of=START + timedelta(days=85)
    )
    assert down.method is Method.TREND
    assert down.projected_value == pytest.approx(start - slope * 90, rel=1e-9)
    assert down.progress_percent == pytest.approx(up.progress_percent, abs=1e-6)
    assert down.at_risk == up.at_risk
    assert down.shortfall == pytest.approx(up.shortfall, abs=1e-6)
