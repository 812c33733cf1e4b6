"""The department tree and each department's page, with create, edit, move and deactivate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import show_denial
from deptcoord.org import messages as messages_org
from deptcoord.org import selectors, services
from deptcoord.org.forms import DepartmentForm, MembershipForm
from deptcoord.org.models import Department, Membership
from deptcoord.org.views.common import SERVICE_ERRORS


@login_required
def department_tree(request):
    """The organisation chart as a tree."""
    facts = request.facts
    include_inactive = request.GET.get("inactive") == "1"
    roots = selectors.department_tree(facts, include_inactive=include_inactive)
    company = selectors.company()
    context = {
        "nodes": selectors.flatten(roots),
        "include_inactive": include_inactive,
        "can_create": can(facts, Action.CREATE_DEPARTMENT, company)
        or selectors.departments_allowing(facts, Action.ADD_SUBDEPARTMENT).exists(),
        "can_import": can(facts, Action.IMPORT, company),
        "can_export": can(facts, Action.EXPORT, company),
    }
    return render(request, "org/department_tree.html", context)


@login_required
def department_detail(request, pk):
    """A department: its leaders, members, sub-departments and history."""
    facts = request.facts
    department = get_visible_or_404(facts, Department.objects.select_related("parent"), pk=pk)
    memberships = list(selectors.department_members(facts, department))
    manage = can(facts, Action.MANAGE_MEMBERS, department)
    context = {
        "department": department,
        "memberships": memberships,
        "children": selectors.department_children(facts, department),
        "history": selectors.history(facts, department),
        "can_change": can(facts, Action.CHANGE, department),
        "can_deactivate": can(facts, Action.DEACTIVATE, department),
        "can_add_child": can(facts, Action.ADD_SUBDEPARTMENT, department),
        "can_manage": manage,
        "roles": Membership.Role,
    }
    return render(request, "org/department_detail.html", context)


def _membership_form(facts, department, memberships, data=None):
    existing = [membership.person_id for membership in memberships]
    people = selectors.people(facts).exclude(pk__in=existing)
    return MembershipForm(data, people=people)


@login_required
def department_create(request):
    """A new department, under a parent the person runs (or at the top for admins)."""
    facts = request.facts
    parents = selectors.departments_allowing(facts, Action.ADD_SUBDEPARTMENT)
    initial = {"parent": request.GET.get("parent")}
    form = DepartmentForm(request.POST or None, parents=parents, initial=initial)
    if not parents.exists():
        require(facts, Action.CREATE_DEPARTMENT, selectors.company())
    elif not can(facts, Action.CREATE_DEPARTMENT, selectors.company()):
        # Only a sub-department of one the person runs: "top level" is not offered.
        form.fields["parent"].required = True
        form.fields["parent"].empty_label = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            department = services.department_create(actor=actor_from(request), **data)
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, messages_org.NOT_YOUR_PARENT, "parent")
        else:
            messages.success(request, _("Department “%(name)s” created.") % {"name": department})
            return redirect("org:department_detail", pk=department.pk)
    context = {"form": form, "department": None}
    return render(request, "org/department_form.html", context)


@login_required
def department_edit(request, pk):
    """Change a department's names, code, description or parent."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.CHANGE, department)
    parents = (
        Department.objects.filter(
            Q(pk__in=selectors.departments_allowing(facts, Action.ADD_SUBDEPARTMENT))
            | Q(pk=department.parent_id)
        )
        .exclude(pk=department.pk)
        .order_by("code")
    )
    initial = {
        "code": department.code,
        "name_en": department.name_en,
        "name_vi": department.name_vi,
        "parent": department.parent_id,
        "description": department.description,
        "version": department.version,
    }
    form = DepartmentForm(request.POST or None, parents=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.department_update(
                actor=actor_from(request),
                department_id=pk,
                expected_version=form.expected_version(),
                **data,
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org:department_detail", pk=pk)
    return render(request, "org/department_form.html", {"form": form, "department": department})


@login_required
@require_POST
def department_toggle_active(request, pk):
    """Deactivate an active department, or reactivate a deactivated one."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.DEACTIVATE, department)
    service = (
        services.department_deactivate if department.is_active else services.department_reactivate
    )
    try:
        service(
            actor=actor_from(request),
            department_id=pk,
            expected_version=request.POST.get("version"),
        )
    except SERVICE_ERRORS as error:
        for message in getattr(error, "messages", [str(getattr(error, "message", error))]):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Department deactivated.") if department.is_active else _("Department reactivated."),
        )
    return redirect("org:department_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def membership_add(request, pk):
    """Add a person to the department with a role (or change their role there). The form is
    asked for only when someone means to add a person: its list holds everyone in the company,
    which the department's page should not write out on every visit."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.MANAGE_MEMBERS, department)
    memberships = list(selectors.department_members(facts, department))
    form = _membership_form(facts, department, memberships, request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        services.membership_set(
            actor=actor_from(request),
            person=person,
            department=department,
            role=form.cleaned_data["role"],
        )
        messages.success(request, _("%(name)s added.") % {"name": person})
        return redirect("org:department_detail", pk=pk)
    template = "org/membership_add.html"
    if request.htmx and request.method == "GET":
        template += "#membership-form"
    context = {"department": department, "membership_form": form}
    return render(request, template, context)


@login_required
@require_POST
def membership_role(request, pk):
    """Change a member's role in the department."""
    facts = request.facts
    membership = get_visible_or_404(facts, Membership.objects.select_related("department"), pk=pk)
    require(facts, Action.CHANGE, membership)
    role = request.POST.get("role", "")
    if role in Membership.Role.values:
        services.membership_set(
            actor=actor_from(request),
            person=membership.person,
            department=membership.department,
            role=role,
        )
        messages.success(request, _("Role changed."))
    return redirect("org:department_detail", pk=membership.department_id)


@login_required
@require_POST
def membership_remove(request, pk):
    """Take a person out of the department."""
    facts = request.facts
    membership = get_visible_or_404(facts, Membership, pk=pk)
    require(facts, Action.DELETE, membership)
    services.membership_remove(actor=actor_from(request), membership_id=pk)
    messages.success(request, _("Removed from the department."))
    return redirect("org:department_detail", pk=membership.department_id)
