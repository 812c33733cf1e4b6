"""What the goals API reads and writes."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from ninja import Field

from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey
from deptcoord.goals.models import Confidence, Direction, Goal, Metric, Standard

Value = Annotated[Decimal, Field(max_digits=20, decimal_places=4)]
Weight = Annotated[Decimal, Field(ge=0, le=1000, max_digits=6, decimal_places=2)]
Title = Annotated[str, Field(max_length=200)]
# Named after their model: every model calls its choices "Kind" or "Status", and the API
# contract names each set of choices once.
type GoalKind = Goal.Kind
type GoalStatus = Goal.Status


class GoalOut(Schema):
    """A goal with its rolled-up progress and forecast (0–100, null when nothing measures it)."""

    id: int
    title: str
    title_en: str
    title_vi: str
    description: str
    level: str
    category: str
    kind: str
    commitment: str
    department_id: int | None
    owner_id: int
    parent_id: int | None
    period_start: date
    period_end: date
    priority: int
    status: str
    weight: Decimal
    private: bool = Field(description="Read only inside its department; otherwise company-wide.")
    template_id: int | None
    progress_percent: float | None = Field(None, alias="progress")
    forecast_percent: float | None = Field(None, alias="forecast_progress")
    at_risk: bool
    confidence: str
    version: int


class GoalIn(Schema):
    """Fields to create a goal (the owner defaults to the caller)."""

    title_en: Title = ""
    title_vi: Title = ""
    description: str = Field("", max_length=5000)
    level: Goal.Level
    category: Goal.Category = Goal.Category.OTHER
    kind: GoalKind = Goal.Kind.OKR
    commitment: Goal.Commitment = Goal.Commitment.COMMITTED
    department_id: PrimaryKey | None = None
    owner_id: PrimaryKey | None = None
    parent_id: PrimaryKey | None = None
    period_start: date
    period_end: date
    priority: Goal.Priority = Goal.Priority.MEDIUM
    status: GoalStatus = Goal.Status.ACTIVE
    weight: Weight = Decimal(1)
    private: bool = False


class GoalPatch(Schema):
    """Fields to change on a goal; `version` guards against overwriting."""

    title_en: Title | None = None
    title_vi: Title | None = None
    description: str | None = Field(None, max_length=5000)
    level: Goal.Level | None = None
    category: Goal.Category | None = None
    kind: GoalKind | None = None
    commitment: Goal.Commitment | None = None
    department_id: PrimaryKey | None = None
    owner_id: PrimaryKey | None = None
    parent_id: PrimaryKey | None = None
    period_start: date | None = None
    period_end: date | None = None
    priority: Goal.Priority | None = None
    status: GoalStatus | None = None
    weight: Weight | None = None
    private: bool | None = None
    version: int | None = None


class GoalFilter(Schema):
    """Filters for the goal list: a period key (2026-Q4, 2026, 2026-11 or all), and more."""

    period: str | None = Field(None, max_length=10)
    department_id: PrimaryKey | None = None
    category: Goal.Category | None = None
    owner_id: PrimaryKey | None = None
    status: str | None = Field(None, max_length=20)
    level: Goal.Level | None = None
    q: str | None = Field(None, max_length=100)


class KeyResultOut(Schema):
    """A key result with its latest value and stored forecast."""

    id: int
    goal_id: int
    title: str
    title_en: str
    title_vi: str
    metric: str
    unit: str
    currency: str
    milestones: list[str]
    start_value: Decimal
    target_value: Decimal
    current_value: Decimal
    direction: str
    weight: Decimal
    owner_id: int
    start_date: date | None
    due_date: date | None
    confidence: str
    last_check_in_on: date | None
    forecast_value: float | None
    forecast_low: float | None
    forecast_high: float | None
    at_risk: bool
    version: int

    @staticmethod
    def resolve_milestones(obj):
        return obj.milestone_names


class MeasureIn(Schema):
    """What a key result measures (yes/no and milestones need no start or target)."""

    title_en: Title = ""
    title_vi: Title = ""
    metric: Metric = Metric.NUMBER
    unit: str = Field("", max_length=30)
    currency: str = Field("VND", max_length=3)
    milestones: list[Annotated[str, Field(max_length=200)]] = Field([], max_length=50)
    start_value: Value | None = None
    target_value: Value | None = None
    direction: Direction = Direction.INCREASE
    weight: Weight = Decimal(1)


class KeyResultIn(MeasureIn):
    """Fields to add a key result to a goal (the owner defaults to the caller)."""

    goal_id: PrimaryKey
    owner_id: PrimaryKey | None = None
    start_date: date | None = None
    due_date: date | None = None


class KeyResultPatch(Schema):
    """Fields to change on a key result; `version` guards against overwriting."""

    title_en: Title | None = None
    title_vi: Title | None = None
    metric: Metric | None = None
    unit: str | None = Field(None, max_length=30)
    currency: str | None = Field(None, max_length=3)
    milestones: list[Annotated[str, Field(max_length=200)]] | None = Field(None, max_length=50)
    start_value: Value | None = None
    target_value: Value | None = None
    direction: Direction | None = None
    weight: Weight | None = None
    owner_id: PrimaryKey | None = None
    start_date: date | None = None
    due_date: date | None = None
    version: int | None = None


class KeyResultFilter(Schema):
    """Filters for the key-result list."""

    goal_id: PrimaryKey | None = None
    owner_id: PrimaryKey | None = None
    at_risk: bool | None = None


class CheckInOut(Schema):
    """A value reported on a key result."""

    id: int
    key_result_id: int
    day: date
    value: Decimal
    confidence: str
    note: str
    author_id: int | None


class CheckInIn(Schema):
    """A new value, the confidence and a note (the day defaults to today)."""

    value: Value
    confidence: Confidence = Confidence.ON_TRACK
    note: str = Field("", max_length=2000)
    day: date | None = None


class BandOut(Schema):
    """Where the end value falls with the given confidence."""

    low: float
    high: float
    confidence: float


class ForecastOut(Schema):
    """A key result's forecast as of today (see goals/forecast.py)."""

    as_of: date
    current_value: float
    projected_value: float
    band: BandOut | None
    method: str
    check_ins_used: int
    progress_percent: float
    projected_progress_percent: float
    expected_progress_percent: float
    at_risk: bool
    risks: list[str]
    shortfall: float
    shortfall_percent: float
    lag_points: float


