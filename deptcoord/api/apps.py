"""Django app for the API and its personal access tokens."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The JSON API."""

    name = "deptcoord.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from deptcoord.api import access  # noqa: F401  (registers the token rule)
        from deptcoord.api.views import tokens_panel
        from deptcoord.org.settings_panels import register_settings_panel

        register_settings_panel(tokens_panel)
