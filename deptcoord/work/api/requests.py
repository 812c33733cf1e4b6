"""Requests between departments over the API: sending, answering, withdrawing."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.work import selectors, services
from deptcoord.work.api.common import api_actor, department_or_404, person_or_404, project_or_404
from deptcoord.work.models import Request

router = Router(tags=["work"])


class RequestOut(Schema):
    """A request between departments."""

    id: int
    from_department_id: int
    to_department_id: int
    project_id: int | None
    title: str
    reason: str
    due: date
    effort_hours: Decimal
    state: str
    proposed_due: date | None
    decline_reason: str
    step_id: int | None
    requested_by_id: int
    answered_by_id: int | None
    stale: bool = False
    version: int

    @staticmethod
    def resolve_stale(obj):
        return selectors.is_stale(obj)


class RequestIn(Schema):
    """A request to send."""

    from_department_id: PrimaryKey
    to_department_id: PrimaryKey
    title: str = Field(..., max_length=200)
    reason: str = Field("", max_length=10000)
    due: date
    effort_hours: Decimal = Decimal(0)
    project_id: PrimaryKey | None = None


class AcceptIn(Schema):
    """Accepting: who does it and possibly another date."""

    assignee_id: PrimaryKey | None = None
    proposed_due: date | None = None
    version: int | None = None


class DeclineIn(Schema):
    """Declining, with the reason."""

    reason: str = Field(..., max_length=2000)
    version: int | None = None


class RequestFilter(Schema):
    """Filters on the request list."""

    box: str = ""
    state: str = ""


@router.get("/requests", response=list[RequestOut], summary="List requests")
@paginate(ListPagination)
def list_requests(request, filters: Query[RequestFilter]):
    """Requests to and from the caller's departments."""
    choice("box", filters.box, ["incoming", "outgoing"])
    choice("state", filters.state, Request.State.values)
    return selectors.requests(request.facts, box=filters.box, state=filters.state)


@router.post("/requests", response={201: RequestOut}, summary="Send a request")
def create_request(request, payload: RequestIn):
    """Ask another department for work."""
    data = payload.dict()
    project_id = data.pop("project_id")
    sent = services.request_send(
        actor=api_actor(request),
        from_department=department_or_404(request, data.pop("from_department_id")),
        to_department=department_or_404(request, data.pop("to_department_id")),
        project=project_or_404(request, project_id) if project_id else None,
        **data,
    )
    return Status(201, sent)


def _request(request, pk) -> Request:
    return get_visible_or_404(request.facts, Request, pk=pk)


@router.get("/requests/{int:pk}", response=RequestOut, summary="Read a request")
def read_request(request, response: HttpResponse, pk: PrimaryKey):
    """One request."""
    return with_etag(response, _request(request, pk))


@router.post("/requests/{int:pk}/accept", response=RequestOut, summary="Accept a request")
def accept_request(request, response: HttpResponse, payload: AcceptIn, pk: PrimaryKey):
    """Accept: the request becomes a step of the receiving department."""
    found = _request(request, pk)
    version = expected_version(request, payload.version, found.version)
    found = services.request_accept(
        actor=api_actor(request),
        request_id=found.pk,
        expected_version=version,
        assignee=person_or_404(request, payload.assignee_id),
        proposed_due=payload.proposed_due,
    )
    return with_etag(response, found)


@router.post("/requests/{int:pk}/decline", response=RequestOut, summary="Decline a request")
def decline_request(request, response: HttpResponse, payload: DeclineIn, pk: PrimaryKey):
    """Decline, saying why."""
    found = _request(request, pk)
    version = expected_version(request, payload.version, found.version)
    found = services.request_decline(
        actor=api_actor(request),
        request_id=found.pk,
        expected_version=version,
        reason=payload.reason,
    )
    return with_etag(response, found)


@router.post("/requests/{int:pk}/withdraw", response=RequestOut, summary="Withdraw a request")
def withdraw_request(request, response: HttpResponse, pk: PrimaryKey):
    """Withdraw a pending request."""
    found = _request(request, pk)
    found = services.request_withdraw(actor=api_actor(request), request_id=found.pk)
    return with_etag(response, found)
