"""Django app for the organisation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    """Company, departments, people, roles and time off."""

    name = "deptcoord.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from deptcoord.notices.notifications import AT_ONCE, register_facts_source, register_kind
        from deptcoord.org import (
            access,  # noqa: F401  (registers the rules)
            imports,  # noqa: F401  (registers the import kinds)
            pickers,  # noqa: F401  (registers how its records show in pickers)
            search,  # noqa: F401  (registers the search sources)
        )
        from deptcoord.org.facts import role_facts_for_person

        register_facts_source(role_facts_for_person)
        register_kind("org.membership", _("You join a department or your role changes"), AT_ONCE)
