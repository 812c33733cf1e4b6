"""Template filters of the planner."""

from datetime import date, timedelta

from django import template

from deptcoord.planning.services.common import label

register = template.Library()


@register.filter
def change_view(change: dict, run) -> dict:
    """A what-if's change as the suggestion template shows it (names and dates)."""
    if not change:
        return {}
    labels = run.problem.get("labels", {})
    deadline = change.get("new_deadline_day")
    return {
        "kind": change.get("kind"),
        "goal": label(labels, change.get("goal_id")),
        "people": [label(labels, p) for p in change.get("person_ids") or ()],
        "hours": change.get("extra_hours_per_week"),
        "deadline": run.start + timedelta(days=deadline) if deadline is not None else None,
        "postponed": label(labels, change.get("postponed_goal_id")),
    }


@register.filter
def iso_day(value: str) -> date | None:
    """A day written as 2026-12-14 (as the timeline's chart data has it), for the date filter;
    None when it is not one."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
