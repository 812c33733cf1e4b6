"""The search page: everything the person may open, ranked, grouped by kind."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from deptcoord.access import Action
from deptcoord.org import selectors as org
from deptcoord.records import messages as record_messages
from deptcoord.search.query import quick_find
from deptcoord.search.query import search as run_search
from deptcoord.search.registry import sources

MAX_QUERY = 200
# What the command palette jumps to.
JUMP_KINDS = ("goal", "project", "step", "meeting", "person")


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


@login_required
@require_GET
def jump(request):
    """The goals, projects, steps, meetings and people the person may open whose name matches
    ``q`` (accents aside), best first, as JSON for the command palette."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    results = quick_find(request.facts, query, JUMP_KINDS)
    return JsonResponse(
        {
            "results": [
                {
                    "title": result.entry.title,
                    "kind": str(result.kind_label),
                    "icon": result.icon,
                    "url": result.entry.url,
                }
                for result in results
            ]
        }
    )
