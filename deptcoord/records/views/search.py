"""The search page: everything the person may open, ranked, grouped by kind."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from deptcoord.access import Action
from deptcoord.org import selectors as org
from deptcoord.records import messages as record_messages
from deptcoord.search.query import search as run_search
from deptcoord.search.registry import sources

MAX_QUERY = 200


@login_required
def search(request):
    """Search results for ``q`` (with the person's departments' records when nothing is asked)."""
    facts = request.facts
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    kind = request.GET.get("kind", "")
    found = run_search(facts, query, kind, request.GET.get("page") or 1) if query else None
    context = {
        "query": query,
        "found": found,
        "kinds": [
            (key, source.label, source.icon, found.counts.get(key, 0) if found else 0)
            for key, source in sources().items()
        ],
        "no_words": record_messages.SEARCH_NO_WORDS if found and not found.words else "",
        "departments": org.departments_allowing(facts, Action.VIEW_DETAILS) if not query else [],
    }
    template = "records/search.html#results" if request.htmx else "records/search.html"
    return render(request, template, context)
