"""A department's records (notes and documents) and its activity feed."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.org.models import Department
from deptcoord.records import selectors
from deptcoord.records.models import Note
from deptcoord.records.views.common import page_of

KINDS = ("notes", "documents")


@login_required
def department_records(request, pk):
    """The department's notes (pinned first) or documents, filtered by tag."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else "notes"
    tag = request.GET.get("tag", "")[:40]
    if kind == "notes":
        items = selectors.department_notes(facts, department, tag)
    else:
        items = selectors.department_documents(facts, department, tag)
    context = {
        "department": department,
        "kind": kind,
        "tag": tag,
        "tags": selectors.department_tags(facts, department),
        "page": page_of(request, items),
        "can_add": can(facts, Action.ADD_RECORD, Note(department=department)),
        "can_see_activity": can(facts, Action.VIEW_DETAILS, department),
    }
    template = "records/department.html#record-list" if request.htmx else "records/department.html"
    return render(request, template, context)


@login_required
def department_activity(request, pk):
    """What changed in the department, newest first, about records the viewer may open."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.VIEW_DETAILS, department)
    page = page_of(request, selectors.activity(facts, department))
    page.object_list = selectors.activity_rows(page.object_list)
    context = {"department": department, "page": page}
    return render(request, "records/activity.html", context)
