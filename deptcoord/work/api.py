"""The work API: projects, steps, dependencies, comments, time, expenses, requests, recurring
activities and workload. Everything a page does is here too."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.core.spreadsheets import SheetRow
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department, Person
from deptcoord.work import imports, selectors, services
from deptcoord.work.models import (
    Dependency,
    Expense,
    Project,
    RecurringActivity,
    Request,
    Step,
    TimeEntry,
)

router = Router(tags=["work"])


# schemas


class ProjectOut(Schema):
    """A project."""

    id: int
    code: str
    title: str
    title_en: str
    title_vi: str
    description: str
    lead_department_id: int
    department_ids: list[int] = Field(default_factory=list)
    goal_ids: list[int] = Field(default_factory=list)
    coordinator_id: int
    start: date
    end: date
    status: str
    budget: Decimal
    currency: str
    budget_alert_percent: int
    version: int

    @staticmethod
    def resolve_department_ids(obj):
        return sorted(department.pk for department in obj.departments.all())

    @staticmethod
    def resolve_goal_ids(obj):
        return sorted(goal.pk for goal in obj.goals.all())


class ProjectIn(Schema):
    """Fields to create a project."""

    code: str = Field(..., max_length=20)
    title_en: str = Field("", max_length=200)
    title_vi: str = Field("", max_length=200)
    description: str = Field("", max_length=10000)
    lead_department_id: PrimaryKey
    department_ids: list[PrimaryKey] = Field(default_factory=list, max_length=100)
    goal_ids: list[PrimaryKey] = Field(default_factory=list, max_length=100)
    invited_ids: list[PrimaryKey] = Field(default_factory=list, max_length=100)
    coordinator_id: PrimaryKey | None = None
    start: date
    end: date
    status: str = "planned"
    budget: Decimal = Decimal(0)
    currency: str = "VND"
    budget_alert_percent: int = 80


class ProjectPatch(Schema):
    """Fields to change on a project."""

    title_en: str | None = Field(None, max_length=200)
    title_vi: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=10000)
    department_ids: list[PrimaryKey] | None = Field(None, max_length=100)
    goal_ids: list[PrimaryKey] | None = Field(None, max_length=100)
    coordinator_id: PrimaryKey | None = None
    start: date | None = None
    end: date | None = None
    status: str | None = None
    budget: Decimal | None = None
    budget_alert_percent: int | None = None
    version: int | None = None


class StepOut(Schema):
    """A step."""

    id: int
    project_id: int | None
    department_id: int
    assignee_id: int | None
    title: str
    title_en: str
    title_vi: str
    description: str
    effort_hours: Decimal
    start: date | None
    due: date | None
    status: str
    progress: int
    priority: int
    is_milestone: bool
    required_skill_id: int | None
    required_level: int | None
    flagged: bool
    flagged_by_id: int | None
    slip_days: int
    version: int


class StepIn(Schema):
    """Fields to create a step (in a project, or a department activity)."""

    project_id: PrimaryKey | None = None
    department_id: PrimaryKey
    assignee_id: PrimaryKey | None = None
    title_en: str = Field("", max_length=200)
    title_vi: str = Field("", max_length=200)
    description: str = Field("", max_length=10000)
    effort_hours: Decimal = Decimal(0)
    start: date | None = None
    due: date | None = None
    status: str = "todo"
    progress: int = 0
    priority: int = 2
    is_milestone: bool = False
    required_skill_id: PrimaryKey | None = None
    required_level: int | None = None


class StepPatch(Schema):
    """Fields to change on a step."""

    department_id: PrimaryKey | None = None
    assignee_id: PrimaryKey | None = None
    title_en: str | None = Field(None, max_length=200)
    title_vi: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=10000)
    effort_hours: Decimal | None = None
    start: date | None = None
    due: date | None = None
    status: str | None = None
    progress: int | None = None
    priority: int | None = None
    is_milestone: bool | None = None
    required_skill_id: PrimaryKey | None = None
    required_level: int | None = None
    version: int | None = None


class ProgressIn(Schema):
    """A step's status and progress (what its assignee changes)."""

    status: str | None = None
    progress: int | None = None
    version: int | None = None


class StepFilter(Schema):
    """Filters on the step list."""

    project_id: PrimaryKey | None = None
    department_id: PrimaryKey | None = None
    assignee_id: PrimaryKey | None = None
    mine: bool = False
    status: str = ""
    flagged: bool = False


