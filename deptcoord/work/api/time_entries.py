"""Time logged on steps, over the API."""

from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.http import PrimaryKey, expected_version
from deptcoord.core.pagination import ListPagination
from deptcoord.work import selectors, services
from deptcoord.work.api.common import api_actor, step_or_404
from deptcoord.work.api.schemas import TimeIn, TimeOut
from deptcoord.work.models import TimeEntry

router = Router(tags=["work"])


@router.get("/steps/{int:pk}/time", response=list[TimeOut], summary="List time entries")
@paginate(ListPagination)
def list_time(request, pk: PrimaryKey):
    """Time logged on the step."""
    return visible(request.facts, selectors.step_time(step_or_404(request, pk)))


@router.post("/steps/{int:pk}/time", response={201: TimeOut}, summary="Log time")
def create_time(request, payload: TimeIn, pk: PrimaryKey):
    """Log time the caller spent on the step."""
    entry = services.time_log(
        actor=api_actor(request), step=step_or_404(request, pk), **payload.dict()
    )
    return Status(201, entry)


@router.delete("/time-entries/{int:pk}", response={204: None}, summary="Remove a time entry")
def delete_time(request, pk: PrimaryKey):
    """Remove a time entry."""
    entry = get_visible_or_404(request.facts, TimeEntry, pk=pk)
    services.time_entry_delete(
        actor=api_actor(request),
        entry_id=entry.pk,
        expected_version=expected_version(request, None, entry.version),
    )
    return Status(204, None)
