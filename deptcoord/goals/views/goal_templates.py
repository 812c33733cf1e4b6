"""Goal templates: the list, a template's page with its key results, and rolling it out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.goals import selectors, services
from deptcoord.goals.forms import NewTemplateForm, RollOutForm, TemplateForm, TemplateKeyResultForm
from deptcoord.goals.models import Goal, GoalTemplate, TemplateKeyResult
from deptcoord.goals.periods import next_period, period_choices, quarter_of
from deptcoord.goals.services.templates import TEMPLATE_FIELDS, TEMPLATE_KEY_RESULT_FIELDS
from deptcoord.goals.views.common import (
    SERVICE_ERRORS,
    cleaned,
    posted_version,
    report,
    run_departments,
)
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.org.tree import department_and_teams

ROLL_OUT_FIELDS = ["department", "title_contains", "parent", "period_start", "period_end", "status"]


@login_required
def template_list(request):
    """The goal templates of the person's departments."""
    facts = request.facts
    context = {
        "templates": selectors.templates(facts),
        "can_create": run_departments(facts).exists(),
    }
    return render(request, "goals/template_list.html", context)


def _key_result_errors(error, form) -> None:
    """Errors on ``key_results.0.<field>`` belong to the key-result form's fields."""
    for field, problems in getattr(error, "error_dict", {}).items():
        name = field.removeprefix("key_results.0.")
        target = name if name in form.fields else None
        for problem in problems:
            form.add_error(target, problem)


