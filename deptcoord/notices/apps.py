"""Django app for in-app notifications."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """Notifications under the bell, how each kind reaches a person, and their e-mails.

    Other apps register their kinds of notification in their own ``ready()``.
    """

    name = "deptcoord.notices"
    label = "notices"
    verbose_name = _("Notifications")

    def ready(self):
        from deptcoord.audit.history import register_key_source
        from deptcoord.notices import access  # noqa: F401  (registers the rules)
        from deptcoord.notices.history import history_key

        register_key_source(history_key)
