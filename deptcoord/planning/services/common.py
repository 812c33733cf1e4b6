"""What the planner's services share: engine errors as translated sentences, summaries."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import get_language

from deptcoord.planning import messages
from deptcoord.planning.errors import NO_ELIGIBLE_PERSON, PlanningError


def label(labels: dict, key: str | None) -> str:
    """The name behind an engine id (a step, person or goal) in the viewer's language."""
    if key is None:
        return ""
    language = "vi" if (get_language() or "en").startswith("vi") else "en"
    for group in ("steps", "people", "goals", "skills"):
        found = labels.get(group, {}).get(key)
        if found:
            return found.get(language) or found.get("en") or key
    return key


def refusal(error: PlanningError, labels: dict) -> ValidationError:
    """The engine's refusal as a translated sentence naming the step, person or goal."""
    template = messages.ENGINE_ERRORS.get(error.code)
    if template is None:
        return ValidationError({NON_FIELD_ERRORS: [str(error)]})
    params = {
        "subject": label(labels, error.subject_id),
        "related": " → ".join(label(labels, key) for key in error.related_ids),
    }
    step = labels.get("steps", {}).get(error.subject_id) or {}
    if error.code == NO_ELIGIBLE_PERSON and step.get("skill"):
        template = messages.NO_ELIGIBLE_WITH_SKILL
        params.update(skill=label(labels, step["skill"]), level=step.get("level", 0))
    return ValidationError({NON_FIELD_ERRORS: [template % params]})


def summary(score, goals=None) -> dict:
    """A plan's score as the progress bar shows it."""
    found = {
        "missed_weight": score.missed_weight,
        "weighted_lateness": score.weighted_lateness,
        "steps_left_out": score.steps_left_out,
        "finish_day": score.finish_day,
    }
    if goals is not None:
        found["goals_achievable"] = sum(1 for verdict in goals if verdict.achievable)
        found["goals_total"] = len(goals)
    return found
