"""Django app for projects across departments: steps, dependencies, requests, time and money."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    """Projects, steps owned by departments, dependencies, requests, workload and budgets."""

    name = "deptcoord.work"
    label = "work"
    verbose_name = _("Projects")
