"""Importing departments and people from spreadsheets (preview, then confirm) and exporting them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, require, visible
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.models import ImportUpload
from deptcoord.core.spreadsheets import SpreadsheetError, read_rows
from deptcoord.org import imports, selectors
from deptcoord.org.forms import ImportForm
from deptcoord.org.models import Department, Membership
from deptcoord.org.views.people import people_filters

KINDS = {"departments": imports.DEPARTMENT_COLUMNS, "people": imports.PEOPLE_COLUMNS}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise Http404


@login_required
def import_upload(request, kind):
    """Upload a spreadsheet; the preview lists every row to create or change and every bad row."""
    _check_kind(kind)
    require(request.facts, Action.IMPORT, selectors.company())
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "kind": kind, "columns": KINDS[kind]}
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
                kind=kind, filename=upload.name, content=data, uploaded_by_id=request.person.pk
            )
            report = imports.run_import(
                actor=actor_from(request), kind=kind, rows=rows, commit=False
            )
            context.update({"report": report, "upload": stored})
    template = "org/import.html#import-result" if request.htmx else "org/import.html"
    return render(request, template, context)


@login_required
@require_POST
def import_confirm(request, upload_id):
    """Apply a previewed import: all rows or, if any row is bad, none."""
    upload = get_object_or_404(
        ImportUpload,
        pk=upload_id,
        kind__in=KINDS,
        uploaded_by_id=request.person.pk,
        applied_at__isnull=True,
    )
    require(request.facts, Action.IMPORT, selectors.company())
    rows = read_rows(
        bytes(upload.content),
        upload.filename,
        imports.REQUIRED_COLUMNS[upload.kind],
        settings.IMPORT_MAX_BYTES,
    )
    report = imports.run_import(actor=actor_from(request), kind=upload.kind, rows=rows, commit=True)
    if report.saved:
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
        messages.success(
            request,
            _("Import done: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "created": report.count("create"),
                "updated": report.count("update"),
                "unchanged": report.count("unchanged"),
            },
        )
        return redirect("org:tree" if upload.kind == "departments" else "org:people")
    context = {
        "form": ImportForm(),
        "kind": upload.kind,
        "columns": KINDS[upload.kind],
        "report": report,
        "upload": upload,
    }
    return render(request, "org/import.html", context)


@login_required
def departments_export(request, file_format):
    """The visible departments as CSV or XLSX, in the import's columns."""
    require(request.facts, Action.EXPORT, selectors.company())
    departments = visible(request.facts, Department.objects.select_related("parent")).order_by(
        "code"
    )
    if request.GET.get("inactive") != "1":
        departments = departments.filter(is_active=True)
    return audited_export(
        request,
        action="org.departments.export",
        kind="departments",
        filename="departments",
        headers=imports.DEPARTMENT_COLUMNS,
        rows=imports.department_rows(departments),
        file_format=file_format,
    )


@login_required
def people_export(request, file_format):
    """The directory as filtered on screen, as CSV or XLSX, in the import's columns."""
    require(request.facts, Action.EXPORT, selectors.company())
    filters = people_filters(request)
    if filters["department_id"] and not str(filters["department_id"]).isdigit():
        filters["department_id"] = None
    people = selectors.people(request.facts, **filters).prefetch_related(
        Prefetch(
            "memberships", queryset=Membership.objects.only("person_id", "department_id", "role")
        )
    )
    return audited_export(
        request,
        action="org.people.export",
        kind="people",
        filename="people",
        headers=imports.PEOPLE_COLUMNS,
        rows=imports.people_rows(people),
        file_format=file_format,
    )
