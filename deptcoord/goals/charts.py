"""The data behind the key-result and standard charts, in the shape goals.js draws."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from deptcoord.goals.forecast import KeyResultForecast
from deptcoord.goals.models import CheckIn, KeyResult, Measurement, Standard
from deptcoord.goals.periods import measurement_label


def _format(metric: str, unit: str, currency: str) -> dict:
    return {"metric": metric, "unit": unit, "currency": currency or "VND"}


def _milestone_range(key_result: KeyResult):
    """Milestones cannot be projected past the last one (nor before the first)."""
    if key_result.metric != "milestone":
        return lambda value: value
    top = float(key_result.target_value)
    return lambda value: min(top, max(0.0, value))


def key_result_chart(
    key_result: KeyResult, check_ins: list[CheckIn], result: KeyResultForecast | None, today
) -> dict:
    """Check-ins against the ideal line from start to target, with the forecast and its band."""
    start, end = key_result.starts_on, key_result.due_on
    points = [{"day": item.day.isoformat(), "value": float(item.value)} for item in check_ins]
    projection = None
    if result is not None and result.method != "no_check_ins" and today < end:
        last_day = check_ins[-1].day if check_ins else start
        within = _milestone_range(key_result)
        projection = {
            "from": {"day": last_day.isoformat(), "value": result.current_value},
            "value": within(result.projected_value),
            "low": within(result.band.low) if result.band else None,
            "high": within(result.band.high) if result.band else None,
        }
    return {
        "language": get_language() or "en",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "today": today.isoformat(),
        "startValue": float(key_result.start_value),
        "target": float(key_result.target_value),
        "checkIns": points,
        "forecast": projection,
        "format": _format(key_result.metric, key_result.unit, key_result.currency),
        "labels": {
            "ideal": _("Steady pace to the target"),
            "checkIns": _("Check-ins"),
            "forecast": _("Forecast"),
            "high": _("Likely range (high)"),
            "low": _("Likely range (low)"),
        },
    }


def standard_chart(standard: Standard, measurements: list[Measurement]) -> dict:
    """Measurements as bars (breaches marked) against the threshold line."""
    return {
        "language": get_language() or "en",
        "periods": [measurement_label(standard.frequency, m.period_start) for m in measurements],
        "values": [float(m.value) for m in measurements],
        "breached": [m.breached for m in measurements],
        "threshold": float(standard.threshold),
        "format": _format(standard.metric, standard.unit, standard.currency),
        "labels": {
            "values": _("Measured"),
            "threshold": _("Threshold"),
            "breach": _("Breach"),
        },
    }
