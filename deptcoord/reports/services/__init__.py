"""Writes of the reports app: status reports."""

from deptcoord.reports.services.status import (
    report_acknowledge,
    report_comment,
    report_create,
    report_decide,
    report_delete,
    report_mark_read,
    report_submit,
    report_update,
    weekly_drafts_prepare,
)

__all__ = [
    "report_acknowledge",
    "report_comment",
    "report_create",
    "report_decide",
    "report_delete",
    "report_mark_read",
    "report_submit",
    "report_update",
    "weekly_drafts_prepare",
]
