"""The decisions taken in meetings, as a searchable list and as a download."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from deptcoord.audit.exports import audited_export
from deptcoord.meetings import exports, selectors


def _decisions_filtered(request):
    q = request.GET.get("q", "").strip()[:100]
    return q, selectors.decisions(request.facts, q=q)


@login_required
def decision_list(request):
    """Decisions from the meetings the person may read, searchable."""
    q, found = _decisions_filtered(request)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "query_string": request.GET.urlencode()}
    return render(request, "meetings/decision_list.html", context)


@login_required
def decisions_export(request, file_format):
    """The decisions as searched on screen, as CSV or XLSX."""
    _q, found = _decisions_filtered(request)
    rows = exports.decision_rows(found)
    return audited_export(
        request,
        action="meetings.decision.export",
        kind="decisions",
        filename=exports.DECISIONS_FILENAME,
        headers=exports.DECISION_COLUMNS,
        rows=rows,
        file_format=file_format,
    )
