"""Reads of status reports: lists, a report's receipts and comments, the company roll-up."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department, Membership, Person
from deptcoord.reports.models import ReportComment, ReportReceipt, StatusReport
from deptcoord.reports.selectors.today import oversees_company
from deptcoord.work.models import Expense, Project, Step


def reports(facts: RoleFacts, *, department_id=None, state="", kind="") -> QuerySet:
    """The reports the viewer may see, newest period first, with their counts."""
    result = visible(facts, StatusReport.objects.all()).select_related(
        "department", "author", "decided_by"
    )
    if department_id:
        result = result.filter(department_id=department_id)
    if state in StatusReport.State.values:
        result = result.filter(state=state)
    if kind in StatusReport.Kind.values:
        result = result.filter(kind=kind)
    return result.annotate(
        recipient_count=Count("receipts", distinct=True),
        acknowledged_count=Count(
            "receipts", filter=Q(receipts__acknowledged_at__isnull=False), distinct=True
        ),
        comment_count=Count("comments", distinct=True),
    ).order_by("-period_end", "department__code", "-id")


def report_detail_queryset() -> QuerySet:
    """Reports with what their page shows."""
    return StatusReport.objects.select_related("department", "author", "decided_by")


def receipts(report: StatusReport) -> list[ReportReceipt]:
    """Who received the report, and when they read and acknowledged it."""
    return list(report.receipts.select_related("recipient").order_by("recipient__full_name"))


def comments(report: StatusReport) -> list[ReportComment]:
    """The report's comments, oldest first."""
    return list(report.comments.select_related("author"))


def recipient_choices(report: StatusReport) -> QuerySet:
    """People a report is usually sent to: executives and the heads of other departments,
    then everyone else who is active."""
    heads = Membership.objects.filter(role="head").exclude(department=report.department)
    return (
        Person.objects.filter(is_active=True)
        .exclude(pk=report.author_id)
        .filter(Q(is_executive=True) | Q(pk__in=heads.values("person_id")))
        .order_by("full_name")
    )


def departments_to_report(facts: RoleFacts) -> QuerySet:
    """Departments the person may write a report for."""
    runs = sorted(facts.departments_run())
    return Department.objects.filter(is_active=True, pk__in=runs).order_by("code")


@dataclass
class RollupRow:
    """A department side by side with the others."""

    department: Department
    latest: StatusReport | None
    goals_on_track: int
    goals_at_risk: int
    overdue_steps: int
    budget: Decimal
    spent: Decimal

    @property
    def spent_percent(self) -> float | None:
        """Spend as a share of the budget."""
        return float(self.spent * 100 / self.budget) if self.budget else None


def rollup(facts: RoleFacts, today: date | None = None) -> list[RollupRow]:
    """Every department's latest report state, goals, overdue steps and spend (fixed queries)."""
    today = today or timezone.localdate()
    latest = (
        visible(facts, StatusReport.objects.filter(department=OuterRef("pk")))
        .exclude(state=StatusReport.State.DRAFT)
        .order_by("-period_end", "-id")
    )
    active_goals = Goal.objects.filter(
        department=OuterRef("pk"), status=Goal.Status.ACTIVE
    ).order_by()
    overdue = (
        Step.objects.filter(department=OuterRef("pk"), due__lt=today)
        .exclude(status=Step.Status.DONE)
        .order_by()
    )
    budgets = (
        Project.objects.filter(lead_department=OuterRef("pk"))
        .exclude(status=Project.Status.CANCELLED)
        .order_by()
    )
    spend = (
        Expense.objects.filter(project__lead_department=OuterRef("pk"))
        .exclude(project__status=Project.Status.CANCELLED)
        .order_by()
    )

    def total(queryset, field):
        return Subquery(
            queryset.values("lead_department" if field == "budget" else "project__lead_department")
            .annotate(total=Sum(field) if field == "budget" else Sum("amount"))
            .values("total")[:1]
        )

    def counted(queryset):
        return Subquery(queryset.values("department").annotate(n=Count("pk")).values("n")[:1])

    departments = (
        visible(facts, Department.objects.filter(is_active=True))
        .annotate(
            latest_id=Subquery(latest.values("pk")[:1]),
            on_track=counted(active_goals.filter(at_risk=False)),
            at_risk=counted(active_goals.filter(at_risk=True)),
            overdue=counted(overdue),
            budget_total=total(budgets, "budget"),
            spent_total=total(spend, "amount"),
        )
        .order_by("code")
    )
    departments = list(departments)
    latest_reports = {
        report.pk: report
        for report in StatusReport.objects.filter(
            pk__in=[d.latest_id for d in departments if d.latest_id]
        )
    }
    return [
        RollupRow(
            department=department,
            latest=latest_reports.get(department.latest_id),
            goals_on_track=department.on_track or 0,
            goals_at_risk=department.at_risk or 0,
            overdue_steps=department.overdue or 0,
            budget=department.budget_total or Decimal(0),
            spent=department.spent_total or Decimal(0),
        )
        for department in departments
    ]


def may_see_rollup(facts: RoleFacts) -> bool:
    """Those who oversee the company (executives and admins) see the roll-up."""
    return oversees_company(facts)
