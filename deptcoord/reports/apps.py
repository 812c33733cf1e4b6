"""Django app for the briefing and reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Today's briefing and reports."""

    name = "deptcoord.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from deptcoord.reports import access  # noqa: F401  (registers the rules)
