"""A department's records (notes and documents) and its activity feed, on screen and as
downloads."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.org.models import Department
from deptcoord.records import exports, selectors
from deptcoord.records.models import Note
from deptcoord.records.views.common import page_of

KINDS = ("notes", "documents")


def _records_filtered(request, pk):
    """The department, the kind and tag asked for, and the records they match."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else "notes"
    tag = request.GET.get("tag", "")[:40]
    if kind == "notes":
        items = selectors.department_notes(facts, department, tag)
    else:
        items = selectors.department_documents(facts, department, tag)
    return department, kind, tag, items


@login_required
def department_records(request, pk):
    """The department's notes (pinned first) or documents, filtered by tag."""
    facts = request.facts
    department, kind, tag, items = _records_filtered(request, pk)
    context = {
        "department": department,
        "kind": kind,
        "tag": tag,
        "tags": selectors.department_tags(facts, department),
        "page": page_of(request, items),
        "can_add": can(facts, Action.ADD_RECORD, Note(department=department)),
        "can_see_activity": can(facts, Action.VIEW_DETAILS, department),
        "query_string": request.GET.urlencode(),
    }
    template = "records/department.html#record-list" if request.htmx else "records/department.html"
    return render(request, template, context)


@login_required
def department_records_export(request, pk, file_format):
    """The department's notes or documents as filtered on screen, as CSV or XLSX."""
    department, kind, _tag, items = _records_filtered(request, pk)
    if kind == "notes":
        headers, rows, name = exports.NOTE_COLUMNS, exports.note_rows(items), exports.NOTES_FILENAME
    else:
        headers, rows = exports.DOCUMENT_COLUMNS, exports.document_rows(items)
        name = exports.DOCUMENTS_FILENAME
    return audited_export(
        request,
        action=f"records.{kind[:-1]}.export",
        target=department,
        filename=f"{department.code}-{name}",
        headers=headers,
        rows=rows,
        file_format=file_format,
    )


def _activity_of(request, pk):
    """The department whose feed the person may read, and the feed's entries."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.VIEW_DETAILS, department)
    return department, selectors.activity(facts, department)


@login_required
def department_activity(request, pk):
    """What changed in the department, newest first, about records the viewer may open."""
    department, entries = _activity_of(request, pk)
    page = page_of(request, entries)
    page.object_list = selectors.activity_rows(page.object_list)
    context = {"department": department, "page": page, "query_string": request.GET.urlencode()}
    return render(request, "records/activity.html", context)


@login_required
def department_activity_export(request, pk, file_format):
    """The department's whole feed, as CSV or XLSX."""
    department, entries = _activity_of(request, pk)
    return audited_export(
        request,
        action="records.activity.export",
        target=department,
        filename=f"{department.code}-{exports.ACTIVITY_FILENAME}",
        headers=exports.ACTIVITY_COLUMNS,
        rows=exports.activity_rows(entries),
        file_format=file_format,
    )
