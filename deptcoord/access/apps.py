"""Django app for the access policy (no models)."""

from django.apps import AppConfig


class AccessConfig(AppConfig):
    """The access policy."""

    name = "deptcoord.access"
    label = "access"
