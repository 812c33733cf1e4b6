"""Reads of money and time: expenses, spend against budget, estimates against hours logged."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from deptcoord.access import RoleFacts, openable, visible
from deptcoord.work.models import Expense, Project, TimeEntry

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=16, decimal_places=2))


def expenses(facts: RoleFacts, project: Project) -> QuerySet:
    """The project's expenses, latest first."""
    return visible(facts, Expense.objects.filter(project=project)).select_related("recorded_by")


@dataclass
class Budget:
    """Spend against budget: the total, the share and the cumulative series by month."""

    spent: Decimal
    budget: Decimal
    percent: float | None
    over_alert: bool
    by_category: list[tuple[str, Decimal]]
    months: list[str]
    cumulative: list[float | None]
    plan: list[float]


def budget(project: Project) -> Budget:
    """Spend against budget over the project's months (two queries)."""
    rows = (
        Expense.objects.filter(project=project)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("amount"))
        .order_by("month")
    )
    per_month = {row["month"]: row["total"] for row in rows}
    categories = (
        Expense.objects.filter(project=project)
        .values("category")
        .annotate(total=Sum("amount"))
        .order_by("-total")
    )
    labels = dict(Expense.Category.choices)
    months = []
    cursor = date(project.start.year, project.start.month, 1)
    last = project.end
    if per_month:
        last = max(last, max(per_month))
    while cursor <= last:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    this_month = timezone.localdate().replace(day=1)
    running, cumulative, plan = Decimal(0), [], []
    for index, month in enumerate(months, start=1):
        running += per_month.get(month, Decimal(0))
        # months to come have no spend yet: the line stops at this month
        cumulative.append(float(running) if month <= this_month or month in per_month else None)
        plan.append(float(project.budget) * index / len(months))
    spent = sum(per_month.values(), Decimal(0))
    percent = float(spent * 100 / project.budget) if project.budget else None
    return Budget(
        spent=spent,
        budget=project.budget,
        percent=percent,
        over_alert=percent is not None and percent >= project.budget_alert_percent,
        by_category=[
            (labels.get(row["category"], row["category"]), row["total"]) for row in categories
        ],
        months=[month.strftime("%m/%Y") for month in months],
        cumulative=cumulative,
        plan=plan,
    )


def estimate_vs_actual(facts: RoleFacts, base: QuerySet) -> QuerySet:
    """Steps with their estimate and the hours logged on them (one query)."""
    return (
        visible(facts, base)
        .select_related("department", "assignee")
        .annotate(actual=Coalesce(Sum("time_entries__hours"), ZERO))
        .order_by("department__code", "due", "id")
    )


def time_totals(base: QuerySet, by: str) -> list[dict]:
    """Estimate and actual hours grouped by ``department`` or ``assignee`` (two queries)."""
    key = {"department": "department__name_en", "assignee": "assignee__full_name"}[by]
    estimates = {
        row[key]: row["estimate"]
        for row in base.values(key).annotate(estimate=Sum("effort_hours")).order_by(key)
    }
    actuals = {
        row["step__" + key]: row["actual"]
        for row in TimeEntry.objects.filter(step__in=base.values("pk"))
        .values("step__" + key)
        .annotate(actual=Sum("hours"))
        .order_by("step__" + key)
    }
    names = sorted(set(estimates) | set(actuals), key=lambda name: name or "")
    return [
        {
            "name": name,
            "estimate": estimates.get(name) or Decimal(0),
            "actual": actuals.get(name) or Decimal(0),
        }
        for name in names
    ]


def timesheet(facts: RoleFacts, start: date, end: date, department_id=None) -> QuerySet:
    """Time entries in a period the viewer may see (for the timesheet export)."""
    result = visible(facts, TimeEntry.objects.filter(date__range=(start, end)))
    if department_id:
        result = result.filter(step__department_id=department_id)
    return (
        result.select_related("person", "step", "step__project", "step__department")
        .annotate(project_visible=openable(facts, Project, "step__project_id"))
        .order_by("date", "person__full_name", "id")
    )