class DependencyOut(Schema):
    """A finish-to-start link."""

    id: int
    predecessor_id: int
    successor_id: int
    lag_days: int
    version: int


class DependencyIn(Schema):
    """The step the successor waits for."""

    predecessor_id: PrimaryKey
    lag_days: int = 0


class CommentOut(Schema):
    """A comment on a step."""

    id: int
    step_id: int
    author_id: int
    body: str
    created_at: str

    @staticmethod
    def resolve_created_at(obj):
        return obj.created_at.isoformat()


class CommentIn(Schema):
    """A comment; @handle mentions notify."""

    body: str = Field(..., max_length=5000)


class TimeOut(Schema):
    """Time spent on a step."""

    id: int
    step_id: int
    person_id: int
    date: date
    hours: Decimal
    note: str
    version: int


class TimeIn(Schema):
    """Time to log."""

    date: date
    hours: Decimal
    note: str = Field("", max_length=300)


class ExpenseOut(Schema):
    """An expense of a project."""

    id: int
    project_id: int
    date: date
    amount: Decimal
    category: str
    note: str
    version: int


class ExpenseIn(Schema):
    """An expense to record."""

    date: date
    amount: Decimal
    category: str = "other"
    note: str = Field("", max_length=300)


class BudgetOut(Schema):
    """Spend against budget."""

    spent: Decimal
    budget: Decimal
    percent: float | None
    over_alert: bool
    months: list[str]
    cumulative: list[float | None]


class TimelineStepOut(Schema):
    """A dated step with its slack and whether it is critical."""

    step_id: int
    start: date
    end: date
    slack: int
    critical: bool
    predecessors: list[int]


class TimelineOut(Schema):
    """A project's schedule."""

    steps: list[TimelineStepOut]
    critical_step_ids: list[int]
    finish: date | None


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


class PlanRowIn(Schema):
    """One step of a plan, as in the spreadsheet import (department by code, assignee by
    e-mail, predecessors by the refs of other rows)."""

    ref: str = Field(..., max_length=40)
    title_en: str = Field("", max_length=200)
    title_vi: str = Field("", max_length=200)
    department: str = Field(..., max_length=20)
    assignee_email: str = Field("", max_length=254)
    effort_hours: str = Field("0", max_length=20)
    start: str = Field("", max_length=20)
    due: str = Field("", max_length=20)
    predecessors: str = Field("", max_length=500)
    milestone: str = Field("", max_length=10)
    skill: str = Field("", max_length=120)
    skill_level: str = Field("", max_length=10)


class PlanIn(Schema):
    """A plan to import; with ``commit`` false it is only checked (nothing is saved)."""

    rows: list[PlanRowIn] = Field(..., max_length=2000)
    commit: bool = False


class PlanRowOut(Schema):
    """What the import does with one row."""

    number: int
    label: str
    action: str
    errors: list[list[str]]


class PlanOut(Schema):
    """Every row's outcome and whether the plan was saved."""

    saved: bool
    rows: list[PlanRowOut]


class WorkloadFilter(Schema):
    """Whose workload: a department's or a project's people."""

    department_id: PrimaryKey | None = None
    project_id: PrimaryKey | None = None
    weeks: int = Field(8, ge=1, le=26)


class WorkloadCellOut(Schema):
    """One person's week."""

    week: date
    capacity: float
    assigned: float
    overloaded: bool
    step_ids: list[int]


class WorkloadRowOut(Schema):
    """A person's weeks."""

    person_id: int
    name: str
    cells: list[WorkloadCellOut]


# lookups


def _department(request, pk):
    return get_visible_or_404(request.facts, Department, pk=pk) if pk is not None else None


def _person(request, pk):
    return get_visible_or_404(request.facts, Person, pk=pk) if pk is not None else None


def _people(request, ids):
    return [_person(request, pk) for pk in ids]


def _project(request, pk) -> Project:
    return get_visible_or_404(request.facts, Project, pk=pk)


def _step(request, pk) -> Step:
    return get_visible_or_404(request.facts, selectors.step_detail_queryset(), pk=pk)


def _actor(request):
    return actor_from(request, "api")


# projects


@router.get("/projects", response=list[ProjectOut], summary="List projects")
@paginate(ListPagination)
def list_projects(request, status: str = "", department_id: PrimaryKey | None = None, q: str = ""):
    """Projects the caller may see."""
    return selectors.projects(
        request.facts, status=status, department_id=department_id, query=q[:100]
    ).prefetch_related("departments", "goals")


