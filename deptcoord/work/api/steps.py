"""Steps over the API: the list, creating and changing one, progress, links and comments."""

from django.http import HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require, visible
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.work import selectors, services
from deptcoord.work.api.common import (
    api_actor,
    department_or_404,
    person_or_404,
    project_or_404,
    step_or_404,
)
from deptcoord.work.api.schemas import (
    CommentIn,
    CommentOut,
    DependencyIn,
    DependencyOut,
    ProgressIn,
    PushedFilter,
    PushOut,
    PushPreviewOut,
    ShiftIn,
    StepBulkIn,
    StepBulkOut,
    StepFilter,
    StepIn,
    StepOut,
    StepPatch,
)
from deptcoord.work.models import Dependency, Step
from deptcoord.work.services.shifts import check_new_dates, shift_preview

router = Router(tags=["work"])


@router.get("/steps", response=list[StepOut], summary="List steps")
@paginate(ListPagination)
def list_steps(request, filters: Query[StepFilter]):
    """Steps the caller may see, filtered (``mine`` for the caller's own)."""
    choice("status", filters.status, ["open", *Step.Status.values])
    return selectors.steps(
        request.facts,
        Step.objects.filter(project_id=filters.project_id)
        if filters.project_id
        else Step.objects.all(),
        status=filters.status,
        department_id=filters.department_id,
        assignee_id=request.person.pk if filters.mine else filters.assignee_id,
        flagged=filters.flagged,
    )


@router.post("/steps", response={201: StepOut}, summary="Create a step")
def create_step(request, payload: StepIn):
    """A step in a project, or a department activity."""
    data = payload.dict()
    project_id = data.pop("project_id")
    project = project_or_404(request, project_id) if project_id else None
    if project is not None:
        require(request.facts, Action.ADD_STEP, project)
    step = services.step_create(
        actor=api_actor(request),
        project=project,
        department=department_or_404(request, data.pop("department_id")),
        assignee=person_or_404(request, data.pop("assignee_id")),
        required_skill=data.pop("required_skill_id"),
        **data,
    )
    return Status(201, step)


@router.post("/steps/bulk", response=StepBulkOut, summary="Change several steps at once")
def bulk_update_steps(request, payload: StepBulkIn):
    """Give the listed steps one status, assignee or due date: all of them or none. A step the
    caller may not see answers 404; one they may not change 403; one whose ``version`` is no
    longer current 409 naming it; a bad value 422 naming each step it fails on."""
    data = payload.dict(exclude_unset=True)
    changes = {}
    if data.get("status") is not None:
        changes["status"] = data["status"]
    if "assignee_id" in data:
        changes["assignee"] = person_or_404(request, data["assignee_id"])
    if "due" in data:
        changes["due"] = data["due"]
    steps = services.steps_bulk_update(
        actor=api_actor(request),
        items=[(item["id"], item["version"]) for item in data["items"]],
        **changes,
    )
    return {"updated": len(steps), "steps": steps}


@router.get("/steps/{int:pk}", response=StepOut, summary="Read a step")
def read_step(request, response: HttpResponse, pk: PrimaryKey):
    """One step, with its version as ETag."""
    return with_etag(response, step_or_404(request, pk))


@router.patch("/steps/{int:pk}", response=StepOut, summary="Change a step")
def update_step(request, response: HttpResponse, payload: StepPatch, pk: PrimaryKey):
    """Change a step's fields; a later due date pushes and flags the steps waiting for it."""
    step = step_or_404(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), step.version)
    if "department_id" in data:
        data["department"] = (
            department_or_404(request, data.pop("department_id")) or step.department
        )
    if "assignee_id" in data:
        data["assignee"] = person_or_404(request, data.pop("assignee_id"))
    if "required_skill_id" in data:
        data["required_skill"] = data.pop("required_skill_id")
    step = services.step_update(
        actor=api_actor(request), step_id=step.pk, expected_version=version, **data
    )
    return with_etag(response, step)


@router.delete("/steps/{int:pk}", response={204: None}, summary="Delete a step")
def delete_step(request, pk: PrimaryKey):
    """Delete a step with its links, time and comments."""
    step = step_or_404(request, pk)
    services.step_delete(
        actor=api_actor(request),
        step_id=step.pk,
        expected_version=expected_version(request, None, step.version),
    )
    return Status(204, None)


