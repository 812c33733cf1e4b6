"""What the people API reads and writes."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field

from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey

Name = Annotated[str, Field(max_length=150)]
Text = Annotated[str, Field(max_length=5000)]


class CategoryOut(Schema):
    """A category of the skills catalogue."""

    id: int
    name: str
    name_en: str
    name_vi: str
    position: int
    version: int


class CategoryIn(Schema):
    """A new category."""

    name_en: Name = ""
    name_vi: Name = ""
    position: int = Field(0, ge=0, le=999)


class SkillOut(Schema):
    """A skill of the catalogue."""

    id: int
    category_id: int
    name: str
    name_en: str
    name_vi: str
    description: str
    is_active: bool
    version: int


class SkillIn(Schema):
    """A new skill."""

    category_id: PrimaryKey
    name_en: Name = ""
    name_vi: Name = ""
    description: Text = ""


class SkillPatch(Schema):
    """Changes to a skill; `version` guards against overwriting."""

    name_en: Name | None = None
    name_vi: Name | None = None
    description: Text | None = None
    is_active: bool | None = None
    version: int | None = None


class TargetOut(Schema):
    """A role's target level in a skill."""

    skill_id: int
    level: int


class RoleProfileOut(Schema):
    """A role profile with its target levels."""

    id: int
    name: str
    name_en: str
    name_vi: str
    description: str
    targets: list[TargetOut]
    version: int

    @staticmethod
    def resolve_targets(obj):
        return [TargetOut(skill_id=t.skill_id, level=t.level) for t in obj.targets.all()]


class RoleProfileIn(Schema):
    """A new role profile."""

    name_en: Name = ""
    name_vi: Name = ""
    description: Text = ""


class TargetsIn(Schema):
    """The role's target levels (`level` null removes a target); `version` guards."""

    targets: list[TargetOut] = Field(..., max_length=500)
    version: int | None = None


class RoleAssignIn(Schema):
    """The role profile a person holds (null: none)."""

    role_profile_id: PrimaryKey | None = None


class AssessmentOut(Schema):
    """A dated level of a person in a skill."""

    id: int
    person_id: int
    skill_id: int
    level: int
    kind: str
    assessed_by_id: int | None
    day: date
    note: str


class AssessmentIn(Schema):
    """A new assessment (a level 0–5; out-of-range levels are refused with a message)."""

    person_id: PrimaryKey
    skill_id: PrimaryKey
    level: int = Field(..., ge=-1000, le=1000)
    day: date | None = None
    note: Annotated[str, Field(max_length=2000)] = ""


class LevelRow(Schema):
    """A skill with the person's level and target."""

    skill_id: int
    skill: str
    level: int | None
    target: int | None
    gap: bool
    strength: bool


class SuggestionOut(Schema):
    """A colleague suggested to mentor in a gap."""

    skill_id: int
    mentor_id: int
    mentor_level: int
    same_department: bool
    free_hours: float


class PersonSkillsOut(Schema):
    """A person's skills against their role's targets, and mentoring suggestions."""

    person_id: int
    role_profile_id: int | None
    skills: list[LevelRow]
    suggestions: list[SuggestionOut]


class ActionOut(Schema):
    """A development action."""

    id: int
    plan_id: int
    kind: str
    title: str
    skill_id: int | None
    mentor_id: int | None
    step_id: int | None
    due: date
    done_on: date | None
    version: int


class PlanOut(Schema):
    """A development plan with its actions."""

    id: int
    person_id: int
    period_start: date
    period_end: date
    goal: str
    status: str
    actions: list[ActionOut]
    version: int

    @staticmethod
    def resolve_actions(obj):
        return list(obj.actions.all())


class PlanIn(Schema):
    """A new development plan."""

    person_id: PrimaryKey
    period_start: date
    period_end: date
    goal: Text
    status: str = "active"


class PlanPatch(Schema):
    """Changes to a plan."""

    period_start: date | None = None
    period_end: date | None = None
    goal: Text | None = None
    status: str | None = None
    version: int | None = None


class ActionIn(Schema):
    """A new development action."""

    kind: str
    title: Annotated[str, Field(max_length=200)]
    due: date
    mentor_id: PrimaryKey | None = None
    skill_id: PrimaryKey | None = None
    step_id: PrimaryKey | None = None


