"""API endpoints for development plans and their actions."""

from django.http import Http404, HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Person
from deptcoord.people import selectors, services
from deptcoord.people.api.schemas import (
    ActionIn,
    ActionOut,
    ActionPatch,
    PlanIn,
    PlanOut,
    PlanPatch,
)
from deptcoord.people.api.skills import person_records_or_404
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan, Skill

router = Router(tags=["development"])


@router.get("/development-plans", response=list[PlanOut], summary="List development plans")
@paginate(ListPagination)
def list_plans(request, person_id: PrimaryKey | None = None, status: str = ""):
    """Plans the caller may see, with their actions."""
    choice("status", status, DevelopmentPlan.Status.values)
    return selectors.plans(request.facts, person_id=person_id, status=status)


@router.post("/development-plans", response={201: PlanOut}, summary="Write a development plan")
def create_plan(request, payload: PlanIn):
    """Write a plan for a person and a period."""
    data = payload.dict()
    person = person_records_or_404(request, data.pop("person_id"))
    plan = services.plan_create(actor=actor_from(request, "api"), person=person, **data)
    return Status(201, plan)


@router.get("/development-plans/{int:pk}", response=PlanOut, summary="Read a development plan")
def read_plan(request, response: HttpResponse, pk: PrimaryKey):
    """One plan with its actions and version as ETag."""
    plan = get_visible_or_404(request.facts, selectors.plan_detail_queryset(), pk=pk)
    return with_etag(response, plan)


@router.patch("/development-plans/{int:pk}", response=PlanOut, summary="Change a development plan")
def update_plan(request, response: HttpResponse, payload: PlanPatch, pk: PrimaryKey):
    """Change a plan's period, goal or status; If-Match or `version` guards."""
    plan = get_visible_or_404(request.facts, DevelopmentPlan, pk=pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), plan.version)
    plan = services.plan_update(
        actor=actor_from(request, "api"), plan_id=plan.pk, expected_version=version, **data
    )
    return with_etag(response, plan)


@router.post(
    "/development-plans/{int:pk}/actions", response={201: ActionOut}, summary="Add an action"
)
def add_action(request, payload: ActionIn, pk: PrimaryKey):
    """Add a training, mentoring (with a mentor) or stretch action."""
    plan = get_visible_or_404(request.facts, DevelopmentPlan, pk=pk)
    data = payload.dict()
    mentor_id, skill_id, step_id = data.pop("mentor_id"), data.pop("skill_id"), data.pop("step_id")
    mentor = get_visible_or_404(request.facts, Person, pk=mentor_id) if mentor_id else None
    skill = get_visible_or_404(request.facts, Skill, pk=skill_id) if skill_id else None
    step = None
    if step_id:
        step = selectors.steps_for(request.facts, plan.person).filter(pk=step_id).first()
        if step is None:
            raise Http404
    action = services.action_add(
        actor=actor_from(request, "api"),
        plan_id=plan.pk,
        mentor=mentor,
        skill=skill,
        step=step,
        **data,
    )
    return Status(201, action)


@router.patch("/development-actions/{int:pk}", response=ActionOut, summary="Tick an action off")
def mark_action(request, payload: ActionPatch, pk: PrimaryKey):
    """Mark an action done (today) or open it again."""
    action = get_visible_or_404(
        request.facts, DevelopmentAction.objects.select_related("plan"), pk=pk
    )
    return services.action_mark(
        actor=actor_from(request, "api"),
        action_id=action.pk,
        done=payload.done,
        expected_version=expected_version(request, None, action.version),
    )
