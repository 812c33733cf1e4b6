"""Importing departments and people from spreadsheets (preview, then confirm) and exporting them."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.views.decorators.http import require_POST

from deptcoord.access import Action, require, visible
from deptcoord.audit.exports import audited_export
from deptcoord.core.import_views import import_confirm_page, import_upload_page
from deptcoord.org import imports, selectors
from deptcoord.org.models import Department, Membership
from deptcoord.org.views.people import people_filters

KINDS = {"departments", "people"}
TEMPLATE = "org/import.html"


@login_required
def import_upload(request, kind):
    """Upload a spreadsheet; the preview lists every row to create or change and every bad row."""
    if kind not in KINDS:
        raise Http404
    return import_upload_page(request, f"org.{kind}", template=TEMPLATE, context={"kind": kind})


@login_required
@require_POST
def import_confirm(request, upload_id):
    """Apply a previewed import: all rows or, if any row is bad, none."""
    return import_confirm_page(
        request,
        upload_id,
        kinds={f"org.{kind}" for kind in KINDS},
        template=TEMPLATE,
        context_for=lambda name, scope: {"kind": name.removeprefix("org.")},
    )


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