class ActionPatch(Schema):
    """Ticking an action off (or opening it again)."""

    done: bool


class LevelOut(Schema):
    """An escalation level for warnings."""

    id: int
    name: str
    name_en: str
    name_vi: str
    rank: int
    description: str
    is_active: bool
    version: int


class LevelIn(Schema):
    """A new escalation level."""

    name_en: Name = ""
    name_vi: Name = ""
    rank: int = Field(1, ge=1, le=99)
    description: Text = ""


class LevelPatch(Schema):
    """Changes to an escalation level."""

    name_en: Name | None = None
    name_vi: Name | None = None
    rank: int | None = Field(None, ge=1, le=99)
    description: Text | None = None
    is_active: bool | None = None
    version: int | None = None


class FeedbackSummary(Schema):
    """Feedback in a list: confidential texts are left out (read them one by one, recorded)."""

    id: int
    kind: str
    visibility: str
    subject_id: int
    author_id: int | None
    level_id: int | None
    acknowledged_at: datetime | None
    created_at: datetime
    body: str | None

    @staticmethod
    def resolve_body(obj):
        return None if obj.is_confidential else obj.body


class AnnotationOut(Schema):
    """An annotation on feedback."""

    id: int
    author_id: int | None
    body: str
    created_at: datetime


class FeedbackOut(Schema):
    """One piece of feedback with its annotations."""

    id: int
    kind: str
    visibility: str
    subject_id: int
    author_id: int | None
    level_id: int | None
    body: str
    reason: str
    acknowledged_at: datetime | None
    created_at: datetime
    annotations: list[AnnotationOut]
    version: int

    @staticmethod
    def resolve_annotations(obj):
        return list(obj.annotations.all())


class FeedbackIn(Schema):
    """New feedback: praise (public or private), advice or a warning (with level and reason)."""

    subject_id: PrimaryKey
    kind: str
    body: Text
    visibility: str = "private"
    level_id: PrimaryKey | None = None
    reason: Text = ""


class FeedbackPatch(Schema):
    """Corrections to feedback (refused once a warning is acknowledged)."""

    visibility: str | None = None
    body: Text | None = None
    level_id: PrimaryKey | None = None
    reason: Text | None = None
    version: int | None = None


class TextIn(Schema):
    """A text: an annotation, a talking point, a private note."""

    body: Text


class FeedbackReadOut(Schema):
    """One recorded read of a confidential record."""

    reader_id: int | None
    via: str
    read_at: datetime


class FeedbackFilter(Schema):
    """Narrowing the feedback list."""

    kind: str = ""
    person_id: PrimaryKey | None = None
    direction: str = ""


class TalkingPointOut(Schema):
    """A talking point."""

    id: int
    author_id: int | None
    text: str
    is_covered: bool


class OneOnOneActionItemOut(Schema):
    """An action item of a 1:1."""

    id: int
    owner_id: int
    text: str
    due: date | None
    is_done: bool


class OneOnOneOut(Schema):
    """A 1:1 with its talking points and action items."""

    id: int
    coordinator_id: int
    member_id: int
    scheduled_at: datetime
    status: str
    talking_points: list[TalkingPointOut]
    action_items: list[OneOnOneActionItemOut]
    version: int

    @staticmethod
    def resolve_talking_points(obj):
        return list(obj.talking_points.all())

    @staticmethod
    def resolve_action_items(obj):
        return list(obj.action_items.all())


class OneOnOneIn(Schema):
    """A new 1:1 with a member (the caller is the coordinator)."""

    member_id: PrimaryKey
    scheduled_at: datetime


class OneOnOnePatch(Schema):
    """Rescheduling a 1:1 or recording that it was held."""

    scheduled_at: datetime | None = None
    status: str | None = None
    version: int | None = None


class OneOnOneActionItemIn(Schema):
    """A new action item."""

    text: Annotated[str, Field(max_length=300)]
    owner_id: PrimaryKey
    due: date | None = None


class PrivateNoteOut(Schema):
    """A private note (only its author ever gets it)."""

    id: int
    body: str
    created_at: datetime
