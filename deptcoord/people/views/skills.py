"""Skills pages: a department's skills matrix (with import and export), a person's skills with
their history, assessing, and giving a person a role profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.import_views import import_confirm_page, import_upload_page
from deptcoord.core.imports import may_import
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.people import imports, selectors, services
from deptcoord.people.forms import AssessmentForm, RoleAssignForm
from deptcoord.people.models import Assessment, PersonProfile
from deptcoord.people.views.common import SERVICE_ERRORS, cleaned, may, person_or_404

IMPORT_TEMPLATE = "people/import.html"
MATRIX_PEOPLE_PER_PAGE = 50  # rows of the skills matrix on screen, a page at a time


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
    """A department's people × skills heat map, fifty people a page; gaps against the role's
    target are marked (the gaps counted above it are the whole department's)."""
    department = _chosen_department(request)
    matrix = selectors.skills_matrix(request.facts, department)
    page = Paginator(matrix.rows, MATRIX_PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = matrix.fill(page.object_list)
    context = {
        "matrix": matrix,
        "page": page,
        "departments": _matrix_departments(request.facts),
        "department": department,
        "can_import": may_import(request.facts, imports.UPLOAD_KIND),
    }
    return render(request, "people/matrix.html", context)


@login_required
def matrix_export(request, file_format):
    """The department's skills matrix as CSV or XLSX (the import's own format)."""
    department = _chosen_department(request)
    matrix = selectors.skills_matrix(request.facts, department)
    matrix.fill(matrix.rows)
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
    return import_upload_page(request, imports.UPLOAD_KIND, template=IMPORT_TEMPLATE, context={})


@login_required
@require_POST
def matrix_import_confirm(request, pk):
    """Apply a previewed skills import: all rows or, if any row has become bad, none."""
    return import_confirm_page(
        request,
        pk,
        kinds={imports.UPLOAD_KIND},
        template=IMPORT_TEMPLATE,
        context_for=lambda name, scope: {},
    )


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
