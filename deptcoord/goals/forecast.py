"""Key-result forecasts (where will this number be at the end of the period?) and goal roll-up.

Pure. The forecast is a least-squares line through the most recent check-ins (the
last ``recent_check_ins``, six by default), read at the period end, with a
prediction interval from the residuals: the noisier the check-ins, the wider the
band. With fewer than two check-ins there is no trend to fit (see ``Method``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from statistics import NormalDist

GoalId = int | str
KeyResultId = int | str

PERIOD_ENDS_BEFORE_START = "The period must end after it starts."
TARGET_AGAINST_DIRECTION = (
    "A key result that should {direction} needs a target on that side of its start value "
    "(start {start}, target {target})."
)
UNKNOWN_DIRECTION = "The direction must be 'increase' or 'decrease'; got {direction!r}."
NOT_A_NUMBER = "{what} must be a finite number; got {value}."
TOO_FEW_RECENT_CHECK_INS = "Fit the trend over at least 2 recent check-ins."
BAD_CONFIDENCE = "The confidence of the band must be between 0 and 1; got {confidence}."
NEGATIVE_MARGIN = "The margin must be 0 or more percentage points; got {margin}."
NEGATIVE_WEIGHT = "The weight of {what} {item_id!r} must be 0 or more; got {weight}."


class ForecastError(ValueError):
    """A key result or goal tree that cannot be forecast or rolled up as given."""


class Direction(StrEnum):
    """Whether the key result is reached by raising the number or by lowering it."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Method(StrEnum):
    """How the projection was made."""

    TREND = "trend"  # least squares over two or more check-in dates
    SINGLE_CHECK_IN = "single_check_in"  # straight line from the start value to one check-in
    NO_CHECK_INS = "no_check_ins"  # nothing reported yet: the start value stands
    PERIOD_OVER = "period_over"  # the period has ended: the latest value is the result


class Risk(StrEnum):
    """Why a key result is at risk."""

    FORECAST_MISSES_TARGET = "forecast_misses_target"
    BEHIND_TIME = "behind_time"  # progress lags the time elapsed by more than the margin


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A value reported on a day."""

    day: date
    value: float


@dataclass(frozen=True)
class KeyResultTrack:
    """A key result's plan (start, target, direction, period) and its check-ins so far."""

    start_value: float
    target: float
    direction: Direction
    period_start: date
    period_end: date
    check_ins: tuple[CheckIn, ...] = ()


@dataclass(frozen=True, slots=True)
class Band:
    """The range the end value falls in with the given confidence (a prediction interval)."""

    low: float
    high: float
    confidence: float


@dataclass(frozen=True)
class KeyResultForecast:
    """Where a key result stands and where it is heading, and whether it is at risk.

    ``shortfall`` is in the key result's unit; ``shortfall_percent`` is the same as a
    share of the planned change (target − start). ``lag_points`` is expected minus
    actual progress in percentage points (negative when ahead of time).
    """

    as_of: date
    current_value: float
    projected_value: float
    band: Band | None
    method: Method
    check_ins_used: int
    progress_percent: float
    projected_progress_percent: float
    expected_progress_percent: float
    at_risk: bool
    risks: tuple[Risk, ...]
    shortfall: float
    shortfall_percent: float
    lag_points: float


def progress_percent(
    start_value: float, target: float, direction: Direction, value: float
) -> float:
    """How far ``value`` has come from start to target, 0–100, for either direction."""
    span = target - start_value
    if span == 0:
        return 100.0 if _meets(value, target, direction) else 0.0
    return min(100.0, max(0.0, (value - start_value) / span * 100.0))


def expected_progress_percent(period_start: date, period_end: date, as_of: date) -> float:
    """The share of the period elapsed by ``as_of``, 0–100: where a steady pace would be."""
    elapsed = (as_of - period_start).days / (period_end - period_start).days
    return min(100.0, max(0.0, elapsed * 100.0))


