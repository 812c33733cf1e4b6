"""API endpoints for department standards and their measurements."""

from django.http import HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.goals import services
from deptcoord.goals.api.common import department_or_404, person_or_caller
from deptcoord.goals.api.schemas import (
    MeasurementIn,
    MeasurementOut,
    StandardFilter,
    StandardIn,
    StandardOut,
    StandardPatch,
)
from deptcoord.goals.models import Measurement, Standard

router = Router(tags=["standards"])


def _standard(request, pk) -> Standard:
    return get_visible_or_404(request.facts, Standard, pk=pk)


@router.get("/standards", response=list[StandardOut], summary="List standards")
@paginate(ListPagination)
def list_standards(request, filters: Query[StandardFilter]):
    """Standards of the departments the caller belongs to."""
    result = visible(request.facts, Standard.objects.all()).order_by("department_id", "id")
    if not filters.include_inactive:
        result = result.filter(is_active=True)
    if filters.department_id is not None:
        result = result.filter(department_id=filters.department_id)
    return result


@router.post("/standards", response={201: StandardOut}, summary="Define a standard")
def create_standard(request, payload: StandardIn):
    """Define a standard for a department the caller runs."""
    data = payload.dict()
    department = department_or_404(request, data.pop("department_id"))
    owner = person_or_caller(request, data.pop("owner_id"))
    standard = services.standard_create(
        actor=actor_from(request, "api"), department=department, owner=owner, **data
    )
    return Status(201, standard)


@router.get("/standards/{int:pk}", response=StandardOut, summary="Read a standard")
def read_standard(request, response: HttpResponse, pk: PrimaryKey):
    """One standard, with its version as ETag."""
    return with_etag(response, _standard(request, pk))


@router.patch("/standards/{int:pk}", response=StandardOut, summary="Change a standard")
def update_standard(request, response: HttpResponse, payload: StandardPatch, pk: PrimaryKey):
    """Change or deactivate a standard; If-Match or `version` guards against overwriting."""
    standard = _standard(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), standard.version)
    if "owner_id" in data:
        data["owner"] = person_or_caller(request, data.pop("owner_id"))
    standard = services.standard_update(
        actor=actor_from(request, "api"), standard_id=standard.pk, expected_version=version, **data
    )
    return with_etag(response, standard)


@router.get(
    "/standards/{int:pk}/measurements",
    response=list[MeasurementOut],
    summary="List measurements",
)
@paginate(ListPagination)
def list_measurements(request, pk: PrimaryKey):
    """The standard's measurements, newest period first."""
    standard = _standard(request, pk)
    return visible(request.facts, Measurement.objects.filter(standard=standard)).order_by(
        "-period_start"
    )


@router.post(
    "/standards/{int:pk}/measurements",
    response={201: MeasurementOut},
    summary="Record a measurement",
)
def record_measurement(request, payload: MeasurementIn, pk: PrimaryKey):
    """Record the value for the period containing `day`; a breach notifies the owner."""
    standard = _standard(request, pk)
    measurement = services.measurement_record(
        actor=actor_from(request, "api"), standard_id=standard.pk, **payload.dict()
    )
    return Status(201, measurement)
