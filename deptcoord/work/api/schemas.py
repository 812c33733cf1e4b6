"""What the work API reads and writes: projects, steps and their links, comments, time,
expenses, plans and workload."""

from datetime import date
from decimal import Decimal

from ninja import Field

from deptcoord.access import visible
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey


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
    def resolve_goal_ids(obj, context):
        """Only the goals the caller may open (a list fetches them once, as ``visible_goals``)."""
        goals = getattr(obj, "visible_goals", None)
        if goals is None:
            goals = visible(context["request"].facts, obj.goals.all())
        return sorted(goal.pk for goal in goals)


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


class PushOut(Schema):
    """A step that new dates push later: its dates now and after the move."""

    step_id: int
    title: str
    department_id: int
    department: str
    assignee_id: int | None
    assignee: str | None
    start_before: date | None
    due_before: date
    start: date | None
    due: date
    days: int = Field(description="How many working days later it moves.")
    version: int


class PushPreviewOut(Schema):
    """What a step's dates push: the steps the caller sees, how many others, and why the
    caller may not move them all (null when they may)."""

    count: int
    hidden: int
    days: int
    refusal: str | None
    pushes: list[PushOut]


class PushedFilter(Schema):
    """New dates to try (the step's own dates when left out)."""

    start: date | None = None
    due: date | None = None


class StepVersionIn(Schema):
    """A pushed step and the version the caller was shown."""

    step_id: PrimaryKey
    version: int


class ShiftIn(Schema):
    """The pushed steps as previewed, each with its version: nothing moves if one changed."""

    versions: list[StepVersionIn]


class StepRef(Schema):
    """A step and the version the caller saw."""

    id: PrimaryKey
    version: int


class StepBulkIn(Schema):
    """One change for several steps: all of them change or none. Leave out a field to keep
    each step's own value; send ``assignee_id`` or ``due`` as null to clear it."""

    items: list[StepRef] = Field(..., min_length=1, max_length=200)
    status: str | None = None
    assignee_id: PrimaryKey | None = None
    due: date | None = None


class StepBulkOut(Schema):
    """The steps as changed."""

    updated: int
    steps: list[StepOut]


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


class PlanImportIn(Schema):
    """A plan to import; with ``commit`` false it is only checked (nothing is saved)."""

    rows: list[PlanRowIn] = Field(..., max_length=2000)
    commit: bool = False


class PlanRowOut(Schema):
    """What the import does with one row."""

    number: int
    label: str
    action: str
    errors: list[list[str]]


class PlanImportOut(Schema):
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
