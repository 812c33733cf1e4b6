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
