"""Reads of requests between departments: incoming, outgoing and those waiting too long."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from deptcoord.access import RoleFacts, openable, visible
from deptcoord.work.models import Project, Request
from deptcoord.work.services.requests import stale_after_days


def requests(facts: RoleFacts, *, box="", state="", department_ids=None) -> QuerySet:
    """Requests visible to the viewer: incoming (to their departments) or outgoing; each says
    whether the viewer may open its project (``project_visible``)."""
    result = (
        visible(facts, Request.objects.all())
        .select_related("from_department", "to_department", "project", "requested_by", "step")
        .annotate(project_visible=openable(facts, Project, "project_id"))
    )
    mine = sorted(department_ids if department_ids is not None else facts.departments_in())
    if box == "incoming":
        result = result.filter(to_department__in=mine)
    elif box == "outgoing":
        result = result.filter(from_department__in=mine)
    if state:
        result = result.filter(state=state)
    return result.order_by("-created_at", "-id")


def is_stale(request: Request, now=None) -> bool:
    """Whether a pending request has waited longer than the configured number of days."""
    now = now or timezone.now()
    return request.is_pending and request.created_at < now - timedelta(days=stale_after_days())


def stale_count(facts: RoleFacts) -> int:
    """Pending requests past the waiting limit, either side."""
    limit = timezone.now() - timedelta(days=stale_after_days())
    return requests(facts, state=Request.State.PENDING).filter(created_at__lt=limit).count()
