"""Goal templates: keeping them, and rolling them out as one personal goal per person."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.goals import messages
from deptcoord.goals.models import Goal, GoalTemplate, TemplateKeyResult
from deptcoord.goals.services.common import record_created, record_deleted, save_with_audit
from deptcoord.goals.services.goals import goal_create
from deptcoord.goals.services.key_results import key_result_create
from deptcoord.goals.validation import (
    add,
    check_choice,
    check_measure,
    check_period,
    check_titles,
    check_weight,
    raise_if,
)
from deptcoord.org.models import Department, Membership
from deptcoord.org.tree import department_and_teams

TEMPLATE_FIELDS = ["title_en", "title_vi", "description", "category", "kind"]
TEMPLATE_KEY_RESULT_FIELDS = [
    "title_en",
    "title_vi",
    "metric",
    "unit",
    "currency",
    "milestones",
    "start_value",
    "target_value",
    "direction",
    "weight",
]


def _check_fields(errors: dict, data: dict) -> dict:
    title_en, title_vi = check_titles(errors, data.get("title_en"), data.get("title_vi"))
    return {
        "title_en": title_en,
        "title_vi": title_vi,
        "description": (data.get("description") or "").strip(),
        "category": check_choice(errors, "category", data.get("category"), Goal.Category.values),
        "kind": check_choice(errors, "kind", data.get("kind"), Goal.Kind.values),
    }


def check_template_key_result(errors: dict, data: dict, prefix: str = "") -> dict:
    """A template's key result: titles, measure and weight (errors named ``prefix`` + field)."""
    own: dict = {}
    title_en, title_vi = check_titles(own, data.get("title_en"), data.get("title_vi"))
    cleaned = {"title_en": title_en, "title_vi": title_vi, **check_measure(own, data)}
    cleaned["weight"] = check_weight(own, data.get("weight"))
    for name, problems in own.items():
        errors.setdefault(prefix + name, []).extend(problems)
    return cleaned


@transaction.atomic
def template_create(
    *,
    actor: Actor,
    department: Department,
    key_results: list[dict],
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    category: str = Goal.Category.OTHER,
    kind: str = Goal.Kind.KPI,
) -> GoalTemplate:
    """Create a department's goal template with its key results."""
    authorize(actor, Action.CHANGE, GoalTemplate(department=department))
    errors: dict = {}
    data = {"title_en": title_en, "title_vi": title_vi, "description": description}
    cleaned = _check_fields(errors, {**data, "category": category, "kind": kind})
    if not key_results:
        add(errors, "key_results", messages.TEMPLATE_NEEDS_KEY_RESULT)
    rows = [
        check_template_key_result(errors, row, f"key_results.{index}.")
        for index, row in enumerate(key_results)
    ]
    raise_if(errors)
    template = GoalTemplate.objects.create(department=department, **cleaned)
    TemplateKeyResult.objects.bulk_create(
        TemplateKeyResult(template=template, **row) for row in rows
    )
    record_created(actor, template, TEMPLATE_FIELDS, "goals.template.create", department.pk)
    return template


