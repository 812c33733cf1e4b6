"""Development plans: the list, a plan with its actions, writing plans and ticking actions off."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.org import selectors as org
from deptcoord.org.views.common import paginate
from deptcoord.people import exports, selectors, services
from deptcoord.people.forms import ActionForm, PlanForm
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan
from deptcoord.people.views.common import SERVICE_ERRORS, cleaned, may, person_or_404

PLAN_FIELDS = ["period_start", "period_end", "goal", "status"]
ACTION_FIELDS = ["kind", "title", "skill", "mentor", "step", "due"]


def _plans_filtered(request):
    """The status asked for in the address (active by default) and the plans it matches."""
    status = request.GET.get("status", "active")
    return status, selectors.plans(request.facts, status=status)


@login_required
def plans(request):
    """The development plans the viewer may see: their own, their department's."""
    status, found = _plans_filtered(request)
    page = paginate(request, found)
    context = {
        "plans": page,
        "page": page,
        "status": status,
        "statuses": DevelopmentPlan.Status.choices,
        "today": timezone.localdate(),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "people/plan_list.html", context)


@login_required
def plans_export(request, file_format):
    """The development plans as filtered on screen, as CSV or XLSX."""
    _status, found = _plans_filtered(request)
    return audited_export(
        request,
        action="people.plan.export",
        kind="development_plans",
        filename=exports.PLANS_FILENAME,
        headers=exports.PLAN_COLUMNS,
        rows=exports.plan_rows(found),
        file_format=file_format,
    )


@login_required
def plan_create(request, pk):
    """Write a development plan for a person."""
    person = person_or_404(request, pk)
    require(request.facts, Action.CHANGE, DevelopmentPlan(person=person))
    today = timezone.localdate()
    initial = {"period_start": today, "period_end": today + timedelta(days=182)}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                actor=actor_from(request), person=person, **cleaned(form, PLAN_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Development plan saved. Add its actions."))
            return redirect("people:plan_detail", pk=plan.pk)
    context = {"form": form, "person": person, "plan": None}
    return render(request, "people/plan_form.html", context)


def _action_form(request, plan, data=None):
    return ActionForm(
        data,
        prefix="action",
        initial={"due": plan.period_end},
        skills=selectors.active_skills(request.facts),
        people=org.people(request.facts).exclude(pk=plan.person_id),
        steps=selectors.steps_for(request.facts, plan.person),
    )


@login_required
def plan_detail(request, pk, action_form=None):
    """A plan: its goal, period and actions with their progress."""
    facts = request.facts
    plan = get_visible_or_404(facts, selectors.plan_detail_queryset(), pk=pk)
    actions = list(plan.actions.all())
    done = sum(1 for action in actions if action.is_done)
    may_change = may(request, Action.CHANGE, plan)
    context = {
        "plan": plan,
        "actions": actions,
        "done": done,
        "progress": round(100 * done / len(actions)) if actions else 0,
        "today": timezone.localdate(),
        "can_change": may_change,
        "can_mark": may(request, Action.CHECK_IN, plan),
        "action_form": action_form or (_action_form(request, plan) if may_change else None),
        "history": org.history(facts, plan),
    }
    return render(request, "people/plan_detail.html", context)


@login_required
def plan_edit(request, pk):
    """Change a plan's period, goal or status."""
    plan = get_visible_or_404(request.facts, DevelopmentPlan, pk=pk)
    require(request.facts, Action.CHANGE, plan)
    initial = {field: getattr(plan, field) for field in PLAN_FIELDS}
    form = PlanForm(request.POST or None, initial={**initial, "version": plan.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(
                actor=actor_from(request),
                plan_id=plan.pk,
                expected_version=form.expected_version(),
                **cleaned(form, PLAN_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:plan_detail", pk=plan.pk)
    context = {"form": form, "person": plan.person, "plan": plan}
    return render(request, "people/plan_form.html", context)


@login_required
@require_POST
def action_add(request, pk):
    """Add a training, mentoring or stretch action to the plan."""
    plan = get_visible_or_404(request.facts, DevelopmentPlan, pk=pk)
    require(request.facts, Action.CHANGE, plan)
    form = _action_form(request, plan, request.POST)
    if form.is_valid():
        try:
            services.action_add(
                actor=actor_from(request), plan_id=plan.pk, **cleaned(form, ACTION_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Action added to the plan."))
            return redirect("people:plan_detail", pk=plan.pk)
    return plan_detail(request, plan.pk, action_form=form)


@login_required
@require_POST
def action_mark(request, pk):
    """Tick an action off, or open it again."""
    action = get_visible_or_404(
        request.facts, DevelopmentAction.objects.select_related("plan"), pk=pk
    )
    require(request.facts, Action.CHECK_IN, action.plan)
    done = request.POST.get("done") == "1"
    services.action_mark(actor=actor_from(request), action_id=action.pk, done=done)
    messages.success(request, _("Marked done.") if done else _("Opened again."))
    return redirect("people:plan_detail", pk=action.plan_id)
