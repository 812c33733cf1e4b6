"""Checks on a goal's fields; each failure names the field and says what to do."""

from deptcoord.access import Action, can
from deptcoord.core.actor import Actor
from deptcoord.goals import messages
from deptcoord.goals.models import Goal
from deptcoord.goals.services.rollup import chain_up
from deptcoord.goals.validation import (
    add,
    check_choice,
    check_period,
    check_titles,
    check_weight,
    raise_if,
    short_date,
)
from deptcoord.org.models import Membership

GOAL_FIELDS = [
    "title_en",
    "title_vi",
    "description",
    "level",
    "category",
    "kind",
    "commitment",
    "department",
    "owner",
    "parent",
    "period_start",
    "period_end",
    "priority",
    "status",
    "weight",
    "private",
]
LEVEL_RANK = {
    Goal.Level.COMPANY: 0,
    Goal.Level.DEPARTMENT: 1,
    Goal.Level.TEAM: 2,
    Goal.Level.PERSON: 3,
}
CHOICES = {
    "level": Goal.Level.values,
    "category": Goal.Category.values,
    "kind": Goal.Kind.values,
    "commitment": Goal.Commitment.values,
    "status": Goal.Status.values,
}


def check_goal(actor: Actor, data: dict, instance: Goal | None = None) -> dict:
    """Validate every field of a goal; return the cleaned values (all of GOAL_FIELDS)."""
    errors: dict = {}
    cleaned = {field: data.get(field) for field in GOAL_FIELDS}
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned["description"] = (data.get("description") or "").strip()
    cleaned["private"] = data.get("private")
    if not isinstance(cleaned["private"], bool):
        add(errors, "private", messages.REQUIRED)
    for field, choices in CHOICES.items():
        cleaned[field] = check_choice(errors, field, data.get(field), choices)
    priority = check_choice(errors, "priority", data.get("priority"), Goal.Priority.values)
    cleaned["priority"] = int(priority) if priority.isdigit() else Goal.Priority.MEDIUM
    if cleaned["kind"] == Goal.Kind.KPI and cleaned["commitment"] == Goal.Commitment.ASPIRATIONAL:
        add(errors, "commitment", messages.KPI_ALWAYS_COMMITTED)
    _check_owner(errors, cleaned["owner"])
    if "level" not in errors:
        _check_department(errors, cleaned["level"], cleaned["department"], cleaned["owner"])
    check_period(errors, cleaned["period_start"], cleaned["period_end"])
    cleaned["weight"] = check_weight(errors, data.get("weight"))
    if cleaned["parent"] is not None and "level" not in errors:
        _check_parent(errors, actor, instance, cleaned["parent"], cleaned["level"])
    if instance is not None and "period_start" not in errors and "period_end" not in errors:
        _check_key_results_within(errors, instance, cleaned["period_start"], cleaned["period_end"])
    raise_if(errors)
    return cleaned


def _check_owner(errors: dict, owner) -> None:
    if owner is None:
        add(errors, "owner", messages.REQUIRED)
    elif not owner.is_active:
        add(errors, "owner", messages.OWNER_INACTIVE % {"name": owner})


def _check_department(errors: dict, level: str, department, owner) -> None:
    if level == Goal.Level.COMPANY:
        if department is not None:
            add(errors, "department", messages.COMPANY_HAS_NO_DEPARTMENT)
        return
    if department is None:
        add(errors, "department", messages.DEPARTMENT_REQUIRED)
        return
    if not department.is_active:
        add(errors, "department", messages.DEPARTMENT_INACTIVE)
    if level == Goal.Level.PERSON and owner is not None and not _belongs(owner, department):
        add(
            errors,
            "owner",
            messages.OWNER_NOT_IN_DEPARTMENT % {"name": owner, "department": department},
        )


def _belongs(person, department) -> bool:
    if person.primary_department_id == department.pk:
        return True
    return Membership.objects.filter(person=person, department=department).exists()


def _check_parent(errors: dict, actor: Actor, instance, parent: Goal, level: str) -> None:
    changed = instance is None or instance.parent_id != parent.pk
    if changed and actor.via != "system" and not can(actor.facts, Action.VIEW, parent):
        add(errors, "parent", messages.PARENT_NOT_VISIBLE)
        return
    if instance is not None and _is_within(parent, instance.pk):
        add(errors, "parent", messages.PARENT_CYCLE)
        return
    if LEVEL_RANK[Goal.Level(level)] < LEVEL_RANK[Goal.Level(parent.level)]:
        add(
            errors,
            "parent",
            messages.PARENT_LEVEL
            % {
                "level": Goal.Level(level).label.lower(),
                "parent_level": Goal.Level(parent.level).label.lower(),
            },
        )
    if changed and parent.status == Goal.Status.CANCELLED:
        add(errors, "parent", messages.PARENT_CANCELLED)


def _is_within(parent: Goal, goal_id: int) -> bool:
    """Whether ``parent`` is the goal itself or sits anywhere under it."""
    return goal_id in chain_up(parent.pk)


def _check_key_results_within(errors: dict, goal: Goal, start, end) -> None:
    for key_result in goal.key_results.exclude(start_date=None, due_date=None):
        first = key_result.start_date or start
        last = key_result.due_date or end
        if first < start or last > end:
            field = "period_start" if first < start else "period_end"
            add(
                errors,
                field,
                messages.KEY_RESULTS_OUTSIDE_PERIOD
                % {"title": key_result.title, "start": short_date(first), "end": short_date(last)},
            )
            return