@transaction.atomic
def template_update(
    *, actor: Actor, template_id: int, expected_version: int | None, **changes
) -> GoalTemplate:
    """Change a template's titles, description, category or kind."""
    template = lock(GoalTemplate, template_id)
    authorize(actor, Action.CHANGE, template)
    check_version(template, expected_version)
    unknown = set(changes) - set(TEMPLATE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown template fields: {sorted(unknown)}")
    errors: dict = {}
    data = {name: changes.get(name, getattr(template, name)) for name in TEMPLATE_FIELDS}
    cleaned = _check_fields(errors, data)
    raise_if(errors)
    before = snapshot(template, TEMPLATE_FIELDS)
    for name, value in cleaned.items():
        setattr(template, name, value)
    save_with_audit(
        actor, template, before, TEMPLATE_FIELDS, "goals.template.update", template.department_id
    )
    return template


@transaction.atomic
def template_delete(*, actor: Actor, template_id: int, expected_version: int | None = None) -> None:
    """Delete a template; the goals rolled out from it stay."""
    template = lock(GoalTemplate, template_id)
    authorize(actor, Action.DELETE, template)
    check_version(template, expected_version)
    record_deleted(
        actor, template, TEMPLATE_FIELDS, "goals.template.delete", template.department_id
    )
    template.delete()


@transaction.atomic
def template_key_result_add(*, actor: Actor, template_id: int, **fields) -> TemplateKeyResult:
    """Add a key result to a template (goals rolled out later get it)."""
    template = lock(GoalTemplate, template_id)
    authorize(actor, Action.CHANGE, template)
    unknown = set(fields) - set(TEMPLATE_KEY_RESULT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown template key-result fields: {sorted(unknown)}")
    errors: dict = {}
    row = check_template_key_result(errors, fields)
    raise_if(errors)
    key_result = TemplateKeyResult.objects.create(template=template, **row)
    _record_key_results(actor, template, [None, key_result.title])
    return key_result


@transaction.atomic
def template_key_result_remove(*, actor: Actor, template_key_result_id: int) -> None:
    """Remove a key result from a template (a template keeps at least one)."""
    key_result = TemplateKeyResult.objects.select_for_update().get(pk=template_key_result_id)
    template = lock(GoalTemplate, key_result.template_id)
    authorize(actor, Action.CHANGE, template)
    if template.key_results.count() <= 1:
        raise_if({"key_results": [messages.TEMPLATE_NEEDS_KEY_RESULT]})
    _record_key_results(actor, template, [key_result.title, None])
    key_result.delete()


def _record_key_results(actor: Actor, template: GoalTemplate, change: list) -> None:
    audit_record(
        actor=actor,
        kind="update",
        action="goals.template.key_results",
        target=template,
        changes={"key_result": change},
        department_id=template.department_id,
    )


@dataclass
class RollOut:
    """The personal goals a roll-out created, and the people who already had one."""

    created: list[Goal] = field(default_factory=list)
    already: list[Goal] = field(default_factory=list)


@transaction.atomic
def template_roll_out(
    *,
    actor: Actor,
    template_id: int,
    period_start,
    period_end,
    parent: Goal | None = None,
    department: Department | None = None,
    title_contains: str = "",
    status: str = Goal.Status.ACTIVE,
) -> RollOut:
    """Give each member of the department (and its teams) whose title matches a personal goal
    from the template for the period, aligned under ``parent``. Running it again for the same
    period skips the people who have theirs; running it for the next period copies the goals."""
    template = lock(GoalTemplate, template_id)
    authorize(actor, Action.ROLL_OUT, template)
    department = department or template.department
    errors: dict = {}
    check_period(errors, period_start, period_end)
    people = _members(department, (title_contains or "").strip())
    if not people:
        add(errors, "title_contains", messages.NOBODY_TO_ROLL_OUT % {"department": department})
    raise_if(errors)
    result = _roll_out(actor, template, people, parent, period_start, period_end, status)
    audit_record(
        actor=actor,
        kind="update",
        action="goals.template.roll_out",
        target=template,
        changes={
            "period": [None, f"{period_start}/{period_end}"],
            "goals": [None, len(result.created)],
        },
        department_id=template.department_id,
    )
    return result


def _roll_out(actor, template, people, parent, start, end, status) -> RollOut:
    """A personal goal for each person who has none from the template for the period."""
    result = RollOut()
    for person, home in people:
        existing = Goal.objects.filter(
            template=template, owner=person, period_start=start, period_end=end
        ).first()
        if existing is not None:
            result.already.append(existing)
        else:
            goal = _personal_goal(actor, template, person, home, parent, start, end, status)
            result.created.append(goal)
    return result


def _members(department: Department, title_contains: str) -> list[tuple]:
    """(person, department) for the active members of the department and its teams."""
    scope = department_and_teams(department.pk)
    memberships = Membership.objects.filter(
        department__in=scope, role=Membership.Role.MEMBER, person__is_active=True
    ).select_related("person", "department")
    if title_contains:
        memberships = memberships.filter(
            Q(person__title_en__icontains=title_contains)
            | Q(person__title_vi__icontains=title_contains)
        )
    chosen: dict[int, tuple] = {}
    for membership in memberships.order_by("person__full_name", "department__code"):
        chosen.setdefault(membership.person_id, (membership.person, membership.department))
    return list(chosen.values())


def _personal_goal(actor, template, person, home, parent, start, end, status) -> Goal:
    goal = goal_create(
        actor=actor,
        level=Goal.Level.PERSON,
        owner=person,
        department=home,
        parent=parent,
        period_start=start,
        period_end=end,
        title_en=template.title_en,
        title_vi=template.title_vi,
        description=template.description,
        category=template.category,
        kind=template.kind,
        status=status,
        template=template,
    )
    for row in template.key_results.all():
        values = {name: getattr(row, name) for name in TEMPLATE_KEY_RESULT_FIELDS}
        key_result_create(actor=actor, goal=goal, owner=person, **values)
    return goal