@router.post("/steps/{int:pk}/progress", response=StepOut, summary="Move a step along")
def step_progress(request, response: HttpResponse, payload: ProgressIn, pk: PrimaryKey):
    """Change status and progress (the assignee may)."""
    step = step_or_404(request, pk)
    data = payload.dict()
    version = expected_version(request, data.pop("version", None), step.version)
    step = services.step_progress(
        actor=api_actor(request), step_id=step.pk, expected_version=version, **data
    )
    return with_etag(response, step)


def _push_out(move) -> dict:
    step = move.step
    return {
        "step_id": step.pk,
        "title": step.title,
        "department_id": step.department_id,
        "department": step.department.name,
        "assignee_id": step.assignee_id,
        "assignee": step.assignee.full_name if step.assignee_id else None,
        "start_before": move.was_start,
        "due_before": move.was_due,
        "start": move.start,
        "due": move.due,
        "days": move.days,
        "version": step.version,
    }


@router.get("/steps/{int:pk}/pushed", response=PushPreviewOut, summary="Preview what a step pushes")
def pushed_steps(request, pk: PrimaryKey, dates: Query[PushedFilter]):
    """The waiting steps that would start before what they wait for is done, were the step to
    run from ``start`` to ``due`` (its own dates when left out), with their new dates. Steps
    the caller cannot see are only counted. Changes nothing."""
    step = step_or_404(request, pk)
    start = dates.start if dates.start is not None else step.start
    due = dates.due if dates.due is not None else step.due
    check_new_dates(start, due)
    preview = shift_preview(request.facts, step, start, due)
    return {
        "count": preview.count,
        "hidden": preview.hidden,
        "days": preview.days,
        "refusal": preview.refusal,
        "pushes": [_push_out(move) for move in preview.moves],
    }


@router.post(
    "/steps/{int:pk}/shift-pushed", response=list[PushOut], summary="Move the pushed steps later"
)
def shift_pushed(request, pk: PrimaryKey, payload: ShiftIn):
    """Move later, in one go, every step this one now pushes (as previewed by ``pushed``):
    all of them or none. Send each pushed step's version; if the steps or a version changed
    since, nothing moves (409). Refused with the reason (422) when the caller may not move one
    of them; each owner is notified."""
    step = step_or_404(request, pk)
    moves = services.slip_shift(
        actor=api_actor(request),
        step_id=step.pk,
        expected_versions={item.step_id: item.version for item in payload.versions},
    )
    return [_push_out(move) for move in moves]


@router.get(
    "/steps/{int:pk}/dependencies", response=list[DependencyOut], summary="List a step's links"
)
def list_dependencies(request, pk: PrimaryKey):
    """What the step waits for and what waits for it."""
    before, after = selectors.step_links(request.facts, step_or_404(request, pk))
    return before + after


@router.post(
    "/steps/{int:pk}/dependencies", response={201: DependencyOut}, summary="Link two steps"
)
def create_dependency(request, payload: DependencyIn, pk: PrimaryKey):
    """Make this step wait for another; a link closing a cycle is refused, naming it."""
    step = step_or_404(request, pk)
    predecessor = step_or_404(request, payload.predecessor_id)
    link = services.dependency_create(
        actor=api_actor(request), predecessor=predecessor, successor=step, lag_days=payload.lag_days
    )
    return Status(201, link)


@router.delete("/dependencies/{int:pk}", response={204: None}, summary="Remove a link")
def delete_dependency(request, pk: PrimaryKey):
    """Remove a link between two steps."""
    link = get_visible_or_404(request.facts, Dependency, pk=pk)
    services.dependency_delete(
        actor=api_actor(request),
        dependency_id=link.pk,
        expected_version=expected_version(request, None, link.version),
    )
    return Status(204, None)


@router.get("/steps/{int:pk}/comments", response=list[CommentOut], summary="List comments")
@paginate(ListPagination)
def list_comments(request, pk: PrimaryKey):
    """The step's discussion, oldest first."""
    return visible(request.facts, selectors.step_comments(step_or_404(request, pk)))


@router.post("/steps/{int:pk}/comments", response={201: CommentOut}, summary="Comment")
def create_comment(request, payload: CommentIn, pk: PrimaryKey):
    """Post a comment; people mentioned with @ are notified."""
    comment = services.comment_post(
        actor=api_actor(request), step=step_or_404(request, pk), body=payload.body
    )
    return Status(201, comment)
