"""Exporting goals with their key results; importing key-result actuals and measurements
(preview first, then confirm)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.models import ImportUpload
from deptcoord.core.spreadsheets import SpreadsheetError, read_rows
from deptcoord.goals import exports, imports, selectors
from deptcoord.goals.models import KeyResult
from deptcoord.org import selectors as org
from deptcoord.org.forms import ImportForm

KIND_OF = {upload: kind for kind, upload in imports.UPLOAD_KINDS.items()}


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


def _require_kind(kind: str) -> None:
    if kind not in imports.COLUMNS:
        raise Http404


@login_required
def import_upload(request, kind):
    """Upload actuals or measurements; the preview shows each row's check-in or its problems."""
    _require_kind(kind)
    require(request.facts, Action.VIEW, org.company())
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "kind": kind, "columns": imports.COLUMNS[kind]}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(settings.IMPORT_MAX_BYTES + 1)
        try:
            rows = read_rows(
                data, upload.name, imports.REQUIRED_COLUMNS[kind], settings.IMPORT_MAX_BYTES
            )
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            stored = ImportUpload.objects.create(
                kind=imports.UPLOAD_KINDS[kind],
                filename=upload.name,
                content=data,
                uploaded_by_id=request.person.pk,
            )
            report = imports.run_import(
                actor=actor_from(request), kind=kind, rows=rows, commit=False
            )
            context.update({"report": report, "upload": stored})
    template = "goals/import.html#import-result" if request.htmx else "goals/import.html"
    return render(request, template, context)


@login_required
@require_POST
def import_confirm(request, pk):
    """Apply a previewed import: all rows or, if any row has become bad, none."""
    upload = get_object_or_404(
        ImportUpload,
        pk=pk,
        kind__in=list(KIND_OF),
        uploaded_by_id=request.person.pk,
        applied_at__isnull=True,
    )
    kind = KIND_OF[upload.kind]
    require(request.facts, Action.VIEW, org.company())
    rows = read_rows(
        bytes(upload.content),
        upload.filename,
        imports.REQUIRED_COLUMNS[kind],
        settings.IMPORT_MAX_BYTES,
    )
    report = imports.run_import(actor=actor_from(request), kind=kind, rows=rows, commit=True)
    if report.saved:
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
        messages.success(
            request,
            _("Import done: %(created)s recorded, %(updated)s corrected, %(unchanged)s unchanged.")
            % {
                "created": report.count("create"),
                "updated": report.count("update"),
                "unchanged": report.count("unchanged"),
            },
        )
        return redirect("goals:list" if kind == "actuals" else "goals:standards")
    context = {
        "form": ImportForm(),
        "kind": kind,
        "columns": imports.COLUMNS[kind],
        "report": report,
        "upload": upload,
    }
    return render(request, "goals/import.html", context)
