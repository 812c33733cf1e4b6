"""A key result's page with its chart and forecast; adding, changing, removing key results and
checking in on them."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.in_place import attempt, done, slot_of
from deptcoord.core.service_calls import run_service
from deptcoord.goals import selectors, services
from deptcoord.goals.briefing import check_in_action
from deptcoord.goals.charts import key_result_chart
from deptcoord.goals.formatting import format_measure
from deptcoord.goals.forms import CheckInForm, KeyResultForm
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.outlook import forecast_for, progress_of
from deptcoord.goals.services.key_results import KEY_RESULT_FIELDS
from deptcoord.goals.views.common import (
    cleaned,
    people_choices,
    posted_version,
)
from deptcoord.org import selectors as org

CHECK_IN_FIELDS = ["value", "confidence", "note", "day"]


@dataclass
class KeyResultCard:
    """A key result as its card shows it: progress, and the check-in form when allowed."""

    key_result: KeyResult
    progress: float
    form: CheckInForm | None
    saved: bool = False


def check_in_form(key_result: KeyResult, data=None) -> CheckInForm:
    """The check-in form of one key result (ids made unique for pages with several)."""
    return CheckInForm(data, key_result=key_result, auto_id=f"kr{key_result.pk}-%s")


def key_result_cards(request, key_results: list[KeyResult]) -> list[KeyResultCard]:
    """Cards for the key results of a goal page."""
    return [
        KeyResultCard(
            key_result,
            progress_of(key_result),
            check_in_form(key_result) if can(request.facts, Action.CHECK_IN, key_result) else None,
        )
        for key_result in key_results
    ]


def _key_result(request, pk) -> KeyResult:
    return get_visible_or_404(
        request.facts, KeyResult.objects.select_related("goal", "owner", "goal__owner"), pk=pk
    )


@login_required
def key_result_detail(request, pk, form=None, saved=False, status=200):
    """A key result: check-ins against the ideal line, the forecast, and a check-in form.
    Checked in from the page itself (htmx), only the page's body is sent back."""
    facts = request.facts
    key_result = _key_result(request, pk)
    today = timezone.localdate()
    history = selectors.check_ins(facts, key_result)
    result = forecast_for(key_result, history, today)
    may_check_in = can(facts, Action.CHECK_IN, key_result)
    context = {
        "key_result": key_result,
        "goal": key_result.goal,
        "check_ins": list(reversed(history)),
        "forecast": result,
        "progress": progress_of(key_result),
        "projected_progress": result.projected_progress_percent if result else None,
        "chart": key_result_chart(key_result, history, result, today),
        "form": form or (check_in_form(key_result) if may_check_in else None),
        "saved": saved,
        "history": org.history(facts, key_result),
        "can_change": can(facts, Action.CHANGE, key_result),
        "can_delete": can(facts, Action.DELETE, key_result),
    }
    template = "goals/key_result_detail.html"
    if request.htmx and request.POST.get("place") == "page":
        template += "#body"
    return render(request, template, context, status=status)


@login_required
@require_POST
def check_in(request, pk):
    """Record a check-in: from a goal page (htmx) the key result's card is sent back, from the
    key result's page its body, from Today the line's confirmation."""
    facts = request.facts
    key_result = _key_result(request, pk)
    if request.htmx and request.POST.get("place") == "today":
        return _check_in_here(request, key_result)
    require(facts, Action.CHECK_IN, key_result)
    form = check_in_form(key_result, request.POST)
    outcome = None
    if form.is_valid():
        outcome = run_service(
            request,
            lambda: services.check_in_create(
                actor=actor_from(request),
                key_result_id=key_result.pk,
                **cleaned(form, CHECK_IN_FIELDS),
            ),
            form=form,
        )
    saved = bool(outcome)
    if request.htmx and request.POST.get("place") == "page":
        if saved:
            return key_result_detail(request, pk, saved=True)
        return key_result_detail(request, pk, form=form, status=outcome.status if outcome else 400)
    if request.htmx:
        return _card_response(request, pk, form, saved)
    if saved:
        messages.success(request, _("Check-in saved."))
        return redirect("goals:key_result_detail", pk=pk)
    return key_result_detail(request, pk, form=form)


TODAY_CHECK_IN = "goals/partials/today_check_in.html"


