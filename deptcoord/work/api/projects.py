"""Projects over the API: the list, creating and changing one, its schedule, importing a plan."""

from django.db.models import Prefetch
from django.http import HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require, visible
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.core.spreadsheets import SheetRow
from deptcoord.goals.models import Goal
from deptcoord.work import imports, selectors, services
from deptcoord.work.api.common import (
    api_actor,
    department_or_404,
    people_or_404,
    person_or_404,
    project_or_404,
)
from deptcoord.work.api.schemas import (
    PlanImportIn,
    PlanImportOut,
    ProjectIn,
    ProjectOut,
    ProjectPatch,
    TimelineOut,
)
from deptcoord.work.models import Project

router = Router(tags=["work"])


@router.get("/projects", response=list[ProjectOut], summary="List projects")
@paginate(ListPagination)
def list_projects(request, status: str = "", department_id: PrimaryKey | None = None, q: str = ""):
    """Projects the caller may see."""
    choice("status", status, ["open", *Project.Status.values])
    return selectors.projects(
        request.facts, status=status, department_id=department_id, query=q[:100]
    ).prefetch_related(
        "departments",
        Prefetch("goals", visible(request.facts, Goal.objects.all()), to_attr="visible_goals"),
    )


@router.post("/projects", response={201: ProjectOut}, summary="Create a project")
def create_project(request, payload: ProjectIn):
    """Create a project led by a department the caller runs."""
    data = payload.dict()
    lead = department_or_404(request, data.pop("lead_department_id"))
    departments = [department_or_404(request, pk) for pk in data.pop("department_ids")]
    goals = [get_visible_or_404(request.facts, Goal, pk=pk) for pk in data.pop("goal_ids")]
    invited = people_or_404(request, data.pop("invited_ids"))
    coordinator = person_or_404(request, data.pop("coordinator_id")) or request.person
    project = services.project_create(
        actor=api_actor(request),
        lead_department=lead,
        departments=departments,
        goals=goals,
        invited=invited,
        coordinator=coordinator,
        **data,
    )
    return Status(201, project)


@router.get("/projects/{int:pk}", response=ProjectOut, summary="Read a project")
def read_project(request, response: HttpResponse, pk: PrimaryKey):
    """One project, with its version as ETag."""
    return with_etag(response, project_or_404(request, pk))


@router.patch("/projects/{int:pk}", response=ProjectOut, summary="Change a project")
def update_project(request, response: HttpResponse, payload: ProjectPatch, pk: PrimaryKey):
    """Change a project; If-Match or `version` guards against overwriting."""
    project = project_or_404(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), project.version)
    if "department_ids" in data:
        data["departments"] = [
            department_or_404(request, pk) for pk in data.pop("department_ids") or []
        ]
    if "goal_ids" in data:
        data["goals"] = [
            get_visible_or_404(request.facts, Goal, pk=pk) for pk in data.pop("goal_ids") or []
        ]
    if "coordinator_id" in data:
        data["coordinator"] = (
            person_or_404(request, data.pop("coordinator_id")) or project.coordinator
        )
    project = services.project_update(
        actor=api_actor(request), project_id=project.pk, expected_version=version, **data
    )
    return with_etag(response, project)


@router.get("/projects/{int:pk}/timeline", response=TimelineOut, summary="Project schedule")
def project_timeline(request, pk: PrimaryKey):
    """Dated steps with slack and the critical path."""
    timeline = selectors.timeline(request.facts, project_or_404(request, pk))
    return {
        "steps": [
            {
                "step_id": row.step.pk,
                "start": row.start,
                "end": row.end,
                "slack": row.slack,
                "critical": row.critical,
                "predecessors": row.predecessors,
            }
            for row in timeline.rows
        ],
        "critical_step_ids": sorted(timeline.critical_ids),
        "finish": timeline.finish,
    }


@router.post("/projects/{int:pk}/plan", response=PlanImportOut, summary="Import a plan")
def import_plan(request, payload: PlanImportIn, pk: PrimaryKey):
    """Add steps with their dependencies to the project: all rows or, if any row is wrong,
    none (each row's problems are listed). With ``commit`` false nothing is saved."""
    project = project_or_404(request, pk)
    require(request.facts, Action.IMPORT, project)
    rows = [
        SheetRow(number=index, values=row.dict()) for index, row in enumerate(payload.rows, start=1)
    ]
    report = imports.run_import(
        actor=api_actor(request), project=project, rows=rows, commit=payload.commit
    )
    return {
        "saved": report.saved,
        "rows": [
            {
                "number": row.number,
                "label": str(row.label),
                "action": row.action,
                "errors": [[field, message] for field, message in row.errors],
            }
            for row in report.rows
        ],
    }
