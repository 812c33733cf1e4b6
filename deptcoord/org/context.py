"""What every page's layout needs: the navigation and the signed-in person."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

NAVIGATION = [
    ("today", _("Today"), "today", "bi-sun"),
    ("goals", _("Goals"), "goals:tree", "bi-bullseye"),
    ("projects", _("Projects"), "work:projects", "bi-kanban"),
    ("meetings", _("Meetings"), "meetings:calendar", "bi-calendar3"),
    ("people", _("People"), "org:people", "bi-people"),
    ("org", _("Organisation"), "org:tree", "bi-diagram-3"),
    ("records", _("Records"), "records:search", "bi-journal-text"),
    ("reports", _("Reports"), "reports:list", "bi-clipboard-data"),
]


def navigation(request):
    """The product's sections; sections not installed yet are shown but not linked."""
    items = []
    for key, label, url_name, icon in NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        items.append({"key": key, "label": label, "url": url, "icon": icon})
    return {
        "navigation": items,
        "me": getattr(request, "person", None),
        "section": current_section(request),
    }


def current_section(request) -> str:
    """Which navigation item the page belongs to."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    name = match.url_name or ""
    if match.namespace == "org":
        return "people" if name.startswith(("people", "person", "time_off")) else "org"
    return match.namespace or name