def forecast_key_result(
    track: KeyResultTrack,
    *,
    as_of: date,
    recent_check_ins: int = 6,
    margin_points: float = 15.0,
    confidence: float = 0.8,
) -> KeyResultForecast:
    """Project the value at period end from check-ins up to ``as_of`` and flag the risks."""
    track = _validated(track, recent_check_ins, margin_points, confidence)
    reported = sorted((c for c in track.check_ins if c.day <= as_of), key=lambda c: c.day)
    current = reported[-1].value if reported else track.start_value
    recent = reported[-recent_check_ins:]
    projected, band, method = _project(track, as_of, current, recent, confidence)
    progress = _progress(track, current)
    projected_progress = _progress(track, projected)
    expected = expected_progress_percent(track.period_start, track.period_end, as_of)
    shortfall = _shortfall(track, projected)
    span = abs(track.target - track.start_value)
    shortfall_percent = shortfall / span * 100.0 if span else (100.0 if shortfall else 0.0)
    # With no check-in there is no forecast to miss; only the time elapsed can warn.
    misses = method is not Method.NO_CHECK_INS and shortfall > 0
    risks = [Risk.FORECAST_MISSES_TARGET] if misses else []
    risks += [Risk.BEHIND_TIME] if expected - progress > margin_points else []
    return KeyResultForecast(
        as_of=as_of,
        current_value=current,
        projected_value=projected,
        band=band,
        method=method,
        check_ins_used=len(recent) if method is Method.TREND else min(len(recent), 1),
        progress_percent=progress,
        projected_progress_percent=projected_progress,
        expected_progress_percent=expected,
        at_risk=bool(risks),
        risks=tuple(risks),
        shortfall=shortfall,
        shortfall_percent=shortfall_percent,
        lag_points=expected - progress,
    )


def _validated(track: KeyResultTrack, recent: int, margin: float, confidence: float):
    """Check the inputs; return the track with every number as a float (Decimal in, float out)."""
    if track.period_end <= track.period_start:
        raise ForecastError(PERIOD_ENDS_BEFORE_START)
    start, target = (
        _number("The start value", track.start_value),
        _number("The target", track.target),
    )
    check_ins = tuple(
        CheckIn(c.day, _number(f"The check-in of {c.day}", c.value)) for c in track.check_ins
    )
    try:
        direction = Direction(track.direction)
    except ValueError as error:
        raise ForecastError(UNKNOWN_DIRECTION.format(direction=track.direction)) from error
    span = target - start
    if (span < 0) if direction is Direction.INCREASE else (span > 0):
        raise ForecastError(
            TARGET_AGAINST_DIRECTION.format(
                direction=direction.value, start=track.start_value, target=track.target
            )
        )
    if recent < 2:
        raise ForecastError(TOO_FEW_RECENT_CHECK_INS)
    if not 0 < confidence < 1:
        raise ForecastError(BAD_CONFIDENCE.format(confidence=confidence))
    if margin < 0:
        raise ForecastError(NEGATIVE_MARGIN.format(margin=margin))
    return replace(
        track, start_value=start, target=target, direction=direction, check_ins=check_ins
    )


