"""Reads of 1:1s, their talking points, action items and the viewer's own private notes."""

from django.db.models import Prefetch, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.people.models import OneOnOne, OneOnOneActionItem, PrivateNote, TalkingPoint


def one_on_ones(facts: RoleFacts, status: str = "") -> QuerySet:
    """The 1:1s the viewer may see, the latest first."""
    result = visible(facts, OneOnOne.objects.all()).select_related("coordinator", "member")
    if status in OneOnOne.Status.values:
        result = result.filter(status=status)
    return result.order_by("-scheduled_at", "-id")


def one_on_one_detail_queryset() -> QuerySet:
    """A 1:1 with its talking points and action items."""
    return OneOnOne.objects.select_related(
        "coordinator", "member__primary_department"
    ).prefetch_related(
        Prefetch("talking_points", queryset=TalkingPoint.objects.select_related("author")),
        Prefetch("action_items", queryset=OneOnOneActionItem.objects.select_related("owner")),
    )


def my_notes(facts: RoleFacts, meeting: OneOnOne) -> list[PrivateNote]:
    """The viewer's own private notes on the 1:1 (nobody else's, ever)."""
    return list(visible(facts, PrivateNote.objects.filter(one_on_one=meeting)))


def member_key_results(facts: RoleFacts, meeting: OneOnOne) -> list[KeyResult]:
    """The member's key results of active goals the viewer may see, for check-ins in the 1:1."""
    return list(
        visible(
            facts,
            KeyResult.objects.filter(owner=meeting.member, goal__status=Goal.Status.ACTIVE),
        )
        .select_related("goal")
        .order_by("goal__period_end", "id")
    )
