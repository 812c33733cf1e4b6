"""The people app's records."""

from deptcoord.people.models.development import DevelopmentAction, DevelopmentPlan
from deptcoord.people.models.feedback import (
    ConfidentialRead,
    Feedback,
    FeedbackAnnotation,
    FeedbackLevel,
)
from deptcoord.people.models.one_on_ones import (
    OneOnOne,
    OneOnOneActionItem,
    PrivateNote,
    TalkingPoint,
)
from deptcoord.people.models.skills import (
    HIGHEST_LEVEL,
    LEVELS,
    LOWEST_LEVEL,
    Assessment,
    PersonProfile,
    RoleProfile,
    RoleTarget,
    Skill,
    SkillCategory,
)

__all__ = [
    "HIGHEST_LEVEL",
    "LEVELS",
    "LOWEST_LEVEL",
    "Assessment",
    "ConfidentialRead",
    "DevelopmentAction",
    "DevelopmentPlan",
    "Feedback",
    "FeedbackAnnotation",
    "FeedbackLevel",
    "OneOnOne",
    "OneOnOneActionItem",
    "PersonProfile",
    "PrivateNote",
    "RoleProfile",
    "RoleTarget",
    "Skill",
    "SkillCategory",
    "TalkingPoint",
]
