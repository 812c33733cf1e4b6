"""Where a key result stands and where it is heading: rows in, the pure forecast out.

``goals/forecast.py`` does the arithmetic; this module turns key results and their check-ins
into its tracks, and its answers into the stored outlook fields and the sentences people read.
"""

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from django.utils import timezone

from deptcoord.goals import forecast
from deptcoord.goals.forecast import ForecastError, KeyResultForecast, KeyResultTrack
from deptcoord.goals.models import CheckIn, KeyResult, Metric

MARGIN_POINTS = 15.0
"""Progress may lag the time elapsed by this many points before a key result is at risk."""
RECENT_CHECK_INS = 6
NOT_STARTED_SHARE = 0.25
"""A key result with no check-in is "not started", never at risk, until this share of its time
has passed, counted from the later of its start and the day it was added to its due day: a
result added today is not behind, whatever the calendar says. After that, no check-in at all
is itself a warning, and the time elapsed decides as for any key result."""
OUTLOOK_FIELDS = [
    "forecast_value",
    "forecast_low",
    "forecast_high",
    "forecast_method",
    "forecast_on",
    "at_risk",
    "shortfall_percent",
    "lag_points",
]


def track_for(key_result: KeyResult, check_ins: Iterable[CheckIn]) -> KeyResultTrack:
    """The key result's plan and check-ins as the forecast reads them."""
    return KeyResultTrack(
        start_value=key_result.start_value,
        target=key_result.target_value,
        direction=forecast.Direction(key_result.direction),
        period_start=key_result.starts_on,
        period_end=key_result.due_on,
        check_ins=tuple(forecast.CheckIn(item.day, item.value) for item in check_ins),
    )


def first_check_in_due(key_result: KeyResult) -> date:
    """The day a key result without a check-in stops being "not started" (see NOT_STARTED_SHARE)."""
    begin, end = key_result.starts_on, key_result.due_on
    if key_result.created_at is not None:
        begin = max(begin, timezone.localdate(key_result.created_at))
    if end <= begin:
        return end
    return begin + timedelta(days=math.ceil((end - begin).days * NOT_STARTED_SHARE))


def forecast_for(
    key_result: KeyResult, check_ins: Iterable[CheckIn], today: date
) -> KeyResultForecast | None:
    """The forecast as of today, or None for a yes/no key result (it has no trend to project).
    A key result not started yet (no check-in, within its first share of time) is not at risk."""
    if key_result.metric == Metric.YES_NO:
        return None
    check_ins = list(check_ins)
    try:
        result = forecast.forecast_key_result(
            track_for(key_result, check_ins),
            as_of=today,
            recent_check_ins=RECENT_CHECK_INS,
            margin_points=MARGIN_POINTS,
        )
    except ForecastError:
        return None  # a plan the services would have refused; show no forecast rather than fail
    reported = any(item.day <= today for item in check_ins)
    if not reported and today < first_check_in_due(key_result):
        result = replace(result, at_risk=False, risks=())
    return result


def outlook_values(result: KeyResultForecast | None, today: date) -> dict:
    """The stored outlook fields for a forecast (cleared when there is none)."""
    if result is None:
        return dict.fromkeys(OUTLOOK_FIELDS) | {
            "forecast_method": "",
            "forecast_on": today,
            "at_risk": False,
        }
    return {
        "forecast_value": result.projected_value,
        "forecast_low": result.band.low if result.band else None,
        "forecast_high": result.band.high if result.band else None,
        "forecast_method": result.method.value,
        "forecast_on": today,
        "at_risk": result.at_risk,
        "shortfall_percent": result.shortfall_percent,
        "lag_points": result.lag_points,
    }


def progress_of(key_result: KeyResult, value=None) -> float:
    """Progress 0–100 of a value (the current one by default) from start to target."""
    value = key_result.current_value if value is None else value
    return forecast.progress_percent(
        float(key_result.start_value),
        float(key_result.target_value),
        forecast.Direction(key_result.direction),
        float(value),
    )
