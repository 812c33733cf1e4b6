"""Where a key result stands and where it is heading: rows in, the pure forecast out.

``goals/forecast.py`` does the arithmetic; this module turns key results and their check-ins
into its tracks, and its answers into the stored outlook fields and the sentences people read.
"""

from collections.abc import Iterable
from datetime import date

from deptcoord.goals import forecast
from deptcoord.goals.forecast import ForecastError, KeyResultForecast, KeyResultTrack
from deptcoord.goals.models import CheckIn, KeyResult, Metric

MARGIN_POINTS = 15.0
"""Progress may lag the time elapsed by this many points before a key result is at risk."""
RECENT_CHECK_INS = 6
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


def forecast_for(
    key_result: KeyResult, check_ins: Iterable[CheckIn], today: date
) -> KeyResultForecast | None:
    """The forecast as of today, or None for a yes/no key result (it has no trend to project)."""
    if key_result.metric == Metric.YES_NO:
        return None
    try:
        return forecast.forecast_key_result(
            track_for(key_result, check_ins),
            as_of=today,
            recent_check_ins=RECENT_CHECK_INS,
            margin_points=MARGIN_POINTS,
        )
    except ForecastError:
        return None  # a plan the services would have refused; show no forecast rather than fail


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
