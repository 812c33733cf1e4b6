"""Django app for the briefing and reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Today's briefing and reports."""

    name = "deptcoord.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from deptcoord.core.periodic import register_periodic
        from deptcoord.reports import access  # noqa: F401  (registers the rules)
        from deptcoord.reports.tasks import send_morning_emails

        register_periodic("reports.morning_emails", "hourly", send_morning_emails)
