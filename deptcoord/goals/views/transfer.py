"""Exporting goals with their key results; importing key-result actuals and measurements
(preview first, then confirm)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_POST

from deptcoord.access import Action, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.import_views import import_confirm_page, import_upload_page
from deptcoord.goals import exports, imports, selectors
from deptcoord.goals.models import KeyResult
from deptcoord.org import selectors as org


@login_required
def goals_export(request, file_format):
    """The goals as filtered on screen, with their key results, as CSV or XLSX."""
    require(request.facts, Action.EXPORT, org.company())
    filters = selectors.filters_from(request.GET, timezone.localdate())
    goals = list(
        selectors.sorted_goals(selectors.goals(request.facts, filters), filters.sort)
        .select_related("owner", "department")
        .prefetch_related(
            Prefetch(
                "key_results",
                queryset=KeyResult.objects.select_related("owner").order_by("id"),
            )
        )
    )
    return audited_export(
        request,
        action="goals.goal.export",
        kind="goals",
        filename=exports.FILENAME,
        headers=exports.COLUMNS,
        rows=exports.goal_rows(goals),
        file_format=file_format,
    )


TEMPLATE = "goals/import.html"


@login_required
def import_upload(request, kind):
    """Upload actuals or measurements; the preview shows each row's check-in or its problems."""
    if kind not in imports.COLUMNS:
        raise Http404
    return import_upload_page(request, f"goals.{kind}", template=TEMPLATE, context={"kind": kind})


@login_required
@require_POST
def import_confirm(request, pk):
    """Apply a previewed import: all rows or, if any row has become bad, none."""
    return import_confirm_page(
        request,
        pk,
        kinds={f"goals.{kind}" for kind in imports.COLUMNS},
        template=TEMPLATE,
        context_for=lambda name, scope: {"kind": name.removeprefix("goals.")},
    )
