"""Key-result forecasts, risk flags and goal roll-up."""

from __future__ import annotations

import ast
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.goals import forecast
from deptcoord.goals.forecast import (
    CheckIn,
    Direction,
    ForecastError,
    GoalNode,
    KeyResultTrack,
    Method,
    Risk,
    WeightedProgress,
    expected_progress_percent,
    forecast_key_result,
    progress_percent,
    roll_up_goal,
)

QUICK = settings(max_examples=80, deadline=None)
START = date(2026, 1, 1)
END = date(2026, 4, 1)  # 90 days
DAY = timedelta(days=1)


def track(start_value, target, points, direction=Direction.INCREASE) -> KeyResultTrack:
    check_ins = tuple(CheckIn(START + day * DAY, value) for day, value in points)
    return KeyResultTrack(start_value, target, direction, START, END, check_ins)


@QUICK
@given(
    intercept=st.floats(-1000, 1000),
    slope=st.floats(-20, 20),
    days=st.lists(st.integers(0, 80), min_size=2, max_size=12, unique=True),
)
def test_perfectly_linear_check_ins_forecast_the_linear_end_value(intercept, slope, days):
    points = [(day, intercept + slope * day) for day in sorted(days)]
    result = forecast_key_result(track(0, 1e6, points), as_of=START + 85 * DAY, recent_check_ins=12)
    assert result.method is Method.TREND
    assert result.projected_value == pytest.approx(intercept + slope * 90, abs=1e-6)
    if result.band is not None:
        assert result.band.high - result.band.low == pytest.approx(0, abs=1e-6)


def test_a_flat_history_forecasts_no_progress():
    result = forecast_key_result(
        track(40, 100, [(day, 40) for day in range(0, 60, 10)]), as_of=START + 60 * DAY
    )
    assert result.projected_value == pytest.approx(40)
    assert result.projected_progress_percent == pytest.approx(0)
    assert result.band.low == pytest.approx(40) and result.band.high == pytest.approx(40)
    assert result.at_risk
    assert set(result.risks) == {Risk.FORECAST_MISSES_TARGET, Risk.BEHIND_TIME}
    assert result.shortfall == pytest.approx(60)
    assert result.shortfall_percent == pytest.approx(100)


NOISE = [0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5]


@QUICK
@given(
    pattern=st.lists(st.floats(-1, 1), min_size=3, max_size=7),
    scale=st.floats(0.5, 50),
)
def test_the_band_widens_in_step_with_the_noise(pattern, scale):
    def width(amplitude):
        points = [(day * 10, 2.0 * day * 10 + amplitude * n) for day, n in enumerate(pattern)]
        result = forecast_key_result(
            track(0, 200, points), as_of=START + 70 * DAY, recent_check_ins=7
        )
        return result.band.high - result.band.low

    quiet, noisy = width(1.0), width(1.0 + scale)
    # Residuals scale with the noise, and so does the prediction interval.
    assert noisy == pytest.approx(quiet * (1.0 + scale), rel=1e-6, abs=1e-9)
    assert noisy + 1e-9 >= quiet


def test_more_noise_more_width_and_the_band_holds_the_forecast():
    quiet = [(d * 10, 20 * d + n) for d, n in enumerate(NOISE)]
    loud = [(d * 10, 20 * d + 10 * n) for d, n in enumerate(NOISE)]
    a = forecast_key_result(track(0, 200, quiet), as_of=START + 70 * DAY, recent_check_ins=7)
    b = forecast_key_result(track(0, 200, loud), as_of=START + 70 * DAY, recent_check_ins=7)
    assert b.band.high - b.band.low > a.band.high - a.band.low > 0
    assert a.band.low < a.projected_value < a.band.high
    assert a.band.confidence == 0.8


def test_a_wider_confidence_gives_a_wider_band():
    points = [(d * 10, 20 * d + n) for d, n in enumerate(NOISE)]
    narrow = forecast_key_result(track(0, 200, points), as_of=START + 70 * DAY, confidence=0.5)
    wide = forecast_key_result(track(0, 200, points), as_of=START + 70 * DAY, confidence=0.95)
    assert wide.band.high - wide.band.low > narrow.band.high - narrow.band.low


def test_decreasing_key_result_on_track():
    # Cut response time from 48 h to 24 h; falling 0.3 h a day reaches 21 h by day 90.
    points = [(day, 48 - 0.3 * day) for day in range(0, 50, 7)]
    result = forecast_key_result(track(48, 24, points, Direction.DECREASE), as_of=START + 49 * DAY)
    assert result.projected_value == pytest.approx(21)
    assert result.progress_percent == pytest.approx((48 - points[-1][1]) / 24 * 100)
    assert result.projected_progress_percent == 100
    assert not result.at_risk and result.shortfall == 0


