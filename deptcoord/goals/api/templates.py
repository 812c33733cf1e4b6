"""API endpoints for goal templates and rolling them out."""

from django.http import HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.goals import selectors, services
from deptcoord.goals.api.common import department_or_404
from deptcoord.goals.api.schemas import (
    MeasureIn,
    RollOutIn,
    RollOutOut,
    TemplateIn,
    TemplateKeyResultOut,
    TemplateOut,
    TemplatePatch,
)
from deptcoord.goals.models import Goal, GoalTemplate

router = Router(tags=["goal templates"])


def _template(request, pk) -> GoalTemplate:
    return get_visible_or_404(request.facts, selectors.template_detail_queryset(), pk=pk)


def _measure(row: dict) -> dict:
    return {**row, "milestones": "\n".join(row.get("milestones") or [])}


@router.get("/goal-templates", response=list[TemplateOut], summary="List goal templates")
@paginate(ListPagination)
def list_templates(request):
    """Templates of the departments the caller belongs to."""
    return selectors.templates(request.facts).prefetch_related("key_results")


@router.post("/goal-templates", response={201: TemplateOut}, summary="Create a goal template")
def create_template(request, payload: TemplateIn):
    """Create a template for a department the caller runs."""
    data = payload.dict()
    department = department_or_404(request, data.pop("department_id"))
    data["key_results"] = [_measure(row) for row in data["key_results"]]
    template = services.template_create(
        actor=actor_from(request, "api"), department=department, **data
    )
    return Status(201, template)


@router.get("/goal-templates/{int:pk}", response=TemplateOut, summary="Read a goal template")
def read_template(request, response: HttpResponse, pk: PrimaryKey):
    """One template with its key results, and its version as ETag."""
    return with_etag(response, _template(request, pk))


@router.patch("/goal-templates/{int:pk}", response=TemplateOut, summary="Change a goal template")
def update_template(request, response: HttpResponse, payload: TemplatePatch, pk: PrimaryKey):
    """Change a template's titles, description, category or kind."""
    template = _template(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), template.version)
    template = services.template_update(
        actor=actor_from(request, "api"), template_id=template.pk, expected_version=version, **data
    )
    return with_etag(response, _template(request, pk))


@router.delete("/goal-templates/{int:pk}", response={204: None}, summary="Delete a goal template")
def delete_template(request, pk: PrimaryKey):
    """Delete a template; the goals rolled out from it stay."""
    template = _template(request, pk)
    version = expected_version(request, None, template.version)
    services.template_delete(
        actor=actor_from(request, "api"), template_id=template.pk, expected_version=version
    )
    return Status(204, None)


@router.post(
    "/goal-templates/{int:pk}/key-results",
    response={201: TemplateKeyResultOut},
    summary="Add a key result to a goal template",
)
def add_template_key_result(request, payload: MeasureIn, pk: PrimaryKey):
    """Add a key result that goals rolled out from now on get."""
    template = _template(request, pk)
    row = services.template_key_result_add(
        actor=actor_from(request, "api"), template_id=template.pk, **_measure(payload.dict())
    )
    return Status(201, row)


@router.delete(
    "/template-key-results/{int:pk}",
    response={204: None},
    summary="Remove a key result from a goal template",
)
def remove_template_key_result(request, pk: PrimaryKey):
    """Remove a key result from its template (a template keeps at least one)."""
    get_visible_or_404(request.facts, GoalTemplate, key_results=pk)
    services.template_key_result_remove(actor=actor_from(request, "api"), template_key_result_id=pk)
    return Status(204, None)


@router.post(
    "/goal-templates/{int:pk}/roll-out",
    response={201: RollOutOut},
    summary="Roll out a goal template",
)
def roll_out_template(request, payload: RollOutIn, pk: PrimaryKey):
    """Give each matching member a personal goal from the template for the period."""
    template = _template(request, pk)
    data = payload.dict()
    data["department"] = department_or_404(request, data.pop("department_id"))
    parent_id = data.pop("parent_id")
    data["parent"] = get_visible_or_404(request.facts, Goal, pk=parent_id) if parent_id else None
    result = services.template_roll_out(
        actor=actor_from(request, "api"), template_id=template.pk, **data
    )
    return Status(
        201,
        {
            "created": [goal.pk for goal in result.created],
            "already": [goal.pk for goal in result.already],
        },
    )
