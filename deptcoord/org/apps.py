"""Django app for the organisation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    """Company, departments, people, roles and time off."""

    name = "deptcoord.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from deptcoord.org import (
            access,  # noqa: F401  (registers the rules)
            imports,  # noqa: F401  (registers the import kinds)
            search,  # noqa: F401  (registers the search sources)
        )
        from deptcoord.reports.notifications import register_kind

        register_kind("org.membership", _("You join a department or your role changes"))