@router.post("/projects", response={201: ProjectOut}, summary="Create a project")
def create_project(request, payload: ProjectIn):
    """Create a project led by a department the caller runs."""
    data = payload.dict()
    lead = _department(request, data.pop("lead_department_id"))
    departments = [_department(request, pk) for pk in data.pop("department_ids")]
    goals = [get_visible_or_404(request.facts, Goal, pk=pk) for pk in data.pop("goal_ids")]
    invited = _people(request, data.pop("invited_ids"))
    coordinator = _person(request, data.pop("coordinator_id")) or request.person
    project = services.project_create(
        actor=_actor(request),
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
    return with_etag(response, _project(request, pk))


@router.patch("/projects/{int:pk}", response=ProjectOut, summary="Change a project")
def update_project(request, response: HttpResponse, payload: ProjectPatch, pk: PrimaryKey):
    """Change a project; If-Match or `version` guards against overwriting."""
    project = _project(request, pk)
    require(request.facts, Action.CHANGE, project)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), project.version)
    if "department_ids" in data:
        data["departments"] = [_department(request, pk) for pk in data.pop("department_ids") or []]
    if "goal_ids" in data:
        data["goals"] = [
            get_visible_or_404(request.facts, Goal, pk=pk) for pk in data.pop("goal_ids") or []
        ]
    if "coordinator_id" in data:
        data["coordinator"] = _person(request, data.pop("coordinator_id")) or project.coordinator
    project = services.project_update(
        actor=_actor(request), project_id=project.pk, expected_version=version, **data
    )
    return with_etag(response, project)


@router.get("/projects/{int:pk}/timeline", response=TimelineOut, summary="Project schedule")
def project_timeline(request, pk: PrimaryKey):
    """Dated steps with slack and the critical path."""
    timeline = selectors.timeline(request.facts, _project(request, pk))
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


@router.get("/projects/{int:pk}/budget", response=BudgetOut, summary="Spend against budget")
def project_budget(request, pk: PrimaryKey):
    """Spend against budget by month."""
    project = _project(request, pk)
    require(request.facts, Action.VIEW_BUDGET, project)
    return selectors.budget(project).__dict__


@router.get("/projects/{int:pk}/expenses", response=list[ExpenseOut], summary="List expenses")
@paginate(ListPagination)
def list_expenses(request, pk: PrimaryKey):
    """The project's expenses, latest first."""
    project = _project(request, pk)
    require(request.facts, Action.VIEW_BUDGET, project)
    return selectors.expenses(request.facts, project)


@router.post("/projects/{int:pk}/expenses", response={201: ExpenseOut}, summary="Record an expense")
def create_expense(request, payload: ExpenseIn, pk: PrimaryKey):
    """Record money spent; an alert goes out at the project's share of its budget."""
    project = _project(request, pk)
    expense = services.expense_create(actor=_actor(request), project=project, **payload.dict())
    return Status(201, expense)


@router.delete("/expenses/{int:pk}", response={204: None}, summary="Remove an expense")
def delete_expense(request, pk: PrimaryKey):
    """Remove an expense."""
    expense = get_visible_or_404(request.facts, Expense, pk=pk)
    require(request.facts, Action.DELETE, expense)
    services.expense_delete(actor=_actor(request), expense_id=expense.pk)
    return Status(204, None)


@router.post("/projects/{int:pk}/plan", response=PlanOut, summary="Import a plan")
def import_plan(request, payload: PlanIn, pk: PrimaryKey):
    """Add steps with their dependencies to the project: all rows or, if any row is wrong,
    none (each row's problems are listed). With ``commit`` false nothing is saved."""
    project = _project(request, pk)
    require(request.facts, Action.IMPORT, project)
    rows = [
        SheetRow(number=index, values=row.dict()) for index, row in enumerate(payload.rows, start=1)
    ]
    report = imports.run_import(
        actor=_actor(request), project=project, rows=rows, commit=payload.commit
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


# steps


@router.get("/steps", response=list[StepOut], summary="List steps")
@paginate(ListPagination)
def list_steps(request, filters: Query[StepFilter]):
    """Steps the caller may see, filtered (``mine`` for the caller's own)."""
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
    project = _project(request, project_id) if project_id else None
    if project is not None:
        require(request.facts, Action.ADD_STEP, project)
    step = services.step_create(
        actor=_actor(request),
        project=project,
        department=_department(request, data.pop("department_id")),
        assignee=_person(request, data.pop("assignee_id")),
        required_skill=data.pop("required_skill_id"),
        **data,
    )
    return Status(201, step)


@router.get("/steps/{int:pk}", response=StepOut, summary="Read a step")
def read_step(request, response: HttpResponse, pk: PrimaryKey):
    """One step, with its version as ETag."""
    return with_etag(response, _step(request, pk))


@router.patch("/steps/{int:pk}", response=StepOut, summary="Change a step")
def update_step(request, response: HttpResponse, payload: StepPatch, pk: PrimaryKey):
    """Change a step's fields; a later due date pushes and flags the steps waiting for it."""
    step = _step(request, pk)
    require(request.facts, Action.CHANGE, step)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), step.version)
    if "department_id" in data:
        data["department"] = _department(request, data.pop("department_id")) or step.department
    if "assignee_id" in data:
        data["assignee"] = _person(request, data.pop("assignee_id"))
    if "required_skill_id" in data:
        data["required_skill"] = data.pop("required_skill_id")
    step = services.step_update(
        actor=_actor(request), step_id=step.pk, expected_version=version, **data
    )
    return with_etag(response, step)


