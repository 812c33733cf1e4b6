"""Django app for department notes, documents, search and the activity feed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """Notes, documents, the search index and the department activity feed."""

    name = "deptcoord.records"
    label = "records"
    verbose_name = _("Records")

    def ready(self):
        from deptcoord.records import access  # noqa: F401  (registers the rules)
        from deptcoord.records.links import register_default_linkables
        from deptcoord.records.search import sources  # noqa: F401  (registers the sources)

        register_default_linkables()
