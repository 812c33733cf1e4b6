"""Reads of feedback: lists, the recognition wall, a piece of feedback with its annotations and
who read it, narrowed by the access policy."""

from django.db.models import Prefetch, QuerySet

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.people.models import ConfidentialRead, Feedback, FeedbackAnnotation, FeedbackLevel

WALL_LENGTH = 60


def feedback_list(
    facts: RoleFacts, *, kind: str = "", person_id: int | None = None, direction: str = ""
) -> QuerySet:
    """The feedback the viewer may see, newest first; ``direction`` "received" or "given"
    narrows to their own."""
    result = visible(facts, Feedback.objects.all()).select_related(
        "subject__primary_department", "author", "level"
    )
    if kind in Feedback.Kind.values:
        result = result.filter(kind=kind)
    if person_id:
        result = result.filter(subject_id=person_id)
    if direction == "received":
        result = result.filter(subject_id=facts.person_id)
    elif direction == "given":
        result = result.filter(author_id=facts.person_id)
    return result.order_by("-created_at", "-id")


def wall_praise(facts: RoleFacts, department_id: int | None = None) -> QuerySet:
    """All public praise for one department or the whole company, newest first."""
    result = visible(
        facts,
        Feedback.objects.filter(kind=Feedback.Kind.PRAISE, visibility=Feedback.Visibility.PUBLIC),
    ).select_related("subject__primary_department", "author")
    if department_id:
        result = result.filter(subject__primary_department_id=department_id)
    return result.order_by("-created_at", "-id")


def wall(facts: RoleFacts, department_id: int | None = None) -> list[Feedback]:
    """The latest public praise for the recognition wall."""
    return list(wall_praise(facts, department_id)[:WALL_LENGTH])


def feedback_detail_queryset() -> QuerySet:
    """Feedback with what its page shows."""
    return Feedback.objects.select_related(
        "subject__primary_department", "author", "level"
    ).prefetch_related(
        Prefetch("annotations", queryset=FeedbackAnnotation.objects.select_related("author"))
    )


def reads(facts: RoleFacts, feedback: Feedback) -> list[ConfidentialRead]:
    """Who else read the warning and when (for its subject and HR only; one's own reads are
    recorded too, but not shown back to oneself)."""
    if not can(facts, Action.VIEW_READS, feedback):
        return []
    return list(
        visible(facts, ConfidentialRead.objects.filter(feedback=feedback))
        .exclude(reader_id=facts.person_id)
        .select_related("reader")
        .order_by("-read_at", "-id")[:200]
    )


def levels(facts: RoleFacts, include_inactive: bool = False) -> QuerySet:
    """The company's escalation levels in order."""
    result = visible(facts, FeedbackLevel.objects.all())
    return result if include_inactive else result.filter(is_active=True)