def test_decreasing_key_result_falling_too_slowly_is_at_risk_by_how_much():
    points = [(day, 48 - 0.1 * day) for day in range(0, 50, 7)]
    result = forecast_key_result(track(48, 24, points, Direction.DECREASE), as_of=START + 49 * DAY)
    assert result.projected_value == pytest.approx(39)
    assert result.risks == (Risk.FORECAST_MISSES_TARGET, Risk.BEHIND_TIME)
    assert result.shortfall == pytest.approx(15)
    assert result.shortfall_percent == pytest.approx(62.5)


def test_behind_time_depends_on_the_margin():
    # 30 % done when 50 % of the period is gone: 20 points behind.
    points = [(0, 0), (45, 30)]
    kr = track(0, 100, points)
    as_of = START + 45 * DAY
    assert Risk.BEHIND_TIME in forecast_key_result(kr, as_of=as_of).risks
    relaxed = forecast_key_result(kr, as_of=as_of, margin_points=25)
    assert Risk.BEHIND_TIME not in relaxed.risks
    assert relaxed.lag_points == pytest.approx(20)
    assert relaxed.expected_progress_percent == pytest.approx(50)


def test_on_track_increase_has_no_risk():
    points = [(day, 1.2 * day) for day in range(0, 40, 5)]
    result = forecast_key_result(track(0, 100, points), as_of=START + 40 * DAY)
    assert result.projected_value == pytest.approx(108)
    assert result.risks == () and not result.at_risk
    assert result.projected_progress_percent == 100


def test_no_check_ins_yet():
    early = forecast_key_result(track(10, 50, []), as_of=START + 5 * DAY)
    assert early.method is Method.NO_CHECK_INS
    assert early.projected_value == 10 and early.band is None
    assert not early.at_risk  # too early to say anything
    late = forecast_key_result(track(10, 50, []), as_of=START + 30 * DAY)
    assert late.risks == (Risk.BEHIND_TIME,)


def test_one_check_in_draws_a_line_from_the_start_value():
    result = forecast_key_result(track(10, 100, [(30, 40)]), as_of=START + 30 * DAY)
    assert result.method is Method.SINGLE_CHECK_IN
    assert result.projected_value == pytest.approx(100)
    assert result.band is None and not result.at_risk
    on_day_one = forecast_key_result(track(10, 100, [(0, 25)]), as_of=START)
    assert on_day_one.projected_value == 25


def test_only_recent_check_ins_shape_the_trend():
    # A flat first month, then a steady climb of 2 a day: the last 4 check-ins tell.
    points = [(0, 0), (10, 0), (20, 0), (30, 0), (40, 20), (50, 40), (60, 60)]
    result = forecast_key_result(track(0, 200, points), as_of=START + 60 * DAY, recent_check_ins=4)
    assert result.projected_value == pytest.approx(120)
    assert result.check_ins_used == 4


def test_check_ins_after_the_as_of_date_are_ignored_and_the_period_can_be_over():
    points = [(10, 10), (20, 20), (30, 30), (95, 999)]
    result = forecast_key_result(track(0, 90, points), as_of=START + 30 * DAY)
    assert result.current_value == 30 and result.projected_value == pytest.approx(90)
    over = forecast_key_result(track(0, 90, points[:3]), as_of=END + 3 * DAY)
    assert over.method is Method.PERIOD_OVER
    assert over.projected_value == 30 and over.shortfall == pytest.approx(60)


def test_decimal_and_string_direction_from_the_database_are_accepted():
    kr = KeyResultTrack(
        Decimal("0"),
        Decimal("100"),
        "increase",
        START,
        END,
        (CheckIn(START + 10 * DAY, Decimal("12.5")),),
    )
    assert forecast_key_result(kr, as_of=START + 10 * DAY).current_value == 12.5


def test_progress_is_clamped_and_handles_both_directions():
    assert progress_percent(0, 100, Direction.INCREASE, 150) == 100
    assert progress_percent(0, 100, Direction.INCREASE, -5) == 0
    assert progress_percent(100, 50, Direction.DECREASE, 80) == pytest.approx(40)
    assert progress_percent(100, 50, Direction.DECREASE, 120) == 0
    assert progress_percent(5, 5, Direction.DECREASE, 4) == 100
    assert progress_percent(5, 5, Direction.INCREASE, 4) == 0
    assert progress_percent(5, 5, "decrease", 4) == 100
    assert expected_progress_percent(START, END, START - DAY) == 0
    assert expected_progress_percent(START, END, START + 45 * DAY) == 50
    assert expected_progress_percent(START, END, END + DAY) == 100