@login_required
def template_create(request):
    """A new template with its first key result."""
    facts = request.facts
    departments = run_departments(facts)
    if not departments.exists():
        # Nobody may create a template outside a department: this refuses (and records it).
        require(facts, Action.CHANGE, GoalTemplate(department=None))
    data = request.POST or None
    form = NewTemplateForm(data, departments=departments, initial={"kind": Goal.Kind.KPI})
    key_result_form = TemplateKeyResultForm(
        data, prefix="kr", initial={"weight": 1, "currency": org.company().currency}
    )
    if request.method == "POST" and form.is_valid() and key_result_form.is_valid():
        try:
            template = services.template_create(
                actor=actor_from(request),
                department=form.cleaned_data["department"],
                key_results=[cleaned(key_result_form, TEMPLATE_KEY_RESULT_FIELDS)],
                **cleaned(form, TEMPLATE_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
            _key_result_errors(error, key_result_form)
        else:
            messages.success(request, _("Template “%(title)s” created.") % {"title": template})
            return redirect("goals:template_detail", pk=template.pk)
    context = {"form": form, "key_result_form": key_result_form, "template": None}
    return render(request, "goals/template_form.html", context)


def _roll_out_form(request, template, data=None) -> RollOutForm:
    facts, today = request.facts, timezone.localdate()
    last = selectors.last_roll_out(template)
    if last is not None:
        start, end = next_period(last.period_start, last.period_end)
        parent_id = last.parent_id
    else:
        current = quarter_of(today)
        start, end, parent_id = current.start, current.end, None
    return RollOutForm(
        data,
        initial={
            "department": template.department_id,
            "parent": parent_id,
            "period": "custom",
            "period_start": start,
            "period_end": end,
            "status": Goal.Status.ACTIVE,
        },
        departments=Department.objects.filter(
            pk__in=department_and_teams(template.department_id), is_active=True
        ).order_by("code"),
        parents=selectors.roll_out_parents(facts, template, today),
        periods=period_choices(today),
    )


@login_required
def template_detail(request, pk, roll_out_form=None, key_result_form=None):
    """A template: its key results, the goals rolled out from it, and the roll-out form."""
    facts = request.facts
    template = get_visible_or_404(facts, selectors.template_detail_queryset(), pk=pk)
    can_change = can(facts, Action.CHANGE, template)
    can_roll_out = can(facts, Action.ROLL_OUT, template)
    rolled_out = template.goals.select_related("owner", "parent").order_by(
        "-period_end", "owner__full_name"
    )
    context = {
        "template": template,
        "key_results": template.key_results.all(),
        "rolled_out": rolled_out[:100],
        "rolled_out_count": rolled_out.count(),
        "can_change": can_change,
        "can_delete": can(facts, Action.DELETE, template),
        "key_result_form": key_result_form
        or (TemplateKeyResultForm(prefix="kr", initial={"weight": 1}) if can_change else None),
        "roll_out_form": roll_out_form
        or (_roll_out_form(request, template) if can_roll_out else None),
        "history": org.history(facts, template),
    }
    return render(request, "goals/template_detail.html", context)


@login_required
def template_edit(request, pk):
    """Change a template's titles, description, category or kind."""
    facts = request.facts
    template = get_visible_or_404(facts, GoalTemplate, pk=pk)
    require(facts, Action.CHANGE, template)
    initial = {field: getattr(template, field) for field in TEMPLATE_FIELDS}
    form = TemplateForm(request.POST or None, initial={**initial, "version": template.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.template_update(
                actor=actor_from(request),
                template_id=template.pk,
                expected_version=form.expected_version(),
                **cleaned(form, TEMPLATE_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("goals:template_detail", pk=template.pk)
    context = {"form": form, "key_result_form": None, "template": template}
    return render(request, "goals/template_form.html", context)


@login_required
@require_POST
def template_delete(request, pk):
    """Delete a template (the goals rolled out from it stay)."""
    facts = request.facts
    template = get_visible_or_404(facts, GoalTemplate, pk=pk)
    require(facts, Action.DELETE, template)
    services.template_delete(
        actor=actor_from(request), template_id=template.pk, expected_version=posted_version(request)
    )
    messages.success(request, _("Template “%(title)s” deleted.") % {"title": template})
    return redirect("goals:templates")


@login_required
@require_POST
def template_key_result_add(request, pk):
    """Add a key result to the template."""
    facts = request.facts
    template = get_visible_or_404(facts, GoalTemplate, pk=pk)
    require(facts, Action.CHANGE, template)
    form = TemplateKeyResultForm(request.POST, prefix="kr")
    if form.is_valid():
        try:
            services.template_key_result_add(
                actor=actor_from(request),
                template_id=template.pk,
                **cleaned(form, TEMPLATE_KEY_RESULT_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Key result added to the template."))
            return redirect("goals:template_detail", pk=template.pk)
    return template_detail(request, template.pk, key_result_form=form)


@login_required
@require_POST
def template_key_result_remove(request, pk):
    """Remove a key result from its template."""
    facts = request.facts
    row = get_visible_or_404(facts, GoalTemplate, key_results=pk)
    require(facts, Action.CHANGE, row)
    try:
        services.template_key_result_remove(actor=actor_from(request), template_key_result_id=pk)
    except SERVICE_ERRORS as error:
        report(request, error)
    except TemplateKeyResult.DoesNotExist:
        pass
    else:
        messages.success(request, _("Key result removed from the template."))
    return redirect("goals:template_detail", pk=row.pk)


@login_required
@require_POST
def template_roll_out(request, pk):
    """Give each matching person a personal goal from the template."""
    facts = request.facts
    template = get_visible_or_404(facts, GoalTemplate, pk=pk)
    require(facts, Action.ROLL_OUT, template)
    form = _roll_out_form(request, template, request.POST)
    if form.is_valid():
        try:
            result = services.template_roll_out(
                actor=actor_from(request), template_id=template.pk, **cleaned(form, ROLL_OUT_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            created, already = len(result.created), len(result.already)
            message = ngettext(
                "%(count)s personal goal created.", "%(count)s personal goals created.", created
            ) % {"count": created}
            if already:
                message += " " + ngettext(
                    "%(count)s person already had one.",
                    "%(count)s people already had one.",
                    already,
                ) % {"count": already}
            messages.success(request, message)
            return redirect("goals:template_detail", pk=template.pk)
    return template_detail(request, template.pk, roll_out_form=form)
