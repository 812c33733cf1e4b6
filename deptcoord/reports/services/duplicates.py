"""One report per department, kind and period: a second one is refused, naming the first, so
that its recipients are never told twice."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format

from deptcoord.org.models import Department
from deptcoord.reports import messages
from deptcoord.reports.models import StatusReport


def period_label(report: StatusReport) -> str:
    """The report's period as people write it (in the active language)."""
    start = date_format(report.period_start, "SHORT_DATE_FORMAT")
    return f"{start}–{date_format(report.period_end, 'SHORT_DATE_FORMAT')}"


class ReportExists(ValidationError):
    """A report of the same department and kind already covers the period; ``existing`` is it."""

    def __init__(self, existing: StatusReport):
        self.existing = existing
        super().__init__(
            {
                "period_start": [
                    messages.REPORT_EXISTS
                    % {
                        "department": existing.department.name,
                        "period": period_label(existing),
                        "state": existing.get_state_display(),
                        "url": reverse("reports:detail", args=[existing.pk]),
                    }
                ]
            }
        )


def same_report(
    department, kind: str, start, end, exclude_id=None, published_only: bool = False
) -> StatusReport | None:
    """The report that already covers the period for the department: one of the same kind whose
    period overlaps (a weekly or monthly report), or has the same dates (a custom period)."""
    if department is None or start is None or end is None:
        return None
    found = StatusReport.objects.filter(department=department, kind=kind)
    if kind == StatusReport.Kind.CUSTOM:
        found = found.filter(period_start=start, period_end=end)
    else:
        found = found.filter(period_start__lte=end, period_end__gte=start)
    if exclude_id is not None:
        found = found.exclude(pk=exclude_id)
    if published_only:
        found = found.exclude(state=StatusReport.State.DRAFT)
    return found.select_related("department").order_by("id").first()


def refuse_second(
    department, kind, start, end, exclude_id=None, published_only: bool = False
) -> None:
    """Refuse a second report for the same department, kind and period (the department's row is
    locked first, so two people starting one at the same moment make one)."""
    if department is None:
        return
    Department.objects.select_for_update().filter(pk=department.pk).first()
    existing = same_report(department, kind, start, end, exclude_id, published_only)
    if existing is not None:
        raise ReportExists(existing)
