"""What a meeting settles, recorded in place: its decisions and action items."""

from contextlib import suppress

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.meetings import services
from deptcoord.meetings.forms import (
    ActionItemForm,
    DecisionForm,
)
from deptcoord.meetings.models import ActionItem, Decision
from deptcoord.meetings.views.common import (
    SERVICE_ERRORS,
    fields,
    parse_day,
    people_choices,
    posted_version,
    refusal_of,
    report,
)
from deptcoord.meetings.views.occurrences import (
    _back,
    _occurrence,
    _page,
    _refusal,
    _said,
    _section,
)


@login_required
@require_POST
def decision_create(request, pk, day):
    """Record a decision."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    form = DecisionForm(request.POST, prefix="decision")
    if form.is_valid():
        try:
            decision = services.decision_create(
                actor=actor_from(request),
                meeting=meeting,
                occurrence=day,
                text=form.cleaned_data["text"],
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            if request.htmx:
                return _section(request, meeting, day, "decisions", focus=f"decision-{decision.pk}")
            return _back(meeting, day)
    if request.htmx:
        return _section(
            request, meeting, day, "decisions", decision_form=form, focus="decision-form"
        )
    return _page(request, meeting, day, found, decision_form=form)


@login_required
@require_POST
def decision_delete(request, pk):
    """Withdraw a decision recorded by mistake (its note in the records goes too)."""
    decision = get_visible_or_404(request.facts, Decision.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.DELETE, decision)
    meeting, day = decision.meeting, decision.occurrence
    services.decision_delete(actor=actor_from(request), decision_id=decision.pk)
    if request.htmx:
        return _section(
            request,
            meeting,
            day,
            "decisions",
            section_messages=_said("success", _("The decision is withdrawn.")),
            focus="decisions-messages",
        )
    messages.success(request, _("The decision is withdrawn."))
    return _back(meeting, day)


@login_required
@require_POST
def action_item_create(request, pk, day):
    """Record an action item; it becomes a step of the assignee's department."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    form = ActionItemForm(request.POST, people=people_choices(request.facts), prefix="action")
    if form.is_valid():
        try:
            data = fields(form)
            data["assignee"] = data["assignee"] or request.person
            item = services.action_item_create(
                actor=actor_from(request), meeting=meeting, occurrence=day, **data
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            if request.htmx:
                return _section(request, meeting, day, "actions", focus=f"action-{item.pk}")
            return _back(meeting, day)
    if request.htmx:
        return _section(request, meeting, day, "actions", action_form=form, focus="action-form")
    return _page(request, meeting, day, found, action_form=form)


@login_required
@require_POST
def action_item_edit(request, pk):
    """Change an action item's title, assignee or due date (its step follows)."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.CHANGE, item)
    form = ActionItemForm(
        request.POST, people=people_choices(request.facts), prefix=f"action{item.pk}"
    )
    error = None
    if form.is_valid():
        data = fields(form)
        data["assignee"] = data["assignee"] or item.assignee
        try:
            services.action_item_update(
                actor=actor_from(request),
                item_id=item.pk,
                expected_version=form.expected_version(),
                **data,
            )
        except SERVICE_ERRORS as caught:
            form.apply_service_error(caught)
            error = caught
    meeting, day = item.meeting, item.occurrence
    if request.htmx:
        if form.errors:
            form.item_id = item.pk
            return _section(
                request,
                meeting,
                day,
                "actions",
                action_edit_form=form,
                focus=f"action-edit-errors-{item.pk}",
            )
        return _section(request, meeting, day, "actions", focus=f"action-{item.pk}")
    if error is None and form.errors:
        error = ValidationError([m for ms in form.errors.values() for m in ms])
    if error is not None:
        report(request, error)
    return _back(meeting, day)


@login_required
@require_POST
def action_item_delete(request, pk):
    """Take back an action item recorded by mistake (its untouched step goes too)."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.DELETE, item)
    meeting, day = item.meeting, item.occurrence
    try:
        step_went = services.action_item_delete(
            actor=actor_from(request), item_id=item.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        said = _refusal(error)
    else:
        done = (
            _("“%(title)s” is taken back, with its step.")
            if step_went
            else _("“%(title)s” is taken back; its step was already worked on and stays.")
            if item.step_id
            else _("“%(title)s” is taken back.")
        )
        said = _said("success", done % {"title": item.title})
    if request.htmx:
        return _section(
            request, meeting, day, "actions", section_messages=said, focus="actions-messages"
        )
    for message in said:
        getattr(messages, message["level"].replace("danger", "error"))(request, message["text"])
    return _back(meeting, day)


@login_required
@require_POST
def action_item_toggle(request, pk):
    """Mark an action item done, or open again."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.CHANGE, item)
    status = (
        ActionItem.Status.OPEN if item.status == ActionItem.Status.DONE else ActionItem.Status.DONE
    )
    error = refusal_of(
        lambda: services.action_item_update(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            status=status,
        )
    )
    meeting, day = item.meeting, item.occurrence
    back = request.POST.get("back", "")
    if len(back) == 10:  # the day the page showed (an action carried over from an earlier one)
        with suppress(Http404):
            day = parse_day(back)
    if request.htmx:
        return _section(
            request,
            meeting,
            day,
            "actions",
            section_messages=_refusal(error) if error is not None else [],
            focus="actions-messages" if error is not None else f"toggle-{item.pk}",
        )
    if error is not None:
        report(request, error)
    return _back(meeting, day)
