"""The search page: everything the person may open, ranked, grouped by kind."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
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
    more = bool(found and found.more)
    context = {
        "query": query,
        "found": found,
        "total": _count(found.total, found.cap, more) if found else "",
        "kinds": [
            (
                key,
                source.label,
                source.icon,
                _count(found.counts.get(key, 0), found.cap, more) if found else 0,
            )
            for key, source in sources().items()
        ],
        "more": record_messages.SEARCH_MORE
        % {"number": number_format(found.cap, force_grouping=True)}
        if more
        else "",
        "no_words": record_messages.SEARCH_NO_WORDS if found and not found.words else "",
        "departments": org.departments_allowing(facts, Action.VIEW_DETAILS) if not query else [],
    }
    template = "records/search.html#results" if request.htmx else "records/search.html"
    return render(request, template, context)


def _count(count: int, cap: int, more: bool):
    """A count of matches as shown: "1,000+" (or "12+") when the search stopped counting."""
    if not more or not count:
        return count
    return record_messages.AT_LEAST % {
        "number": number_format(min(count, cap), force_grouping=True)
    }


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