@router.delete("/steps/{int:pk}", response={204: None}, summary="Delete a step")
def delete_step(request, pk: PrimaryKey):
    """Delete a step with its links, time and comments."""
    step = _step(request, pk)
    require(request.facts, Action.DELETE, step)
    services.step_delete(actor=_actor(request), step_id=step.pk)
    return Status(204, None)


@router.post("/steps/{int:pk}/progress", response=StepOut, summary="Move a step along")
def step_progress(request, response: HttpResponse, payload: ProgressIn, pk: PrimaryKey):
    """Change status and progress (the assignee may)."""
    step = _step(request, pk)
    require(request.facts, Action.UPDATE_PROGRESS, step)
    data = payload.dict()
    version = expected_version(request, data.pop("version", None), step.version)
    step = services.step_progress(
        actor=_actor(request), step_id=step.pk, expected_version=version, **data
    )
    return with_etag(response, step)


@router.get(
    "/steps/{int:pk}/dependencies", response=list[DependencyOut], summary="List a step's links"
)
def list_dependencies(request, pk: PrimaryKey):
    """What the step waits for and what waits for it."""
    before, after = selectors.step_links(request.facts, _step(request, pk))
    return before + after


@router.post(
    "/steps/{int:pk}/dependencies", response={201: DependencyOut}, summary="Link two steps"
)
def create_dependency(request, payload: DependencyIn, pk: PrimaryKey):
    """Make this step wait for another; a link closing a cycle is refused, naming it."""
    step = _step(request, pk)
    require(request.facts, Action.CHANGE, step)
    predecessor = _step(request, payload.predecessor_id)
    link = services.dependency_create(
        actor=_actor(request), predecessor=predecessor, successor=step, lag_days=payload.lag_days
    )
    return Status(201, link)


@router.delete("/dependencies/{int:pk}", response={204: None}, summary="Remove a link")
def delete_dependency(request, pk: PrimaryKey):
    """Remove a link between two steps."""
    link = get_visible_or_404(request.facts, Dependency, pk=pk)
    require(request.facts, Action.DELETE, link)
    services.dependency_delete(actor=_actor(request), dependency_id=link.pk)
    return Status(204, None)


@router.get("/steps/{int:pk}/comments", response=list[CommentOut], summary="List comments")
@paginate(ListPagination)
def list_comments(request, pk: PrimaryKey):
    """The step's discussion, oldest first."""
    return visible(request.facts, selectors.step_comments(_step(request, pk)))


@router.post("/steps/{int:pk}/comments", response={201: CommentOut}, summary="Comment")
def create_comment(request, payload: CommentIn, pk: PrimaryKey):
    """Post a comment; people mentioned with @ are notified."""
    comment = services.comment_post(
        actor=_actor(request), step=_step(request, pk), body=payload.body
    )
    return Status(201, comment)


@router.get("/steps/{int:pk}/time", response=list[TimeOut], summary="List time entries")
@paginate(ListPagination)
def list_time(request, pk: PrimaryKey):
    """Time logged on the step."""
    return visible(request.facts, selectors.step_time(_step(request, pk)))


@router.post("/steps/{int:pk}/time", response={201: TimeOut}, summary="Log time")
def create_time(request, payload: TimeIn, pk: PrimaryKey):
    """Log time the caller spent on the step."""
    entry = services.time_log(actor=_actor(request), step=_step(request, pk), **payload.dict())
    return Status(201, entry)


