"""Skills pages: a department's skills matrix (with import and export), a person's skills with
their history, assessing, and giving a person a role profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.models import ImportUpload
from deptcoord.core.spreadsheets import SpreadsheetError, read_rows
from deptcoord.org import selectors as org
from deptcoord.org.forms import ImportForm
from deptcoord.org.models import Department
from deptcoord.people import imports, selectors, services
from deptcoord.people.access import may_import_skills
from deptcoord.people.forms import AssessmentForm, RoleAssignForm
from deptcoord.people.models import Assessment, PersonProfile
from deptcoord.people.views.common import SERVICE_ERRORS, cleaned, may, person_or_404


def _matrix_departments(facts):
    return org.departments_allowing(facts, Action.VIEW_DETAILS)


def _chosen_department(request) -> Department:
    choices = _matrix_departments(request.facts)
    text = request.GET.get("department", "")
    if text:
        return get_visible_or_404(request.facts, choices, pk=text)
    preferred = choices.filter(pk=request.person.primary_department_id).first()
    department = preferred or choices.first()
    if department is None:
        raise Http404
    return department


@login_required
def matrix(request):
    """A department's people × skills heat map; gaps against the role's target are marked."""
    department = _chosen_department(request)
    context = {
        "matrix": selectors.skills_matrix(request.facts, department),
        "departments": _matrix_departments(request.facts),
        "department": department,
        "can_import": may_import_skills(request.facts),
    }
    return render(request, "people/matrix.html", context)


@login_required
def matrix_export(request, file_format):
    """The department's skills matrix as CSV or XLSX (the import's own format)."""
    department = _chosen_department(request)
    matrix = selectors.skills_matrix(request.facts, department)
    headers, rows = imports.export_rows(matrix)
    return audited_export(
        request,
        action="people.skills.export",
        target=department,
        filename=f"skills-{department.code}",
        headers=headers,
        rows=rows,
        file_format=file_format,
    )


@login_required
def matrix_import(request):
    """Upload a skills matrix; the preview shows each row's changes or its problems."""
    require(request.facts, Action.VIEW, org.company())
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(settings.IMPORT_MAX_BYTES + 1)
        try:
            rows = read_rows(data, upload.name, imports.REQUIRED_COLUMNS, settings.IMPORT_MAX_BYTES)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            stored = ImportUpload.objects.create(
                kind=imports.UPLOAD_KIND,
                filename=upload.name,
                content=data,
                uploaded_by_id=request.person.pk,
            )
            report = imports.run_import(actor=actor_from(request), rows=rows, commit=False)
            context.update({"report": report, "upload": stored})
    template = "people/import.html#import-result" if request.htmx else "people/import.html"
    return render(request, template, context)


@login_required
@require_POST
def matrix_import_confirm(request, pk):
    """Apply a previewed skills import: all rows or, if any row has become bad, none."""
    upload = get_object_or_404(
        ImportUpload,
        pk=pk,
        kind=imports.UPLOAD_KIND,
        uploaded_by_id=request.person.pk,
        applied_at__isnull=True,
    )
    require(request.facts, Action.VIEW, org.company())
    rows = read_rows(
        bytes(upload.content), upload.filename, imports.REQUIRED_COLUMNS, settings.IMPORT_MAX_BYTES
    )
    report = imports.run_import(actor=actor_from(request), rows=rows, commit=True)
    if report.saved:
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
        messages.success(
            request,
            _("Import done: %(updated)s people reassessed, %(unchanged)s unchanged.")
            % {"updated": report.count("update"), "unchanged": report.count("unchanged")},
        )
        return redirect("people:matrix")
    context = {"form": ImportForm(), "report": report, "upload": upload}
    return render(request, "people/import.html", context)


@login_required
def person_skills(request, pk, form=None):
    """A person's skills against their role's targets, strengths, gaps, mentoring suggestions
    and the history of their assessments."""
    facts = request.facts
    person = person_or_404(request, pk)
    view = selectors.person_skills(facts, person)
    may_assess = may(request, Action.ASSESS, Assessment(person=person))
    profile = PersonProfile(person=person)
    context = {
        "person": person,
        "view": view,
        "chart": selectors.history_chart(view),
        "form": form
        or (
            AssessmentForm(
                initial={"day": timezone.localdate()}, skills=selectors.active_skills(facts)
            )
            if may_assess
            else None
        ),
        "self_assessment": person.pk == request.person.pk,
        "role_form": RoleAssignForm(
            initial={"role_profile": view.role_profile.pk if view.role_profile else None},
            profiles=selectors.role_profiles(facts),
        )
        if may(request, Action.CHANGE, profile)
        else None,
    }
    return render(request, "people/person_skills.html", context)


@login_required
@require_POST
def assess(request, pk):
    """Record an assessment: a self-assessment on one's own page, else a coordinator's."""
    facts = request.facts
    person = person_or_404(request, pk)
    require(facts, Action.ASSESS, Assessment(person=person))
    form = AssessmentForm(request.POST, skills=selectors.active_skills(facts))
    if form.is_valid():
        try:
            services.assessment_create(
                actor=actor_from(request),
                person=person,
                **cleaned(form, ["skill", "level", "day", "note"]),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Assessment saved."))
            return redirect("people:person_skills", pk=person.pk)
    return person_skills(request, person.pk, form=form)


@login_required
@require_POST
def role_assign(request, pk):
    """Give the person a role profile (their skill targets)."""
    facts = request.facts
    person = person_or_404(request, pk)
    require(facts, Action.CHANGE, PersonProfile(person=person))
    form = RoleAssignForm(request.POST, profiles=selectors.role_profiles(facts))
    if form.is_valid():
        services.person_profile_set(
            actor=actor_from(request),
            person=person,
            role_profile=form.cleaned_data["role_profile"],
        )
        messages.success(request, _("Role profile saved."))
    return redirect("people:person_skills", pk=person.pk)