class TemplateKeyResultOut(Schema):
    """A key result every goal rolled out from the template gets."""

    id: int
    title: str
    title_en: str
    title_vi: str
    metric: str
    unit: str
    currency: str
    start_value: Decimal
    target_value: Decimal
    direction: str
    weight: Decimal


class TemplateOut(Schema):
    """A goal template and its key results."""

    id: int
    department_id: int
    title: str
    title_en: str
    title_vi: str
    description: str
    category: str
    kind: str
    key_results: list[TemplateKeyResultOut]
    version: int

    @staticmethod
    def resolve_key_results(obj):
        return list(obj.key_results.all())


class TemplateIn(Schema):
    """Fields to create a template, with at least one key result."""

    department_id: PrimaryKey
    title_en: Title = ""
    title_vi: Title = ""
    description: str = Field("", max_length=5000)
    category: Goal.Category = Goal.Category.OTHER
    kind: GoalKind = Goal.Kind.KPI
    key_results: list[MeasureIn] = Field(..., max_length=20)


class TemplatePatch(Schema):
    """Fields to change on a template; `version` guards against overwriting."""

    title_en: Title | None = None
    title_vi: Title | None = None
    description: str | None = Field(None, max_length=5000)
    category: Goal.Category | None = None
    kind: GoalKind | None = None
    version: int | None = None


class RollOutIn(Schema):
    """Whom to give a personal goal from the template, for which period, under which goal."""

    period_start: date
    period_end: date
    department_id: PrimaryKey | None = None
    title_contains: str = Field("", max_length=100)
    parent_id: PrimaryKey | None = None
    status: GoalStatus = Goal.Status.ACTIVE


class RollOutOut(Schema):
    """The personal goals created, and the goals people already had for the period."""

    created: list[int]
    already: list[int]


class StandardOut(Schema):
    """A department standard."""

    id: int
    department_id: int
    title: str
    title_en: str
    title_vi: str
    description: str
    metric: str
    unit: str
    currency: str
    comparison: str
    threshold: Decimal
    frequency: str
    owner_id: int
    is_active: bool
    version: int


class StandardIn(Schema):
    """Fields to define a standard (the owner defaults to the caller)."""

    department_id: PrimaryKey
    title_en: Title = ""
    title_vi: Title = ""
    description: str = Field("", max_length=5000)
    metric: Metric = Metric.PERCENT
    unit: str = Field("", max_length=30)
    currency: str = Field("VND", max_length=3)
    comparison: Standard.Comparison = Standard.Comparison.AT_LEAST
    threshold: Value
    frequency: Standard.Frequency = Standard.Frequency.WEEKLY
    owner_id: PrimaryKey | None = None


class StandardPatch(Schema):
    """Fields to change on a standard; `version` guards against overwriting."""

    title_en: Title | None = None
    title_vi: Title | None = None
    description: str | None = Field(None, max_length=5000)
    metric: Metric | None = None
    unit: str | None = Field(None, max_length=30)
    currency: str | None = Field(None, max_length=3)
    comparison: Standard.Comparison | None = None
    threshold: Value | None = None
    frequency: Standard.Frequency | None = None
    owner_id: PrimaryKey | None = None
    is_active: bool | None = None
    version: int | None = None


class StandardFilter(Schema):
    """Filters for the standard list."""

    department_id: PrimaryKey | None = None
    include_inactive: bool = False


class MeasurementOut(Schema):
    """A standard's value for one period."""

    id: int
    standard_id: int
    period_start: date
    value: Decimal
    breached: bool
    note: str
    recorded_by_id: int | None


class MeasurementIn(Schema):
    """A value for the period containing `day` (recording a period again corrects it)."""

    day: date
    value: Value
    note: str = Field("", max_length=500)
