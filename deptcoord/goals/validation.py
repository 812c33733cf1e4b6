"""Checks on goal, key-result, template and standard input; each failure names the field and
says what to do. Every check adds to an ``errors`` dict so one pass reports every problem."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format

from deptcoord.core.validation import (  # noqa: F401  (the services import them from here)
    add,
    raise_if,
    read_number,
    to_decimal,
)
from deptcoord.goals import messages
from deptcoord.goals.models import Direction, Metric

FOUR_PLACES = Decimal("0.0001")
LARGEST_VALUE = Decimal(10) ** 16
LARGEST_WEIGHT = Decimal(1000)
LONGEST_PERIOD_DAYS = 5 * 366
MAX_MILESTONES = 50


def short_date(day: date) -> str:
    """A date as the viewer writes it (26/11/2026 in Vietnamese)."""
    return date_format(day, "SHORT_DATE_FORMAT")


def check_titles(errors: dict, title_en, title_vi) -> tuple[str, str]:
    """The two titles, stripped; at least one is needed."""
    english, vietnamese = (title_en or "").strip(), (title_vi or "").strip()
    if not english and not vietnamese:
        add(errors, "title_en", messages.TITLE_REQUIRED)
    for field, title in (("title_en", english), ("title_vi", vietnamese)):
        if len(title) > 200:
            add(errors, field, messages.TITLE_TOO_LONG)
    return english, vietnamese


def check_choice(errors: dict, field: str, value, choices) -> str:
    """A value that must be one of the choices' values."""
    text = str(value if value is not None else "")
    if text not in {str(choice) for choice in choices}:
        add(errors, field, messages.UNKNOWN_CHOICE % {"value": text})
    return text


def check_number(errors: dict, field: str, value, required: bool = True) -> Decimal | None:
    """A value of a key result or standard: finite, at most 16 digits before the point."""
    if value is None or value == "":
        if required:
            add(errors, field, messages.REQUIRED)
        return None
    number = read_number(errors, field, value)
    if number is None:
        return None
    if abs(number) >= LARGEST_VALUE:
        add(errors, field, messages.NUMBER_TOO_LARGE)
        return None
    return number.quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


def check_weight(errors: dict, value, field: str = "weight") -> Decimal:
    """A weight between 0 and 1000 (1 when not given)."""
    if value is None or value == "":
        return Decimal(1)
    try:
        weight = to_decimal(value)
    except ValueError:
        add(errors, field, messages.WEIGHT_RANGE)
        return Decimal(1)
    if not 0 <= weight <= LARGEST_WEIGHT:
        add(errors, field, messages.WEIGHT_RANGE)
    return weight.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_period(errors: dict, start, end, names=("period_start", "period_end")) -> None:
    """Both dates are given, the period ends after it starts and covers at most five years."""
    start_field, end_field = names
    if start is None:
        add(errors, start_field, messages.REQUIRED)
    if end is None:
        add(errors, end_field, messages.REQUIRED)
    if start is None or end is None:
        return
    if end <= start:
        add(errors, end_field, messages.PERIOD_ORDER)
    elif (end - start).days > LONGEST_PERIOD_DAYS:
        add(errors, end_field, messages.PERIOD_TOO_LONG)


def check_currency(errors: dict, metric: str, currency) -> str:
    """The currency of a money value (an upper-case ISO code); blank for anything else."""
    if metric != Metric.MONEY:
        return ""
    code = (currency or "").strip().upper()
    if not code:
        add(errors, "currency", messages.CURRENCY_REQUIRED)
    elif len(code) != 3 or not code.isascii() or not code.isalpha():
        add(errors, "currency", messages.CURRENCY_FORMAT)
    return code


def check_measure(errors: dict, data: dict) -> dict:
    """Metric, unit, currency, milestones, start, target and direction of a key result.

    Yes/no runs from 0 to 1; milestones run from 0 to their number; the others need a start
    and a target on the side the direction says. A target goes below zero only from a start
    below zero (a figure such as a profit that can already be negative): what starts at 0 or
    more is a count, an amount or a share, and a decrease stops at 0.
    """
    metric = check_choice(errors, "metric", data.get("metric", Metric.NUMBER), Metric.values)
    cleaned = {
        "metric": metric,
        "unit": (data.get("unit") or "").strip()[:30],
        "currency": check_currency(errors, metric, data.get("currency")),
        "milestones": "",
    }
    if metric == Metric.YES_NO:
        return {**cleaned, **_fixed_range(1)}
    if metric == Metric.MILESTONE:
        names = [line.strip() for line in (data.get("milestones") or "").splitlines()]
        names = [name[:200] for name in names if name]
        if not names:
            add(errors, "milestones", messages.MILESTONES_REQUIRED)
        elif len(names) > MAX_MILESTONES:
            add(errors, "milestones", messages.TOO_MANY_MILESTONES)
        return {**cleaned, "milestones": "\n".join(names), **_fixed_range(len(names) or 1)}
    start = check_number(errors, "start_value", data.get("start_value"))
    target = check_number(errors, "target_value", data.get("target_value"))
    direction = check_choice(
        errors, "direction", data.get("direction", Direction.INCREASE), Direction.values
    )
    if start is not None and target is not None:
        if target == start:
            add(errors, "target_value", messages.TARGET_EQUALS_START)
        elif target < start and direction == Direction.INCREASE:
            add(errors, "direction", messages.SHOULD_DECREASE)
        elif target > start and direction == Direction.DECREASE:
            add(errors, "direction", messages.SHOULD_INCREASE)
        elif target < 0 <= start:
            add(errors, "target_value", messages.TARGET_BELOW_ZERO)
    return {**cleaned, "start_value": start, "target_value": target, "direction": direction}


def _fixed_range(target: int) -> dict:
    return {
        "start_value": Decimal(0),
        "target_value": Decimal(target),
        "direction": Direction.INCREASE,
    }
