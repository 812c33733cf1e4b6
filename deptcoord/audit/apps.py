"""Django app for the audit trail."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail; listens to sign-ins, policy denials and applied imports."""

    name = "deptcoord.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from deptcoord.audit import imports, security  # noqa: F401  (connects the listeners)
