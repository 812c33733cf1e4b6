"""Django app for the search registry, the search index and the query over it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search index and its sources: every app registers what it makes searchable."""

    name = "deptcoord.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from deptcoord.search.folding import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="search-fold-text")
