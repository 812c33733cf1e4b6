"""Writes of the reports app: notification settings, unsubscribing, and status reports."""

from deptcoord.reports.services.notifications import (
    UNSUBSCRIBE_SALT,
    email_settings_for,
    person_for_unsubscribe,
    preferences_set,
    unsubscribe,
    unsubscribe_token,
)
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
    "UNSUBSCRIBE_SALT",
    "email_settings_for",
    "person_for_unsubscribe",
    "preferences_set",
    "report_acknowledge",
    "report_comment",
    "report_create",
    "report_decide",
    "report_delete",
    "report_mark_read",
    "report_submit",
    "report_update",
    "unsubscribe",
    "unsubscribe_token",
    "weekly_drafts_prepare",
]
