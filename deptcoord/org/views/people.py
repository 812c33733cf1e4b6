"""The people directory and each person's page, with add, edit, roles, invitation and time off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import SERVICE_ERRORS, report
from deptcoord.org import selectors, services
from deptcoord.org.forms import CompanyRolesForm, PersonForm, TimeOffForm
from deptcoord.org.models import Department, Membership, Person, TimeOff
from deptcoord.org.services.people import EDITABLE_FIELDS as PERSON_FIELDS
from deptcoord.org.views.common import paginate


def people_filters(request) -> dict:
    """The directory's filters, read from the query string."""
    return {
        "query": request.GET.get("q", "").strip()[:100],
        "department_id": request.GET.get("department") or None,
        "role": request.GET.get("role", ""),
        "include_inactive": request.GET.get("inactive") == "1",
        "sort": request.GET.get("sort", "name"),
    }


@login_required
def people_list(request):
    """The people directory: search, filter by department and role, sort, 50 a page."""
    facts = request.facts
    filters = people_filters(request)
    if filters["department_id"] and not str(filters["department_id"]).isdigit():
        filters["department_id"] = None
    page = paginate(request, selectors.people(facts, **filters))
    company = selectors.company()
    context = {
        "page": page,
        "filters": filters,
        "departments": selectors.department_choices(facts),
        "roles": Membership.Role.choices,
        "can_add": can(facts, Action.ADD_PERSON, company)
        or selectors.departments_allowing(facts, Action.ADD_PERSON).exists(),
        "can_import": can(facts, Action.IMPORT, company),
        "can_export": can(facts, Action.EXPORT, company),
    }
    template = "org/people_list.html#people-table" if request.htmx else "org/people_list.html"
    return render(request, template, context)


@login_required
def person_detail(request, pk):
    """A person's page: who they are, their departments, time off and history."""
    facts = request.facts
    person = get_visible_or_404(facts, selectors.person_detail_queryset(), pk=pk)
    details = can(facts, Action.VIEW_DETAILS, person)
    context = {
        "person": person,
        "details": details,
        "time_off": selectors.person_time_off(facts, person)[:20] if details else [],
        "extra_hours": (
            selectors.person_extra_hours(person, timezone.localdate())[:10] if details else []
        ),
        "history": selectors.history(facts, person),
        "can_change": can(facts, Action.CHANGE, person),
        "can_deactivate": can(facts, Action.DEACTIVATE, person) and person.pk != facts.person_id,
        "can_roles": can(facts, Action.MANAGE_ROLES, person),
        "can_invite": can(facts, Action.INVITE, person) and person.is_active,
        "can_time_off": can(facts, Action.ADD_TIME_OFF, person),
        "time_off_form": TimeOffForm(),
        "roles_form": CompanyRolesForm(
            initial={
                "is_admin": person.is_admin,
                "is_executive": person.is_executive,
                "is_hr": person.is_hr,
                "version": person.version,
            }
        ),
        "today": timezone.localdate(),
        "has_password": bool(person.user and person.user.has_usable_password()),
    }
    return render(request, "org/person_detail.html", context)


@login_required
def person_create(request):
    """Add a person to a department the viewer manages."""
    facts = request.facts
    departments = selectors.departments_allowing(facts, Action.ADD_PERSON)
    if not departments.exists():
        require(facts, Action.ADD_PERSON, selectors.company())
    initial = {"primary_department": request.GET.get("department")}
    form = PersonForm(request.POST or None, departments=departments, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in PERSON_FIELDS}
        try:
            person = services.person_create(actor=actor_from(request), **data)
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("%(name)s added.") % {"name": person})
            return redirect("org:person_detail", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "person": None})


@login_required
def person_edit(request, pk):
    """Change a person's details."""
    facts = request.facts
    person = get_visible_or_404(facts, Person, pk=pk)
    require(facts, Action.CHANGE, person)
    departments = selectors.departments_allowing(facts, Action.ADD_PERSON)
    if person.primary_department_id:
        departments = Department.objects.filter(
            Q(pk__in=departments) | Q(pk=person.primary_department_id)
        ).order_by("code")
    initial = {field: getattr(person, field) for field in PERSON_FIELDS}
    initial["version"] = person.version
    form = PersonForm(request.POST or None, departments=departments, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in PERSON_FIELDS}
        try:
            services.person_update(
                actor=actor_from(request),
                person_id=pk,
                expected_version=form.expected_version(),
                **data,
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org:person_detail", pk=pk)
    return render(request, "org/person_form.html", {"form": form, "person": person})


@login_required
@require_POST
def person_toggle_active(request, pk):
    """Deactivate an active person, or reactivate a deactivated one."""
    facts = request.facts
    person = get_visible_or_404(facts, Person, pk=pk)
    require(facts, Action.DEACTIVATE, person)
    service = services.person_deactivate if person.is_active else services.person_reactivate
    try:
        service(
            actor=actor_from(request), person_id=pk, expected_version=request.POST.get("version")
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(
            request,
            _("%(name)s deactivated.") % {"name": person}
            if person.is_active
            else _("%(name)s reactivated.") % {"name": person},
        )
    return redirect("org:person_detail", pk=pk)


@login_required
@require_POST
def person_roles(request, pk):
    """Grant or withdraw company-wide roles (admin, executive, HR)."""
    facts = request.facts
    person = get_visible_or_404(facts, Person, pk=pk)
    require(facts, Action.MANAGE_ROLES, person)
    form = CompanyRolesForm(request.POST)
    if form.is_valid():
        try:
            services.person_set_company_roles(
                actor=actor_from(request),
                person_id=pk,
                expected_version=form.expected_version(),
                is_admin=form.cleaned_data["is_admin"],
                is_executive=form.cleaned_data["is_executive"],
                is_hr=form.cleaned_data["is_hr"],
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Company roles saved."))
    return redirect("org:person_detail", pk=pk)


@login_required
@require_POST
def person_invite(request, pk):
    """E-mail the person a link to set their password and sign in."""
    facts = request.facts
    person = get_visible_or_404(facts, Person, pk=pk)
    require(facts, Action.INVITE, person)
    try:
        services.person_invite(actor=actor_from(request), person_id=pk)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": person.email})
    return redirect("org:person_detail", pk=pk)


@login_required
@require_POST
def time_off_create(request, pk):
    """Record time off for the person."""
    facts = request.facts
    person = get_visible_or_404(facts, Person, pk=pk)
    require(facts, Action.ADD_TIME_OFF, person)
    form = TimeOffForm(request.POST)
    if form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("start_date", "end_date", "kind", "note")}
        try:
            services.time_off_create(actor=actor_from(request), person=person, **data)
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Time off recorded."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("org:person_detail", pk=pk)


@login_required
@require_POST
def time_off_delete(request, pk):
    """Remove recorded time off."""
    facts = request.facts
    time_off = get_visible_or_404(facts, TimeOff, pk=pk)
    require(facts, Action.DELETE, time_off)
    services.time_off_delete(actor=actor_from(request), time_off_id=pk)
    messages.success(request, _("Time off removed."))
    return redirect("org:person_detail", pk=time_off.person_id)
