"""Django app for the search registry, the search index and the query over it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search index and its sources: every app registers what it makes searchable."""

    name = "deptcoord.search"
    label = "search"
    verbose_name = _("Search")
