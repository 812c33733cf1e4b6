"""The people cards of the Today briefing: warnings for the reader to acknowledge, and those
their people have not acknowledged yet."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, can, visible
from deptcoord.core.briefing import Line, Morning, Section, section
from deptcoord.org.briefing import scope_people
from deptcoord.people.models import Feedback


def _line(feedback: Feedback, who: str, acknowledge: bool = False) -> Line:
    return Line(
        title=who,
        url=reverse("people:feedback_detail", args=[feedback.pk]),
        note=feedback.author.full_name if feedback.author_id else "",
        badge=str(_("Not acknowledged")),
        tone="warning",
        day=timezone.localdate(feedback.created_at),
        action="people/partials/warning_acknowledge.html" if acknowledge else "",
        action_data={"pk": feedback.pk} if acknowledge else {},
    )


def unacknowledged_warnings(morning: Morning) -> list[Section]:
    """The reader's own warnings to acknowledge, and the scope's others not yet acknowledged
    (HR reads them everywhere)."""
    facts, scope = morning.facts, morning.scope
    unacknowledged = visible(
        facts,
        Feedback.objects.filter(kind=Feedback.Kind.WARNING, acknowledged_at__isnull=True),
    ).select_related("subject", "author")
    own = unacknowledged.filter(subject_id=scope.person_id).order_by("created_at", "id")
    others = unacknowledged.exclude(subject_id=scope.person_id)
    if scope.department_ids is not None:
        if scope.runs:
            others = others.filter(subject__in=scope_people(facts, scope))
        elif not facts.is_hr:
            others = others.none()
    yours = section(
        "warnings_to_acknowledge",
        _("Warnings for you to acknowledge"),
        "bi-exclamation-triangle",
        _("Nothing for you to acknowledge."),
        own,
        lambda feedback: _line(
            feedback,
            str(_("A warning for you")),
            acknowledge=can(facts, Action.ACKNOWLEDGE, feedback),
        ),
    )
    yours.urgent = True
    return [
        yours,
        section(
            "warnings_pending",
            _("Warnings not yet acknowledged"),
            "bi-hourglass",
            _("Every warning has been acknowledged."),
            others.order_by("created_at", "id"),
            lambda feedback: _line(feedback, feedback.subject.full_name),
        ),
    ]
