"""Values of key results and standards written as the viewer reads them: money with its
currency, percentages with the sign, yes/no and milestones in words."""

from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from deptcoord.core.money import format_money, format_number
from deptcoord.goals.models import Metric

DONE = _("Done")
NOT_YET = _("Not yet")
MILESTONES_REACHED = _("%(reached)s of %(count)s")


def decimals_of(value) -> int:
    """Decimal places worth showing: none for whole numbers, at most two otherwise."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return 0
    return 1 if (number * 10) == (number * 10).to_integral_value() else 2


def format_percent(value) -> str:
    """A percentage: 95.5% in English, 95,5 % in Vietnamese."""
    number = format_number(value, decimals_of(round(Decimal(str(value)), 2)))
    return f"{number}\u00a0%" if (get_language() or "en").startswith("vi") else f"{number}%"


def format_measure(value, metric: str, unit: str = "", currency: str = "", milestones=0) -> str:
    """One value of a key result or standard, in the active language."""
    if value is None or value == "":
        return "—"
    if metric == Metric.MONEY:
        return format_money(value, currency or "VND")
    if metric == Metric.PERCENT:
        return format_percent(value)
    if metric == Metric.YES_NO:
        return str(DONE if Decimal(str(value)) >= 1 else NOT_YET)
    if metric == Metric.MILESTONE:
        reached = max(0, min(int(Decimal(str(value))), milestones))
        return str(MILESTONES_REACHED % {"reached": reached, "count": milestones})
    number = format_number(value, decimals_of(round(Decimal(str(value)), 2)))
    return f"{number}\u00a0{unit}" if unit else number
