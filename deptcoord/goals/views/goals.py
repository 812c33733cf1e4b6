"""A goal's page, and creating, changing and deleting goals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import show_denial
from deptcoord.goals import messages as goal_messages
from deptcoord.goals import selectors, services
from deptcoord.goals.access import may_add_goal_records
from deptcoord.goals.forms import GoalForm
from deptcoord.goals.models import Goal
from deptcoord.goals.periods import period_choices, quarter_of
from deptcoord.goals.services.goal_checks import GOAL_FIELDS
from deptcoord.goals.views.common import (
    SERVICE_ERRORS,
    cleaned,
    goal_departments,
    people_choices,
    posted_version,
    report,
)
from deptcoord.goals.views.key_results import key_result_cards
from deptcoord.org import selectors as org

CHILD_LEVEL = {
    Goal.Level.COMPANY: Goal.Level.DEPARTMENT,
    Goal.Level.DEPARTMENT: Goal.Level.TEAM,
    Goal.Level.TEAM: Goal.Level.PERSON,
    Goal.Level.PERSON: Goal.Level.PERSON,
}


@login_required
def goal_detail(request, pk):
    """A goal: its key results with check-ins and forecasts, contributing goals and history."""
    facts = request.facts
    goal = get_visible_or_404(facts, selectors.goal_detail_queryset(), pk=pk)
    children, hidden = selectors.contributing(facts, goal)
    context = {
        "goal": goal,
        "basis": selectors.progress_basis(goal),
        "ancestors": selectors.ancestors(facts, goal),
        "cards": key_result_cards(request, selectors.key_results(facts, goal)),
        "children": children,
        "hidden_children": hidden,
        "history": org.history(facts, goal),
        "can_change": can(facts, Action.CHANGE, goal),
        "can_delete": can(facts, Action.DELETE, goal) and goal.status == Goal.Status.DRAFT,
        "can_align": may_add_goal_records(facts),
    }
    return render(request, "goals/goal_detail.html", context)


def _form(request, initial, current=None):
    facts = request.facts
    today = timezone.localdate()
    parents = selectors.parent_choices(facts, today, current)
    form = GoalForm(
        request.POST or None,
        initial=initial,
        departments=goal_departments(facts),
        people=people_choices(facts),
        parents=parents,
        periods=period_choices(today),
    )
    if not can(facts, Action.CHANGE, Goal(level=Goal.Level.COMPANY)):
        # Company goals are kept by executives and admins: not a level offered to others.
        form.fields["level"].choices = [
            choice for choice in Goal.Level.choices if choice[0] != Goal.Level.COMPANY
        ]
    return form


def _new_goal_initial(request) -> dict:
    facts, me = request.facts, request.person
    period = quarter_of(timezone.localdate())
    initial = {
        "owner": me.pk,
        "level": Goal.Level.DEPARTMENT if facts.departments_run() else Goal.Level.PERSON,
        "department": me.primary_department_id,
        "period": period.key,
        "period_start": period.start,
        "period_end": period.end,
        "priority": Goal.Priority.MEDIUM,
        "status": Goal.Status.ACTIVE,
        "weight": 1,
    }
    parent_id = request.GET.get("parent", "")
    if parent_id.isdigit():
        parent = get_visible_or_404(facts, Goal, pk=parent_id)
        initial.update(
            parent=parent.pk,
            level=CHILD_LEVEL[parent.level],
            category=parent.category,
            period="custom",
            period_start=parent.period_start,
            period_end=parent.period_end,
        )
        if parent.department_id and not facts.is_admin:
            initial["department"] = parent.department_id
    if facts.is_executive and not parent_id:
        initial.update(level=Goal.Level.COMPANY, department=None)
    return initial


@login_required
def goal_create(request):
    """A new goal (aligned under ``?parent=`` when given)."""
    require(request.facts, Action.VIEW, org.company())
    form = _form(request, _new_goal_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(actor=actor_from(request), **cleaned(form, GOAL_FIELDS))
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, goal_messages.NOT_ALLOWED_THERE, "department")
        else:
            messages.success(request, _("Goal “%(title)s” created.") % {"title": goal.title})
            return redirect("goals:goal_detail", pk=goal.pk)
    return render(request, "goals/goal_form.html", {"form": form, "goal": None})


@login_required
def goal_edit(request, pk):
    """Change a goal: titles, level, department, owner, alignment, period, status…"""
    facts = request.facts
    goal = get_visible_or_404(facts, Goal, pk=pk)
    require(facts, Action.CHANGE, goal)
    initial = {field: getattr(goal, field) for field in GOAL_FIELDS}
    initial.update(
        department=goal.department_id,
        owner=goal.owner_id,
        parent=goal.parent_id,
        period="custom",
        version=goal.version,
    )
    form = _form(request, initial, current=goal)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(
                actor=actor_from(request),
                goal_id=goal.pk,
                expected_version=form.expected_version(),
                **cleaned(form, GOAL_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, goal_messages.OUT_OF_REACH, "department")
        else:
            messages.success(request, _("Changes saved."))
            return redirect("goals:goal_detail", pk=goal.pk)
    return render(request, "goals/goal_form.html", {"form": form, "goal": goal})


@login_required
@require_POST
def goal_delete(request, pk):
    """Delete a draft goal."""
    facts = request.facts
    goal = get_visible_or_404(facts, Goal, pk=pk)
    require(facts, Action.DELETE, goal)
    try:
        services.goal_delete(
            actor=actor_from(request), goal_id=goal.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        report(request, error)
        return redirect("goals:goal_detail", pk=goal.pk)
    messages.success(request, _("Goal “%(title)s” deleted.") % {"title": goal.title})
    return redirect("goals:tree")
