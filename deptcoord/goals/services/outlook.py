"""Storing each key result's forecast, so trees and lists read it instead of recomputing it.

Derived figures, not anyone's input: they are refreshed after every check-in and change of
plan, and daily (time passing alone can put a key result behind), without audit entries.
"""

from collections import defaultdict
from datetime import date

from deptcoord.goals.models import CheckIn, KeyResult
from deptcoord.goals.outlook import OUTLOOK_FIELDS, forecast_for, outlook_values
from deptcoord.goals.services.common import today as local_today


def outlook_refresh(*, key_results: list[KeyResult], today: date | None = None) -> int:
    """Recompute and store the forecast of these key results from their check-ins."""
    if not key_results:
        return 0
    today = today or local_today()
    ids = [key_result.pk for key_result in key_results]
    fresh = list(KeyResult.objects.select_related("goal").filter(pk__in=ids))
    history = defaultdict(list)
    for check_in in CheckIn.objects.filter(key_result__in=ids, day__lte=today).order_by(
        "day", "id"
    ):
        history[check_in.key_result_id].append(check_in)
    for key_result in fresh:
        values = outlook_values(forecast_for(key_result, history[key_result.pk], today), today)
        for field, value in values.items():
            setattr(key_result, field, value)
    KeyResult.objects.bulk_update(fresh, OUTLOOK_FIELDS, batch_size=500)
    by_id = {key_result.pk: key_result for key_result in fresh}
    for key_result in key_results:  # the caller's objects show the new outlook too
        for field in OUTLOOK_FIELDS:
            setattr(key_result, field, getattr(by_id[key_result.pk], field))
    return len(fresh)
