"""Goals, key results, check-ins, templates, standards and measurements: data only."""

from deptcoord.goals.models.choices import CONFIDENCE_RANK, Confidence, Direction, Metric
from deptcoord.goals.models.goals import CheckIn, Goal, KeyResult
from deptcoord.goals.models.standards import Measurement, Standard
from deptcoord.goals.models.templates import GoalTemplate, TemplateKeyResult

__all__ = [
    "CONFIDENCE_RANK",
    "CheckIn",
    "Confidence",
    "Direction",
    "Goal",
    "GoalTemplate",
    "KeyResult",
    "Measurement",
    "Metric",
    "Standard",
    "TemplateKeyResult",
]
