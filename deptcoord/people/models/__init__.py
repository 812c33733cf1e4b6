"""The people app's records (the skill catalogue, org's, is named here too for people's code)."""

from deptcoord.org.models import HIGHEST_LEVEL, LEVELS, LOWEST_LEVEL, Skill, SkillCategory
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
    Assessment,
    PersonProfile,
    RoleProfile,
    RoleTarget,
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
