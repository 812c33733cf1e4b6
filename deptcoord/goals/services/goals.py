"""Creating, changing and deleting goals."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.goals import messages
from deptcoord.goals.models import Goal
from deptcoord.goals.rollup import FIGURE_FIELDS
from deptcoord.goals.services.common import record_created, record_deleted, save_with_audit
from deptcoord.goals.services.goal_checks import GOAL_FIELDS, check_goal
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.rollup import rollup_refresh
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.search.indexing import index_record, unindex_record


@transaction.atomic
def goal_create(
    *,
    actor: Actor,
    level: str,
    owner,
    period_start,
    period_end,
    title_en: str = "",
    title_vi: str = "",
    department=None,
    parent: Goal | None = None,
    description: str = "",
    category: str = Goal.Category.OTHER,
    kind: str = Goal.Kind.OKR,
    commitment: str = Goal.Commitment.COMMITTED,
    priority: int = Goal.Priority.MEDIUM,
    status: str = Goal.Status.ACTIVE,
    weight: Decimal | int = 1,
    private: bool = False,
    template=None,
) -> Goal:
    """Create a goal at a level, aligned under ``parent``; the actor must be allowed to run it."""
    data = {name: value for name, value in locals().items() if name in GOAL_FIELDS}
    # Refuse first, on the goal as asked for; only then say what is wrong with it.
    authorize(actor, Action.CHANGE, Goal(level=level, department=department, owner=owner))
    goal = Goal(**check_goal(actor, data), template=template)
    goal.save()
    record_created(actor, goal, GOAL_FIELDS, "goals.goal.create", goal.department_id)
    index_record(goal)
    rollup_refresh(goal_ids=[goal.pk])
    recheck_reach(actor, goal, Action.CHANGE)
    return goal


@transaction.atomic
def goal_update(*, actor: Actor, goal_id: int, expected_version: int | None, **changes) -> Goal:
    """Change a goal's fields: titles, level, department, owner, alignment, period, status…"""
    goal = lock(Goal, goal_id)
    authorize(actor, Action.CHANGE, goal)
    check_version(goal, expected_version)
    unknown = set(changes) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown goal fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(goal, field)) for field in GOAL_FIELDS}
    cleaned = check_goal(actor, data, instance=goal)
    before = snapshot(goal, GOAL_FIELDS)
    old_parent_id = goal.parent_id
    for field, value in cleaned.items():
        setattr(goal, field, value)
    changed = save_with_audit(
        actor, goal, before, GOAL_FIELDS, "goals.goal.update", goal.department_id
    )
    if {"period_start", "period_end"} & set(changed):
        outlook_refresh(key_results=list(goal.key_results.all()))
    if changed:
        rollup_refresh(goal_ids=[goal.pk, old_parent_id])
        for indexed in [goal, *goal.key_results.all()]:
            index_record(indexed)
        goal.refresh_from_db(fields=FIGURE_FIELDS)
    recheck_reach(actor, goal, Action.CHANGE)
    return goal


@transaction.atomic
def goal_delete(*, actor: Actor, goal_id: int, expected_version: int | None = None) -> None:
    """Delete a draft goal with its key results (an active goal is cancelled instead)."""
    goal = lock(Goal, goal_id)
    authorize(actor, Action.DELETE, goal)
    check_version(goal, expected_version)
    if goal.status != Goal.Status.DRAFT:
        raise ValidationError({"status": [messages.ONLY_DRAFTS_DELETED]})
    if goal.children.exists():
        raise ValidationError({"parent": [messages.HAS_CONTRIBUTING_GOALS]})
    record_deleted(actor, goal, GOAL_FIELDS, "goals.goal.delete", goal.department_id)
    for indexed in [goal, *goal.key_results.all()]:
        unindex_record(indexed)
    goal.delete()
    rollup_refresh(goal_ids=[goal.parent_id])
