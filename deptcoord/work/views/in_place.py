"""What Today lets the person do without leaving it: answer a request sent to their
department, mark a step done. The same policy, services, version checks and trail as the
request's and the step's pages."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.core.in_place import attempt, done, slot_of
from deptcoord.work import services
from deptcoord.work.models import Request, Step
from deptcoord.work.views.common import posted_version

REQUEST_ACTIONS = "work/partials/request_answer.html"
STEP_ACTIONS = "work/partials/step_done.html"


@login_required
@require_POST
def request_answer(request, pk):
    """Accept a request as it stands (a step of the department, due when asked), or decline
    it with the reason."""
    found = get_visible_or_404(
        request.facts, Request.objects.select_related("to_department"), pk=pk
    )
    answer = request.POST.get("answer")
    reason = request.POST.get("reason", "")
    actor, version = actor_from(request), posted_version(request)
    context = {
        "data": {"pk": found.pk, "version": version or found.version},
        "slot": slot_of(request),
        "title": found.title,
        "reason": reason,
        "declining": answer == "decline",
    }
    if answer == "decline":

        def service():
            return services.request_decline(
                actor=actor, request_id=found.pk, expected_version=version, reason=reason
            )
    else:

        def service():
            return services.request_accept(
                actor=actor, request_id=found.pk, expected_version=version
            )

    refusal = attempt(
        request,
        found,
        Action.ANSWER,
        service,
        template=REQUEST_ACTIONS,
        context=context,
        denied=_("Only the receiving department's head or coordinator may answer this request."),
    )
    if refusal is not None:
        return refusal
    if answer == "decline":
        return done(request, _("Request declined."))
    found.refresh_from_db(fields=["step"])
    return done(
        request,
        _("Request accepted; it is now a step of your department."),
        reverse("work:step", args=[found.step_id]) if found.step_id else "",
        _("Open the step"),
    )


@login_required
@require_POST
def step_done(request, pk):
    """Mark a step done (its progress full)."""
    step = get_visible_or_404(request.facts, Step, pk=pk)
    version = posted_version(request)
    context = {
        "data": {"pk": step.pk, "version": version or step.version},
        "slot": slot_of(request),
        "title": step.title,
    }
    refusal = attempt(
        request,
        step,
        Action.UPDATE_PROGRESS,
        lambda: services.step_progress(
            actor=actor_from(request),
            step_id=step.pk,
            expected_version=version,
            status=Step.Status.DONE,
            progress=100,
        ),
        template=STEP_ACTIONS,
        context=context,
        denied=_("Only the step's assignee or its department's runners may mark it done."),
    )
    if refusal is not None:
        return refusal
    return done(request, _("Step marked done."))
