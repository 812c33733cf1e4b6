"""Reads of development plans and their actions, narrowed by the access policy."""

from django.db.models import Prefetch, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan
from deptcoord.work.models import Step

ACTIONS = DevelopmentAction.objects.select_related("mentor", "skill", "step").order_by("due", "id")


def steps_for(facts: RoleFacts, person) -> QuerySet:
    """Open steps assigned to the person, for stretch assignments (narrowed by the policy once
    the work app registers its rule for steps)."""
    steps = Step.objects.filter(assignee=person).exclude(status=Step.Status.DONE)
    try:
        return visible(facts, steps).order_by("due", "id")
    except LookupError:
        return steps.order_by("due", "id")


def plans(facts: RoleFacts, person_id: int | None = None, status: str = "") -> QuerySet:
    """Plans the viewer may see, with their actions (three queries whatever their number)."""
    result = visible(facts, DevelopmentPlan.objects.all()).select_related(
        "person__primary_department"
    )
    if person_id:
        result = result.filter(person_id=person_id)
    if status in DevelopmentPlan.Status.values:
        result = result.filter(status=status)
    return result.prefetch_related(Prefetch("actions", queryset=ACTIONS)).order_by(
        "-period_start", "-id"
    )


def plan_detail_queryset() -> QuerySet:
    """A plan with what its page shows."""
    return DevelopmentPlan.objects.select_related(
        "person__primary_department", "created_by"
    ).prefetch_related(Prefetch("actions", queryset=ACTIONS))
