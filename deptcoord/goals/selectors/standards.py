"""Reads of standards and their measurements, narrowed by the access policy."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import OuterRef, QuerySet, Subquery

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import Measurement, Standard
from deptcoord.goals.periods import measurement_period

HISTORY_LENGTH = 52


@dataclass
class StandardRow:
    """A standard with its latest measurement and whether a measurement is due."""

    standard: Standard
    latest_value: object
    latest_period: date | None
    latest_breached: bool
    due: bool


def last_complete_period(frequency: str, today: date) -> date:
    """The start of the latest period that has ended (the one a measurement is due for)."""
    current = measurement_period(frequency, today)
    return measurement_period(frequency, current - timedelta(days=1))


def standards(
    facts: RoleFacts, today: date, department_id=None, include_inactive: bool = False
) -> list[StandardRow]:
    """The standards the person may see, each with its latest measurement (fixed queries)."""
    latest = Measurement.objects.filter(standard=OuterRef("pk")).order_by("-period_start")
    result = (
        visible(facts, Standard.objects.all())
        .select_related("department", "owner")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period_start")[:1]),
            latest_breached=Subquery(latest.values("breached")[:1]),
        )
        .order_by("department__code", "title_en", "id")
    )
    if not include_inactive:
        result = result.filter(is_active=True)
    if department_id:
        result = result.filter(department_id=department_id)
    return [
        StandardRow(
            standard=standard,
            latest_value=standard.latest_value,
            latest_period=standard.latest_period,
            latest_breached=bool(standard.latest_breached),
            due=standard.is_active
            and (
                standard.latest_period is None
                or standard.latest_period < last_complete_period(standard.frequency, today)
            ),
        )
        for standard in result
    ]


def measurements(facts: RoleFacts, standard: Standard) -> list[Measurement]:
    """The standard's latest measurements, oldest first (for the chart and the table)."""
    recent = (
        visible(facts, Measurement.objects.filter(standard=standard))
        .select_related("recorded_by")
        .order_by("-period_start")[:HISTORY_LENGTH]
    )
    return list(reversed(list(recent)))


def standard_detail_queryset() -> QuerySet:
    """Standards with what their page shows."""
    return Standard.objects.select_related("department", "owner")
