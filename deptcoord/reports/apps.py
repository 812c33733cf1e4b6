"""Django app for the briefing and reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Today's briefing, status reports and the morning e-mail."""

    name = "deptcoord.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from deptcoord.core.periodic import register_periodic
        from deptcoord.notices.notifications import APP_ONLY, AT_ONCE, DIGEST, register_kind
        from deptcoord.reports import access  # noqa: F401  (registers the rules)
        from deptcoord.reports.tasks import prepare_weekly_drafts, send_morning_emails

        register_periodic("reports.morning_emails", "hourly", send_morning_emails)
        register_periodic("reports.weekly_drafts", "weekly", prepare_weekly_drafts)
        register_kind("reports.report_submitted", _("A status report is sent to you"), AT_ONCE)
        register_kind(
            "reports.report_decided", _("Your status report is accepted or sent back"), AT_ONCE
        )
        register_kind(
            "reports.report_commented", _("Someone comments on your status report"), DIGEST
        )
        register_kind(
            "reports.report_acknowledged", _("A recipient acknowledges your report"), APP_ONLY
        )
        register_kind("reports.weekly_draft", _("The weekly report draft is ready"), DIGEST)
