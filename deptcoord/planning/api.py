"""API endpoints of the planner: start a run, poll it, read its result, what-if, apply, list."""

from datetime import date

from django.http import Http404, HttpResponse
from ninja import Field, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department
from deptcoord.planning import selectors, services
from deptcoord.planning.models import PlanRun

router = Router(tags=["planner"])


class PlanRunIn(Schema):
    """What to plan: a department or a project, a time frame, optionally the goals."""

    department_id: PrimaryKey | None = None
    project_id: PrimaryKey | None = None
    start: date
    end: date
    goal_ids: list[PrimaryKey] | None = Field(None, max_length=500)
    name: str = Field("", max_length=200)


class PlanRunOut(Schema):
    """A run: status, progress and the best plan so far (poll this while it runs)."""

    id: int
    name: str
    scope: str
    department_id: int
    project_id: int | None
    start: date
    end: date
    goal_ids: list[int]
    status: str
    progress: int
    best_so_far: dict
    method: str
    proven_optimal: bool
    seconds: float | None
    error: str
    parent_id: int | None
    change: dict
    applied: bool
    version: int

    @staticmethod
    def resolve_goal_ids(obj):
        return sorted(goal.pk for goal in obj.goals.all())

    @staticmethod
    def resolve_applied(obj):
        return obj.applied_at is not None


class PlanResultOut(Schema):
    """The plan: the schedule (day 0 = start), verdicts per goal, suggestions; the names of the
    ids; the preview until the solve has finished."""

    id: int
    status: str
    source: str
    plan: dict | None
    suggestions: list[dict]
    labels: dict
    apply_report: dict


class WhatIfIn(Schema):
    """Which of the run's suggestions to try (its index in the result's suggestions)."""

    suggestion: int = Field(..., ge=0, le=1000)


def _run(request, pk) -> PlanRun:
    return get_visible_or_404(request.facts, selectors.runs(request.facts), pk=pk)


@router.get("/plans", response=list[PlanRunOut], summary="List plan runs")
@paginate(ListPagination)
def list_runs(request):
    """The plan runs the caller may see, newest first."""
    return selectors.runs(request.facts).prefetch_related("goals")


@router.post("/plans", response={201: PlanRunOut}, summary="Start a plan run")
def start_run(request, payload: PlanRunIn):
    """Plan a department or a project; the solve runs in the background (poll the run)."""
    facts = request.facts
    department = project = None
    if payload.project_id is not None:
        project = selectors.plannable_projects(facts).filter(pk=payload.project_id).first()
        if project is None:
            raise Http404
    elif payload.department_id is not None:
        department = get_visible_or_404(facts, Department, pk=payload.department_id)
    goals = None
    if payload.goal_ids is not None:
        goals = list(visible(facts, Goal.objects.filter(pk__in=payload.goal_ids)))
        if len(goals) != len(set(payload.goal_ids)):
            raise Http404
    run = services.plan_run_start(
        actor=actor_from(request, "api"),
        department=department,
        project=project,
        start=payload.start,
        end=payload.end,
        goals=goals,
        name=payload.name,
    )
    return Status(201, run)


@router.get("/plans/{int:pk}", response=PlanRunOut, summary="Poll a plan run")
def read_run(request, response: HttpResponse, pk: PrimaryKey):
    """The run's status, progress and best plan so far."""
    return with_etag(response, _run(request, pk))


@router.get("/plans/{int:pk}/result", response=PlanResultOut, summary="Read a plan's result")
def read_result(request, pk: PrimaryKey):
    """The schedule, verdicts and suggestions (the instant preview while it still runs)."""
    run = _run(request, pk)
    plan = run.result.get("plan") if run.result else None
    return {
        "id": run.pk,
        "status": run.status,
        "source": "result" if plan is not None else "preview",
        "plan": plan if plan is not None else (run.preview or None),
        "suggestions": run.result.get("suggestions", []) if run.result else [],
        "labels": run.problem.get("labels", {}),
        "apply_report": run.apply_report,
    }


@router.post("/plans/{int:pk}/what-if", response={201: PlanRunOut}, summary="Try a suggestion")
def what_if(request, pk: PrimaryKey, payload: WhatIfIn):
    """A new scenario: the run planned again with one of its suggestions."""
    run = _run(request, pk)
    scenario = services.plan_run_what_if(
        actor=actor_from(request, "api"), run_id=run.pk, suggestion=payload.suggestion
    )
    return Status(201, scenario)


@router.post("/plans/{int:pk}/apply", response=PlanRunOut, summary="Apply a plan")
def apply_run(request, pk: PrimaryKey):
    """Give the steps the plan's dates and assignees; conflicts are in the result's report."""
    run = _run(request, pk)
    return services.plan_run_apply(actor=actor_from(request, "api"), run_id=run.pk)
