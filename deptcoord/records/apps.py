"""Django app for department notes, documents, search and the activity feed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """Notes, documents, the search page and the department activity feed."""

    name = "deptcoord.records"
    label = "records"
    verbose_name = _("Records")

    def ready(self):
        from deptcoord.org.models import Person
        from deptcoord.records import (
            access,  # noqa: F401  (registers the rules)
            search,  # noqa: F401  (registers the search sources)
        )
        from deptcoord.search.linkables import Linkable, register_linkable

        register_linkable(
            Linkable(
                "person",
                Person,
                _("Person"),
                "bi-person",
                "org:person_detail",
                ("full_name", "email"),
            )
        )
