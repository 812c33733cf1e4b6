"""What Today lets the person do with a warning given to them without leaving it:
acknowledge it, through the same policy, service and trail as the warning's page."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.core.in_place import attempt, done, slot_of
from deptcoord.people import services
from deptcoord.people.models import Feedback


@login_required
@require_POST
def warning_acknowledge(request, pk):
    """The subject acknowledges a warning; it is final from then on."""
    feedback = get_visible_or_404(request.facts, Feedback, pk=pk)
    refusal = attempt(
        request,
        feedback,
        Action.ACKNOWLEDGE,
        lambda: services.feedback_acknowledge(actor=actor_from(request), feedback_id=feedback.pk),
        template="people/partials/warning_acknowledge.html",
        context={"data": {"pk": feedback.pk}, "slot": slot_of(request)},
        denied=_("Only the person the warning was given to may acknowledge it."),
    )
    if refusal is not None:
        return refusal
    return done(
        request,
        _("Warning acknowledged."),
        reverse("people:feedback_detail", args=[feedback.pk]),
        _("Read it again"),
    )