@pytest.mark.parametrize(
    ("kr", "options", "message"),
    [
        (
            KeyResultTrack(0, 10, Direction.INCREASE, END, START),
            {},
            forecast.PERIOD_ENDS_BEFORE_START,
        ),
        (KeyResultTrack(10, 0, Direction.INCREASE, START, END), {}, "should increase"),
        (KeyResultTrack(0, 10, Direction.DECREASE, START, END), {}, "should decrease"),
        (KeyResultTrack(0, 10, "sideways", START, END), {}, "'sideways'"),
        (KeyResultTrack(0, float("nan"), Direction.INCREASE, START, END), {}, "finite number"),
        (
            KeyResultTrack(0, 10, Direction.INCREASE, START, END, (CheckIn(START, "many"),)),
            {},
            "finite number",
        ),
        (
            KeyResultTrack(0, 10, Direction.INCREASE, START, END),
            {"recent_check_ins": 1},
            "at least 2",
        ),
        (
            KeyResultTrack(0, 10, Direction.INCREASE, START, END),
            {"confidence": 1.0},
            "between 0 and 1",
        ),
        (KeyResultTrack(0, 10, Direction.INCREASE, START, END), {"margin_points": -1}, "0 or more"),
    ],
)
def test_bad_key_results_are_refused_with_a_clear_message(kr, options, message):
    with pytest.raises(ForecastError, match=message):
        forecast_key_result(kr, as_of=START, **options)


def test_student_t_values_match_the_tables():
    quantile = forecast._student_t_quantile
    assert quantile(0.95, 1) == pytest.approx(12.706, abs=1e-3)
    assert quantile(0.95, 2) == pytest.approx(4.303, abs=1e-3)
    assert quantile(0.95, 10) == pytest.approx(2.228, abs=1e-3)
    assert quantile(0.80, 5) == pytest.approx(1.476, abs=1e-3)
    assert quantile(0.95, 500) == pytest.approx(1.965, abs=1e-2)


def kr(name, progress, weight=1.0):
    return WeightedProgress(name, progress, weight)


def test_roll_up_across_three_levels_with_weights():
    team_web = GoalNode("team-web", (kr("signups", 80, 3), kr("bounce", 40, 1)))  # 70
    team_shop = GoalNode("team-shop", (kr("orders", 30),), weight=1)  # 30
    marketing = GoalNode("marketing", (kr("brand", 60, 2),), (team_web, team_shop), weight=2)
    # marketing: (60·2 + 70·1 + 30·1) / 4 = 55
    sales = GoalNode("sales", (kr("revenue", 100),), weight=1)  # 100
    company = GoalNode("company", (kr("nps", 10, 1),), (marketing, sales))
    # company: (10·1 + 55·2 + 100·1) / 4 = 55
    result = roll_up_goal(company)
    assert result.progress_percent == pytest.approx(55)
    by_goal = result.by_goal()
    assert by_goal["team-web"] == pytest.approx(70)
    assert by_goal["marketing"] == pytest.approx(55)
    assert by_goal["sales"] == pytest.approx(100)
    assert [child.goal_id for child in result.children] == ["marketing", "sales"]


def test_goals_with_nothing_measurable_are_left_out_not_counted_as_zero():
    empty = GoalNode("new-idea")
    zero_weight = GoalNode("parked", (kr("x", 90),), weight=0)
    parent = GoalNode("parent", (kr("a", 40),), (empty, zero_weight))
    result = roll_up_goal(parent)
    assert result.progress_percent == pytest.approx(40)
    assert result.by_goal()["new-idea"] is None
    assert roll_up_goal(GoalNode("lonely")).progress_percent is None


def test_roll_up_clamps_progress_and_refuses_negative_weights():
    assert roll_up_goal(GoalNode("g", (kr("a", 150), kr("b", -10)))).progress_percent == 50
    with pytest.raises(ForecastError, match="must be 0 or more"):
        roll_up_goal(GoalNode("g", (kr("a", 50, -1),)))


def test_deep_goal_trees_roll_up_without_recursion():
    node = GoalNode("leaf", (kr("k", 42),))
    for level in range(5000):
        node = GoalNode(f"level-{level}", children=(node,))
    assert roll_up_goal(node).progress_percent == pytest.approx(42)


@QUICK
@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0.1, 10)), min_size=1, max_size=8))
def test_rolled_up_progress_stays_within_its_parts(parts):
    goal = GoalNode("g", tuple(kr(i, p, w) for i, (p, w) in enumerate(parts)))
    progress = roll_up_goal(goal).progress_percent
    values = [p for p, _ in parts]
    assert min(values) - 1e-9 <= progress <= max(values) + 1e-9


def test_pure_core_imports_only_the_standard_library():
    allowed = set(sys.stdlib_module_names) | {"dateutil", "__future__"}
    for node in ast.walk(ast.parse(Path(forecast.__file__).read_text())):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            assert all(name.split(".")[0] in allowed for name in names), names
