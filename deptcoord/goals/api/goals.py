"""API endpoints for goals, key results, check-ins and forecasts."""

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.filters import choice, refuse_period
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.goals import selectors, services
from deptcoord.goals.api.common import department_or_404, person_or_caller
from deptcoord.goals.api.schemas import (
    CheckInIn,
    CheckInOut,
    ForecastOut,
    GoalFilter,
    GoalIn,
    GoalOut,
    GoalPatch,
    KeyResultFilter,
    KeyResultIn,
    KeyResultOut,
    KeyResultPatch,
)
from deptcoord.goals.models import CheckIn, Goal, KeyResult
from deptcoord.goals.outlook import forecast_for
from deptcoord.goals.periods import parse_period

router = Router(tags=["goals"])


def _goal(request, pk) -> Goal:
    return get_visible_or_404(request.facts, Goal, pk=pk)


def _goal_fields(request, data: dict) -> dict:
    """Ids in the payload turned into the records they name (404 when hidden)."""
    if "department_id" in data:
        data["department"] = department_or_404(request, data.pop("department_id"))
    if "owner_id" in data:
        data["owner"] = person_or_caller(request, data.pop("owner_id"))
    if "parent_id" in data:
        parent_id = data.pop("parent_id")
        data["parent"] = _goal(request, parent_id) if parent_id is not None else None
    return data


@router.get("/goals", response=list[GoalOut], summary="List goals")
@paginate(ListPagination)
def list_goals(request, filters: Query[GoalFilter]):
    """Goals the caller may see, filtered like the goal list (period defaults to this quarter)."""
    period = (filters.period or "").strip()
    if period and period != selectors.ALL and parse_period(period) is None:
        refuse_period("period", period)
    choice("status", filters.status, [*Goal.Status.values, selectors.ALL])
    params = {
        "period": filters.period or "",
        "department": filters.department_id or "",
        "category": filters.category or "",
        "owner": filters.owner_id or "",
        "status": filters.status or "",
        "level": filters.level or "",
        "q": filters.q or "",
    }
    chosen = selectors.filters_from(params, timezone.localdate())
    return selectors.sorted_goals(selectors.goals(request.facts, chosen), "priority")


@router.post("/goals", response={201: GoalOut}, summary="Create a goal")
def create_goal(request, payload: GoalIn):
    """Create a goal the caller may run (company goals: executives and admins)."""
    data = _goal_fields(request, {"owner_id": None, **payload.dict()})
    goal = services.goal_create(actor=actor_from(request, "api"), **data)
    return Status(201, goal)


@router.get("/goals/{int:pk}", response=GoalOut, summary="Read a goal")
def read_goal(request, response: HttpResponse, pk: PrimaryKey):
    """One goal with its figures, and its version as ETag."""
    return with_etag(response, _goal(request, pk))


@router.patch("/goals/{int:pk}", response=GoalOut, summary="Change a goal")
def update_goal(request, response: HttpResponse, payload: GoalPatch, pk: PrimaryKey):
    """Change a goal; send If-Match with the ETag (412 if stale) or `version` (409)."""
    goal = _goal(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), goal.version)
    goal = services.goal_update(
        actor=actor_from(request, "api"),
        goal_id=goal.pk,
        expected_version=version,
        **_goal_fields(request, data),
    )
    return with_etag(response, goal)


@router.delete("/goals/{int:pk}", response={204: None}, summary="Delete a draft goal")
def delete_goal(request, pk: PrimaryKey):
    """Delete a draft goal and its key results (cancel an active goal instead)."""
    goal = _goal(request, pk)
    version = expected_version(request, None, goal.version)
    services.goal_delete(
        actor=actor_from(request, "api"), goal_id=goal.pk, expected_version=version
    )
    return Status(204, None)


def _key_result(request, pk) -> KeyResult:
    return get_visible_or_404(request.facts, KeyResult.objects.select_related("goal"), pk=pk)


def _measure_fields(request, data: dict) -> dict:
    if "milestones" in data:
        data["milestones"] = "\n".join(data["milestones"] or [])
    if "owner_id" in data:
        data["owner"] = person_or_caller(request, data.pop("owner_id"))
    return data


@router.get("/key-results", response=list[KeyResultOut], summary="List key results")
@paginate(ListPagination)
def list_key_results(request, filters: Query[KeyResultFilter]):
    """Key results the caller may see."""
    result = visible(request.facts, KeyResult.objects.all()).order_by("goal_id", "id")
    if filters.goal_id is not None:
        result = result.filter(goal_id=filters.goal_id)
    if filters.owner_id is not None:
        result = result.filter(owner_id=filters.owner_id)
    if filters.at_risk is not None:
        result = result.filter(at_risk=filters.at_risk)
    return result


@router.post("/key-results", response={201: KeyResultOut}, summary="Add a key result")
def create_key_result(request, payload: KeyResultIn):
    """Give a goal the caller may change a key result."""
    data = payload.dict()
    goal = _goal(request, data.pop("goal_id"))
    key_result = services.key_result_create(
        actor=actor_from(request, "api"), goal=goal, **_measure_fields(request, data)
    )
    return Status(201, key_result)


@router.get("/key-results/{int:pk}", response=KeyResultOut, summary="Read a key result")
def read_key_result(request, response: HttpResponse, pk: PrimaryKey):
    """One key result, with its version as ETag."""
    return with_etag(response, _key_result(request, pk))


@router.patch("/key-results/{int:pk}", response=KeyResultOut, summary="Change a key result")
def update_key_result(request, response: HttpResponse, payload: KeyResultPatch, pk: PrimaryKey):
    """Change a key result; If-Match or `version` guards against overwriting."""
    key_result = _key_result(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), key_result.version)
    key_result = services.key_result_update(
        actor=actor_from(request, "api"),
        key_result_id=key_result.pk,
        expected_version=version,
        **_measure_fields(request, data),
    )
    return with_etag(response, key_result)


@router.delete("/key-results/{int:pk}", response={204: None}, summary="Remove a key result")
def delete_key_result(request, pk: PrimaryKey):
    """Remove a key result and its check-ins."""
    key_result = _key_result(request, pk)
    version = expected_version(request, None, key_result.version)
    services.key_result_delete(
        actor=actor_from(request, "api"), key_result_id=key_result.pk, expected_version=version
    )
    return Status(204, None)


@router.get("/key-results/{int:pk}/check-ins", response=list[CheckInOut], summary="List check-ins")
@paginate(ListPagination)
def list_check_ins(request, pk: PrimaryKey):
    """The key result's check-ins, newest first."""
    key_result = _key_result(request, pk)
    return visible(request.facts, CheckIn.objects.filter(key_result=key_result)).order_by(
        "-day", "-id"
    )


@router.post("/key-results/{int:pk}/check-ins", response={201: CheckInOut}, summary="Check in")
def create_check_in(request, payload: CheckInIn, pk: PrimaryKey):
    """Report a new value with a confidence and a note; the forecast is refreshed."""
    key_result = _key_result(request, pk)
    check_in = services.check_in_create(
        actor=actor_from(request, "api"), key_result_id=key_result.pk, **payload.dict()
    )
    return Status(201, check_in)


@router.get(
    "/key-results/{int:pk}/forecast",
    response={200: ForecastOut, 204: None},
    summary="Forecast a key result",
)
def read_forecast(request, pk: PrimaryKey):
    """Where the key result is heading by the end of its period (204 for yes/no ones)."""
    key_result = _key_result(request, pk)
    history = selectors.check_ins(request.facts, key_result)
    result = forecast_for(key_result, history, timezone.localdate())
    return Status(204, None) if result is None else result