@router.delete("/time-entries/{int:pk}", response={204: None}, summary="Remove a time entry")
def delete_time(request, pk: PrimaryKey):
    """Remove a time entry."""
    entry = get_visible_or_404(request.facts, TimeEntry, pk=pk)
    require(request.facts, Action.DELETE, entry)
    services.time_entry_delete(actor=_actor(request), entry_id=entry.pk)
    return Status(204, None)


# requests


@router.get("/requests", response=list[RequestOut], summary="List requests")
@paginate(ListPagination)
def list_requests(request, filters: Query[RequestFilter]):
    """Requests to and from the caller's departments."""
    return selectors.requests(request.facts, box=filters.box, state=filters.state)


@router.post("/requests", response={201: RequestOut}, summary="Send a request")
def create_request(request, payload: RequestIn):
    """Ask another department for work."""
    data = payload.dict()
    project_id = data.pop("project_id")
    sent = services.request_send(
        actor=_actor(request),
        from_department=_department(request, data.pop("from_department_id")),
        to_department=_department(request, data.pop("to_department_id")),
        project=_project(request, project_id) if project_id else None,
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
    require(request.facts, Action.ANSWER, found)
    version = expected_version(request, payload.version, found.version)
    found = services.request_accept(
        actor=_actor(request),
        request_id=found.pk,
        expected_version=version,
        assignee=_person(request, payload.assignee_id),
        proposed_due=payload.proposed_due,
    )
    return with_etag(response, found)


@router.post("/requests/{int:pk}/decline", response=RequestOut, summary="Decline a request")
def decline_request(request, response: HttpResponse, payload: DeclineIn, pk: PrimaryKey):
    """Decline, saying why."""
    found = _request(request, pk)
    require(request.facts, Action.ANSWER, found)
    version = expected_version(request, payload.version, found.version)
    found = services.request_decline(
        actor=_actor(request), request_id=found.pk, expected_version=version, reason=payload.reason
    )
    return with_etag(response, found)


@router.post("/requests/{int:pk}/withdraw", response=RequestOut, summary="Withdraw a request")
def withdraw_request(request, response: HttpResponse, pk: PrimaryKey):
    """Withdraw a pending request."""
    found = _request(request, pk)
    require(request.facts, Action.CHANGE, found)
    found = services.request_withdraw(actor=_actor(request), request_id=found.pk)
    return with_etag(response, found)


# recurring activities


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
        actor=_actor(request),
        department=_department(request, data.pop("department_id")),
        assignee=_person(request, data.pop("assignee_id")),
        **data,
    )
    return Status(201, activity)


@router.patch(
    "/recurring-activities/{int:pk}", response=RecurringOut, summary="Change a recurring activity"
)
def update_recurring(request, response: HttpResponse, payload: RecurringPatch, pk: PrimaryKey):
    """Change a recurring activity."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    require(request.facts, Action.CHANGE, activity)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), activity.version)
    activity = services.recurring_update(
        actor=_actor(request), activity_id=activity.pk, expected_version=version, **data
    )
    return with_etag(response, activity)


@router.delete(
    "/recurring-activities/{int:pk}", response={204: None}, summary="Remove a recurring activity"
)
def delete_recurring(request, pk: PrimaryKey):
    """Remove a recurring activity (its steps stay)."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    require(request.facts, Action.DELETE, activity)
    services.recurring_delete(actor=_actor(request), activity_id=activity.pk)
    return Status(204, None)


# workload


@router.get("/workload", response=list[WorkloadRowOut], summary="Workload heat map")
def workload(request, filters: Query[WorkloadFilter]):
    """Each person's assigned effort per week against capacity, for a department (the
    caller's by default) or a project."""
    if filters.project_id:
        people = selectors.project_people(_project(request, filters.project_id))
    else:
        department = _department(
            request, filters.department_id or request.person.primary_department_id
        )
        if department is None:
            return []
        require(request.facts, Action.VIEW_DETAILS, department)
        people = selectors.department_people(department)
    rows = selectors.workload_for(people, filters.weeks)
    return [
        {
            "person_id": row.person.pk,
            "name": row.person.full_name,
            "cells": [
                {
                    "week": cell.week,
                    "capacity": cell.capacity,
                    "assigned": cell.assigned,
                    "overloaded": cell.overloaded,
                    "step_ids": cell.step_ids,
                }
                for cell in row.cells
            ],
        }
        for row in rows
    ]
