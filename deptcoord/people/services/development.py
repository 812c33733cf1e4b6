"""Development plans and their actions: writing them, ticking actions off."""

from datetime import date

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org.models import Person
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.people import messages
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan, Skill
from deptcoord.people.services.common import (
    add,
    check_choice,
    check_text,
    raise_if,
    record_created,
    save_with_audit,
    short_date,
    today,
)

PLAN_FIELDS = ["period_start", "period_end", "goal", "status"]
ACTION_FIELDS = ["kind", "title", "skill", "mentor", "step", "due", "done_on"]


def _check_plan(data: dict) -> dict:
    errors: dict = {}
    data["goal"] = check_text(errors, "goal", data.get("goal"), messages.REQUIRED)
    data["status"] = check_choice(errors, "status", data.get("status"), DevelopmentPlan.Status)
    start, end = data.get("period_start"), data.get("period_end")
    if not start:
        add(errors, "period_start", messages.REQUIRED)
    if not end:
        add(errors, "period_end", messages.REQUIRED)
    if start and end and end < start:
        add(errors, "period_end", messages.PERIOD_ORDER)
    raise_if(errors)
    return data


@transaction.atomic
def plan_create(
    *,
    actor: Actor,
    person: Person,
    period_start: date,
    period_end: date,
    goal: str,
    status: str = DevelopmentPlan.Status.ACTIVE,
) -> DevelopmentPlan:
    """Write a development plan for a person and a period."""
    authorize(actor, Action.CHANGE, DevelopmentPlan(person=person))
    data = _check_plan(
        {"period_start": period_start, "period_end": period_end, "goal": goal, "status": status}
    )
    plan = DevelopmentPlan.objects.create(person=person, created_by=actor.person, **data)
    record_created(
        actor, plan, ["person", *PLAN_FIELDS], "people.plan.create", person.primary_department_id
    )
    recheck_reach(actor, plan, Action.CHANGE)
    return plan


@transaction.atomic
def plan_update(*, actor: Actor, plan_id: int, expected_version=None, **changes):
    """Change a plan's period, goal or status."""
    plan = lock(DevelopmentPlan, plan_id)
    authorize(actor, Action.CHANGE, plan)
    check_version(plan, expected_version)
    data = _check_plan({field: changes.get(field, getattr(plan, field)) for field in PLAN_FIELDS})
    errors: dict = {}
    for action in plan.actions.all():
        _check_due(
            errors,
            plan_start=data["period_start"],
            plan_end=data["period_end"],
            due=action.due,
            field="period_start",
        )
    raise_if(errors)
    before = snapshot(plan, PLAN_FIELDS)
    for field, value in data.items():
        setattr(plan, field, value)
    save_with_audit(
        actor, plan, before, PLAN_FIELDS, "people.plan.update", plan.person.primary_department_id
    )
    return plan


def _check_due(errors: dict, *, plan_start, plan_end, due, field: str = "due") -> None:
    if due and due < plan_start:
        add(
            errors,
            field,
            messages.ACTION_BEFORE_PLAN % {"due": short_date(due), "start": short_date(plan_start)},
        )
    elif due and due > plan_end:
        add(
            errors,
            field,
            messages.ACTION_AFTER_PLAN % {"due": short_date(due), "end": short_date(plan_end)},
        )


def _check_action(plan: DevelopmentPlan, data: dict) -> dict:
    errors: dict = {}
    data["kind"] = check_choice(errors, "kind", data.get("kind"), DevelopmentAction.Kind)
    data["title"] = check_text(errors, "title", data.get("title"), messages.REQUIRED, limit=200)
    if not data.get("due"):
        add(errors, "due", messages.REQUIRED)
    else:
        _check_due(errors, plan_start=plan.period_start, plan_end=plan.period_end, due=data["due"])
    mentor = data.get("mentor")
    if data["kind"] == DevelopmentAction.Kind.MENTORING and mentor is None:
        add(errors, "mentor", messages.MENTOR_REQUIRED)
    if mentor is not None:
        if mentor.pk == plan.person_id:
            add(errors, "mentor", messages.MENTOR_IS_PERSON)
        elif not mentor.is_active:
            add(errors, "mentor", messages.MENTOR_INACTIVE % {"name": mentor.full_name})
    step = data.get("step")
    if step is not None and data["kind"] != DevelopmentAction.Kind.STRETCH:
        add(errors, "step", messages.STEP_ONLY_FOR_STRETCH)
    elif step is not None and step.assignee_id != plan.person_id:
        add(errors, "step", messages.STEP_NOT_THEIRS % {"name": plan.person.full_name})
    skill = data.get("skill")
    if skill is not None and not Skill.objects.filter(pk=skill.pk, is_active=True).exists():
        add(errors, "skill", messages.SKILL_NOT_IN_CATALOGUE)
    raise_if(errors)
    return data


@transaction.atomic
def action_add(
    *,
    actor: Actor,
    plan_id: int,
    kind: str,
    title: str,
    due: date,
    mentor: Person | None = None,
    skill: Skill | None = None,
    step=None,
) -> DevelopmentAction:
    """Add a training, mentoring (with a named mentor) or stretch assignment (linked to one of
    the person's steps) to a plan."""
    plan = lock(DevelopmentPlan, plan_id)
    authorize(actor, Action.CHANGE, plan)
    data = _check_action(
        plan,
        {"kind": kind, "title": title, "due": due, "mentor": mentor, "skill": skill, "step": step},
    )
    action = DevelopmentAction.objects.create(plan=plan, **data)
    plan.version += 1
    plan.save(update_fields=["version"])
    record_created(
        actor, action, ACTION_FIELDS, "people.plan_action.create", plan.person.primary_department_id
    )
    return action


@transaction.atomic
def action_update(*, actor: Actor, action_id: int, expected_version=None, **changes):
    """Change an action (its kind, title, mentor, skill or due date)."""
    action = lock(DevelopmentAction, action_id)
    authorize(actor, Action.CHANGE, action.plan)
    check_version(action, expected_version)
    editable = ["kind", "title", "skill", "mentor", "step", "due"]
    data = _check_action(
        action.plan, {field: changes.get(field, getattr(action, field)) for field in editable}
    )
    before = snapshot(action, ACTION_FIELDS)
    for field, value in data.items():
        setattr(action, field, value)
    save_with_audit(
        actor,
        action,
        before,
        ACTION_FIELDS,
        "people.plan_action.update",
        action.plan.person.primary_department_id,
    )
    return action


@transaction.atomic
def action_mark(
    *, actor: Actor, action_id: int, done: bool, expected_version: int | None = None
) -> DevelopmentAction:
    """Tick an action off (today) or open it again; the person and their coordinator may."""
    action = lock(DevelopmentAction, action_id)
    authorize(actor, Action.CHECK_IN, action.plan)
    check_version(action, expected_version)
    before = snapshot(action, ["done_on"])
    action.done_on = (action.done_on or today()) if done else None
    save_with_audit(
        actor,
        action,
        before,
        ["done_on"],
        "people.plan_action.mark",
        action.plan.person.primary_department_id,
    )
    recheck_reach(actor, action.plan)
    return action
