"""Recurring department activities over the API."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.work import selectors, services
from deptcoord.work.api.common import api_actor, department_or_404, person_or_404
from deptcoord.work.models import RecurringActivity

router = Router(tags=["work"])


class RecurringOut(Schema):
    """A recurring activity."""

    id: int
    department_id: int
    title: str
    title_en: str
    title_vi: str
    rrule: str
    starts_on: date
    effort_hours: Decimal
    assignee_id: int | None
    lead_days: int
    is_active: bool
    generated_until: date | None
    version: int


class RecurringIn(Schema):
    """A recurring activity to set up."""

    department_id: PrimaryKey
    title_en: str = Field("", max_length=200)
    title_vi: str = Field("", max_length=200)
    description: str = Field("", max_length=10000)
    rrule: str = Field(..., max_length=500)
    starts_on: date | None = None
    effort_hours: Decimal = Decimal(0)
    assignee_id: PrimaryKey | None = None
    lead_days: int = 14
    is_active: bool = True


class RecurringPatch(Schema):
    """Fields to change on a recurring activity."""

    title_en: str | None = Field(None, max_length=200)
    title_vi: str | None = Field(None, max_length=200)
    rrule: str | None = Field(None, max_length=500)
    effort_hours: Decimal | None = None
    lead_days: int | None = None
    is_active: bool | None = None
    version: int | None = None


@router.get(
    "/recurring-activities", response=list[RecurringOut], summary="List recurring activities"
)
@paginate(ListPagination)
def list_recurring(request, department_id: PrimaryKey | None = None):
    """Recurring activities of the caller's departments."""
    return selectors.recurring(request.facts, department_id)


@router.post(
    "/recurring-activities", response={201: RecurringOut}, summary="Set up a recurring activity"
)
def create_recurring(request, payload: RecurringIn):
    """Set up an activity on an RFC 5545 rule; its first steps are created."""
    data = payload.dict()
    activity = services.recurring_create(
        actor=api_actor(request),
        department=department_or_404(request, data.pop("department_id")),
        assignee=person_or_404(request, data.pop("assignee_id")),
        **data,
    )
    return Status(201, activity)


@router.patch(
    "/recurring-activities/{int:pk}", response=RecurringOut, summary="Change a recurring activity"
)
def update_recurring(request, response: HttpResponse, payload: RecurringPatch, pk: PrimaryKey):
    """Change a recurring activity."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), activity.version)
    activity = services.recurring_update(
        actor=api_actor(request), activity_id=activity.pk, expected_version=version, **data
    )
    return with_etag(response, activity)


@router.delete(
    "/recurring-activities/{int:pk}", response={204: None}, summary="Remove a recurring activity"
)
def delete_recurring(request, pk: PrimaryKey):
    """Remove a recurring activity (its steps stay)."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    services.recurring_delete(
        actor=api_actor(request),
        activity_id=activity.pk,
        expected_version=expected_version(request, None, activity.version),
    )
    return Status(204, None)
