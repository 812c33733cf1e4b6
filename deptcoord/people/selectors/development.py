"""Reads of development plans and their actions, narrowed by the access policy."""

from django.db.models import Prefetch, Q, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan
from deptcoord.work.models import Step

ACTIONS = DevelopmentAction.objects.select_related("mentor", "skill", "step").order_by("due", "id")


def steps_for(facts: RoleFacts, person) -> QuerySet:
    """Open steps a stretch assignment may point to: the person's own, or not yet assigned in
    the person's departments, among those the viewer may see (the work policy)."""
    departments = person.memberships.values("department_id")
    mine = Q(assignee=person) | Q(assignee__isnull=True, department__in=departments)
    steps = Step.objects.filter(mine).exclude(status=Step.Status.DONE)
    return visible(facts, steps).select_related("project").order_by("due", "id")


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
