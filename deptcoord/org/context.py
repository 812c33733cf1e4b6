"""What every page's layout needs: the navigation and the signed-in person."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (key, label, URL name, icon, only for a signed-in person with a record in the directory)
NAVIGATION = [
    ("today", _("Today"), "today", "bi-sun", False),
    ("goals", _("Goals"), "goals:tree", "bi-bullseye", False),
    ("projects", _("Projects"), "work:projects", "bi-kanban", False),
    ("meetings", _("Meetings"), "meetings:calendar", "bi-calendar3", False),
    ("people", _("People"), "org:people", "bi-people", False),
    # Skills, feedback, 1:1s and recognition start at one's own page, so they need a person.
    ("growth", _("Growth"), "people:home", "bi-mortarboard", True),
    ("org", _("Organisation"), "org:tree", "bi-diagram-3", False),
    ("records", _("Records"), "records:search", "bi-journal-text", False),
    ("reports", _("Reports"), "reports:list", "bi-clipboard-data", False),
]


def navigation(request):
    """The product's sections; sections not installed yet are shown but not linked."""
    me = getattr(request, "person", None)
    items = []
    for key, label, url_name, icon, needs_person in NAVIGATION:
        if needs_person and me is None:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        items.append({"key": key, "label": label, "url": url, "icon": icon})
    return {
        "navigation": items,
        "me": me,
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
    if match.namespace == "people":
        return "growth"
    return match.namespace or name