def _number(what: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise ForecastError(NOT_A_NUMBER.format(what=what, value=value))
    return number


def _project(
    track: KeyResultTrack, as_of: date, current: float, recent: list[CheckIn], confidence: float
) -> tuple[float, Band | None, Method]:
    """The projected end value, its band (when the residuals allow one) and the method used."""
    if as_of >= track.period_end:
        return current, None, Method.PERIOD_OVER
    if not recent:
        return track.start_value, None, Method.NO_CHECK_INS
    end_x = float((track.period_end - track.period_start).days)
    xs = [float((c.day - track.period_start).days) for c in recent]
    if len(set(xs)) < 2:
        # One check-in date: the only trend there is runs from the start value to it.
        elapsed = xs[-1]
        if elapsed <= 0:
            return current, None, Method.SINGLE_CHECK_IN
        slope = (current - track.start_value) / elapsed
        return track.start_value + slope * end_x, None, Method.SINGLE_CHECK_IN
    ys = [c.value for c in recent]
    projected, half_width = _least_squares_at(xs, ys, end_x, confidence)
    band = (
        None
        if half_width is None
        else Band(projected - half_width, projected + half_width, confidence)
    )
    return projected, band, Method.TREND


def _least_squares_at(
    xs: list[float], ys: list[float], x: float, confidence: float
) -> tuple[float, float | None]:
    """The fitted line's value at ``x`` and the half-width of its prediction interval there."""
    n = len(xs)
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    sxx = math.fsum((xi - mean_x) ** 2 for xi in xs)
    sxy = math.fsum((xi - mean_x) * (yi - mean_y) for xi, yi in zip(xs, ys, strict=True))
    slope = sxy / sxx
    # Centring on the means keeps the value exact for perfectly linear check-ins.
    value = mean_y + slope * (x - mean_x)
    if n < 3:
        return value, None  # two points fit any line exactly: no residuals to learn noise from
    residuals = math.fsum(
        (yi - mean_y - slope * (xi - mean_x)) ** 2 for xi, yi in zip(xs, ys, strict=True)
    )
    spread = math.sqrt(residuals / (n - 2))
    standard_error = spread * math.sqrt(1 + 1 / n + (x - mean_x) ** 2 / sxx)
    return value, _student_t_quantile(confidence, n - 2) * standard_error


def _student_t_quantile(confidence: float, dof: int) -> float:
    """The t with P(|T| < t) = ``confidence`` for Student's t with ``dof`` degrees of freedom."""
    if dof > 200:
        return NormalDist().inv_cdf((1 + confidence) / 2)
    low, high = 0.0, 1.0
    while _t_central_probability(high, dof) < confidence:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        if _t_central_probability(middle, dof) < confidence:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _t_central_probability(t: float, dof: int) -> float:
    """P(|T| < t) for integer degrees of freedom (Abramowitz & Stegun 26.7.3 and 26.7.4)."""
    theta = math.atan(t / math.sqrt(dof))
    sine, cosine = math.sin(theta), math.cos(theta)
    if dof % 2:  # odd: 2/π (θ + sinθ (cosθ + 2/3 cos³θ + … ))
        term, total = cosine, 0.0 if dof == 1 else cosine
        for k in range(3, dof - 1, 2):
            term *= (k - 1) / k * cosine * cosine
            total += term
        return 2 / math.pi * (theta + sine * total)
    term, total = 1.0, 1.0  # even: sinθ (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + … )
    for k in range(2, dof - 1, 2):
        term *= (k - 1) / k * cosine * cosine
        total += term
    return sine * total


def _progress(track: KeyResultTrack, value: float) -> float:
    return progress_percent(track.start_value, track.target, track.direction, value)


def _meets(value: float, target: float, direction: Direction) -> bool:
    return value >= target if direction == Direction.INCREASE else value <= target


def _shortfall(track: KeyResultTrack, projected: float) -> float:
    """Units by which ``projected`` falls short of the target; 0 when it meets it.

    A gap within rounding error of the planned change (one part in a billion) is no gap: a
    forecast landing exactly on the target must not read as a miss in one direction only.
    """
    gap = (
        track.target - projected
        if track.direction == Direction.INCREASE
        else projected - track.target
    )
    tolerance = abs(track.target - track.start_value) * 1e-9
    return gap if gap > tolerance else 0.0


@dataclass(frozen=True, slots=True)
class WeightedProgress:
    """A key result's progress (0–100) and how much it counts toward its goal."""

    key_result_id: KeyResultId
    progress_percent: float
    weight: float = 1.0


@dataclass(frozen=True)
class GoalNode:
    """A goal: its key results, the child goals that contribute to it, its weight in its parent."""

    goal_id: GoalId
    key_results: tuple[WeightedProgress, ...] = ()
    children: tuple[GoalNode, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True)
class GoalRollUp:
    """A goal's weighted progress (None when nothing measurable feeds it) and its children's."""

    goal_id: GoalId
    progress_percent: float | None
    children: tuple[GoalRollUp, ...] = ()

    def by_goal(self) -> dict[GoalId, float | None]:
        """Every goal in the tree mapped to its progress."""
        found, pending = {}, [self]
        while pending:
            node = pending.pop()
            found[node.goal_id] = node.progress_percent
            pending.extend(node.children)
        return found


def roll_up_goal(goal: GoalNode) -> GoalRollUp:
    """Weighted progress of a goal from its key results and contributing child goals.

    Every key result and child goal counts with its own weight in one pool; a child
    with nothing measurable is left out rather than counted as zero.
    """
    done: dict[int, GoalRollUp] = {}
    pending: list[tuple[GoalNode, bool]] = [(goal, False)]
    # Post-order without recursion: a goal is rolled up once all its children are.
    while pending:
        node, children_done = pending.pop()
        if id(node) in done:
            continue
        if not children_done:
            pending.append((node, True))
            pending.extend((child, False) for child in node.children)
            continue
        done[id(node)] = _roll_up_one(node, [done[id(child)] for child in node.children])
    return done[id(goal)]


def _roll_up_one(node: GoalNode, children: list[GoalRollUp]) -> GoalRollUp:
    parts = [
        (kr.weight, kr.progress_percent, "key result", kr.key_result_id) for kr in node.key_results
    ]
    parts += [
        (child.weight, rolled.progress_percent, "goal", child.goal_id)
        for child, rolled in zip(node.children, children, strict=True)
    ]
    total_weight = weighted = 0.0
    for weight, progress, what, item_id in parts:
        if weight < 0:
            raise ForecastError(NEGATIVE_WEIGHT.format(what=what, item_id=item_id, weight=weight))
        if progress is not None and weight > 0:
            total_weight += weight
            weighted += weight * min(100.0, max(0.0, progress))
    progress = weighted / total_weight if total_weight else None
    return GoalRollUp(node.goal_id, progress, tuple(children))
