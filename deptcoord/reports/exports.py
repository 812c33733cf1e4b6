"""Rows of the status reports list as a spreadsheet."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import moment_cell

REPORT_COLUMNS = [
    "id",
    "department",
    "kind",
    "period_start",
    "period_end",
    "state",
    "author_email",
    "submitted_at",
    "recipients",
    "acknowledged",
    "comments",
    "decided_by_email",
    "decided_at",
]
REPORTS_FILENAME = _("status-reports")


def report_rows(reports) -> list[list]:
    """One row per report, with how many recipients acknowledged it (the figures and the
    narrative stay in the report's own PDF and workbook)."""
    return [
        [
            report.pk,
            report.department.code,
            report.kind,
            report.period_start.isoformat(),
            report.period_end.isoformat(),
            report.state,
            report.author.email,
            moment_cell(report.submitted_at),
            report.recipient_count,
            report.acknowledged_count,
            report.comment_count,
            report.decided_by.email if report.decided_by_id else "",
            moment_cell(report.decided_at),
        ]
        for report in reports
    ]
