"""Changing a step's dates from the timeline, with a preview of the steps it pushes, and moving
those steps later in one go (from the preview or from the step's page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import error_messages
from deptcoord.work import selectors, services
from deptcoord.work.messages import NOTHING_TO_SHIFT
from deptcoord.work.services.shifts import check_new_dates, parse_versions, shift_preview
from deptcoord.work.views.common import SERVICE_ERRORS, posted_version, report


def _step(request, pk, action):
    step = get_visible_or_404(request.facts, selectors.step_detail_queryset(), pk=pk)
    require(request.facts, action, step)
    return step


def _back(step) -> str:
    if step.project_id:
        return reverse("work:project_timeline", args=[step.project_id])
    return reverse("work:step", args=[step.pk])


@login_required
@require_GET
def reschedule_preview(request, pk):
    """What new dates (``?start=&due=``) would push, with Save / Save and move them / Cancel
    (a fragment for the timeline's dialog)."""
    step = _step(request, pk, Action.CHANGE)
    context = {"step": step}
    try:
        start, due = check_new_dates(
            request.GET.get("start", step.start), request.GET.get("due", step.due)
        )
    except ValidationError as error:
        context["problems"] = error_messages(error)
        return render(request, "work/_reschedule_preview.html", context, status=400)
    context |= {"start": start, "due": due}
    context["preview"] = shift_preview(request.facts, step, start, due)
    return render(request, "work/_reschedule_preview.html", context)


@login_required
@require_POST
def reschedule(request, pk):
    """Save new dates; with ``shift=1`` the steps they push move later in the same go."""
    step = _step(request, pk, Action.CHANGE)
    shift = request.POST.get("shift") == "1"
    try:
        start, due = check_new_dates(request.POST.get("start"), request.POST.get("due"))
        _saved, moves = services.step_reschedule(
            actor=actor_from(request),
            step_id=step.pk,
            expected_version=posted_version(request),
            start=start,
            due=due,
            shift=shift,
            expected_versions=(parse_versions(request.POST.get("versions", "")) or {})
            if shift
            else None,
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _moved_message(moves))
    return redirect(_back(step))


def _moved_message(moves) -> str:
    if not moves:
        return _("Dates saved.")
    return ngettext(
        "Dates saved. %(count)s waiting step moved later; its owner was told.",
        "Dates saved. %(count)s waiting steps moved later; their owners were told.",
        len(moves),
    ) % {"count": len(moves)}


@login_required
@require_POST
def slip_shift(request, pk):
    """Move later, in one go, the steps this one now pushes (from the step's page)."""
    step = _step(request, pk, Action.VIEW)
    try:
        moves = services.slip_shift(
            actor=actor_from(request),
            step_id=step.pk,
            expected_versions=parse_versions(request.POST.get("versions", "")) or {},
        )
    except SERVICE_ERRORS as error:
        report(request, error)
        return redirect(reverse("work:step", args=[step.pk]) + "?pushed=1")
    if not moves:
        messages.info(request, NOTHING_TO_SHIFT)
        return redirect("work:step", pk=step.pk)
    messages.success(
        request,
        ngettext(
            "%(count)s waiting step moved later; its owner was told.",
            "%(count)s waiting steps moved later; their owners were told.",
            len(moves),
        )
        % {"count": len(moves)},
    )
    return redirect("work:step", pk=step.pk)