def _check_in_here(request, key_result: KeyResult):
    """A check-in from a line of Today: a value and a note, the confidence as it stood."""
    form = check_in_form(key_result, request.POST)
    context = {
        "data": check_in_action(request.facts, key_result).get("action_data")
        or {"pk": key_result.pk, "metric": key_result.metric},
        "slot": slot_of(request),
        "title": key_result.title,
        "value": request.POST.get("value", ""),
        "note": request.POST.get("note", ""),
    }

    def service():
        if not form.is_valid():
            raise ValidationError([error for errors in form.errors.values() for error in errors])
        return services.check_in_create(
            actor=actor_from(request),
            key_result_id=key_result.pk,
            **cleaned(form, CHECK_IN_FIELDS),
        )

    refusal = attempt(
        request,
        key_result,
        Action.CHECK_IN,
        service,
        template=TODAY_CHECK_IN,
        context=context,
        denied=_("Only the key result's owner or its goal's runners may check in on it."),
    )
    if refusal is not None:
        return refusal
    key_result.refresh_from_db(fields=["current_value"])
    return done(
        request,
        _("Check-in saved: now %(value)s.")
        % {
            "value": format_measure(
                key_result.current_value,
                key_result.metric,
                key_result.unit,
                key_result.currency,
                len(key_result.milestone_names),
            )
        },
        reverse("goals:key_result_detail", args=[key_result.pk]),
        _("Open the key result"),
    )


def _card_response(request, pk, form, saved: bool):
    """The key result's card again; after a check-in, the goal's summary too (out of band)."""
    fresh = _key_result(request, pk)
    card = KeyResultCard(fresh, progress_of(fresh), check_in_form(fresh) if saved else form, saved)
    response = render(request, "goals/_key_result_card.html", {"card": card})
    if saved:
        summary = render_to_string(
            "goals/goal_detail.html#summary",
            {"goal": fresh.goal, "basis": selectors.progress_basis(fresh.goal), "oob": True},
            request,
        )
        response.content += summary.encode()
    return response


def _form(request, initial):
    return KeyResultForm(
        request.POST or None, initial=initial, people=people_choices(request.facts)
    )


@login_required
def key_result_create(request, pk):
    """Add a key result to a goal."""
    facts = request.facts
    goal = get_visible_or_404(facts, Goal, pk=pk)
    require(facts, Action.CHANGE, goal)
    initial = {
        "owner": goal.owner_id,
        "direction": "increase",
        "weight": 1,
        "currency": org.company().currency,
    }
    form = _form(request, initial)
    if request.method == "POST" and form.is_valid():
        created = run_service(
            request,
            lambda: services.key_result_create(
                actor=actor_from(request), goal=goal, **cleaned(form, KEY_RESULT_FIELDS)
            ),
            form=form,
        )
        if created:
            title = {"title": created.value}
            messages.success(request, _("Key result “%(title)s” added.") % title)
            return redirect("goals:goal_detail", pk=goal.pk)
    context = {"form": form, "goal": goal, "key_result": None}
    return render(request, "goals/key_result_form.html", context)


@login_required
def key_result_edit(request, pk):
    """Change a key result's measure, owner, weight or dates."""
    facts = request.facts
    key_result = _key_result(request, pk)
    require(facts, Action.CHANGE, key_result)
    initial = {field: getattr(key_result, field) for field in KEY_RESULT_FIELDS}
    initial.update(owner=key_result.owner_id, version=key_result.version)
    form = _form(request, initial)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            lambda: services.key_result_update(
                actor=actor_from(request),
                key_result_id=key_result.pk,
                expected_version=form.expected_version(),
                **cleaned(form, KEY_RESULT_FIELDS),
            ),
            form=form,
        )
        if saved:
            messages.success(request, _("Changes saved."))
            return redirect("goals:key_result_detail", pk=key_result.pk)
    context = {"form": form, "goal": key_result.goal, "key_result": key_result}
    return render(request, "goals/key_result_form.html", context)


@login_required
@require_POST
def key_result_delete(request, pk):
    """Remove a key result and its check-ins."""
    facts = request.facts
    key_result = _key_result(request, pk)
    require(facts, Action.DELETE, key_result)
    deleted = run_service(
        request,
        lambda: services.key_result_delete(
            actor=actor_from(request),
            key_result_id=key_result.pk,
            expected_version=posted_version(request),
        ),
    )
    if not deleted:
        return redirect("goals:key_result_detail", pk=pk)
    messages.success(request, _("Key result “%(title)s” removed.") % {"title": key_result})
    return redirect("goals:goal_detail", pk=key_result.goal_id)
