"""Keeping the skills catalogue, role profiles with target levels, escalation levels, and the
role profile each person holds."""

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.people import messages
from deptcoord.people.models import (
    FeedbackLevel,
    PersonProfile,
    RoleProfile,
    RoleTarget,
    Skill,
    SkillCategory,
)
from deptcoord.people.services.common import (
    add,
    check_level,
    check_names,
    check_text,
    raise_if,
    record_created,
    save_with_audit,
)

CATEGORY_FIELDS = ["name_en", "name_vi", "position"]
SKILL_FIELDS = ["category", "name_en", "name_vi", "description", "is_active"]
ROLE_FIELDS = ["name_en", "name_vi", "description"]
LEVEL_FIELDS = ["name_en", "name_vi", "rank", "description", "is_active"]


def _named(data: dict, limit: int = 120) -> dict:
    errors: dict = {}
    data["name_en"], data["name_vi"] = check_names(
        errors, data.get("name_en"), data.get("name_vi"), limit
    )
    if "description" in data:
        data["description"] = check_text(errors, "description", data.get("description"))
    raise_if(errors)
    return data


def _create(actor: Actor, model, fields: list[str], data: dict, action: str):
    authorize(actor, Action.CHANGE, model())
    obj = model.objects.create(**_named(data))
    record_created(actor, obj, fields, action)
    return obj


def _update(actor: Actor, model, pk, expected_version, fields, changes: dict, action: str):
    obj = lock(model, pk)
    authorize(actor, Action.CHANGE, obj)
    check_version(obj, expected_version)
    unknown = set(changes) - set(fields)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    data = _named({field: changes.get(field, getattr(obj, field)) for field in fields})
    before = snapshot(obj, fields)
    for field, value in data.items():
        setattr(obj, field, value)
    save_with_audit(actor, obj, before, fields, action)
    return obj


@transaction.atomic
def skill_category_create(*, actor: Actor, name_en="", name_vi="", position=0) -> SkillCategory:
    """Add a category to the skills catalogue."""
    data = {"name_en": name_en, "name_vi": name_vi, "position": position}
    return _create(actor, SkillCategory, CATEGORY_FIELDS, data, "people.skill_category.create")


@transaction.atomic
def skill_category_update(*, actor: Actor, category_id, expected_version=None, **changes):
    """Rename or reorder a category."""
    return _update(
        actor,
        SkillCategory,
        category_id,
        expected_version,
        CATEGORY_FIELDS,
        changes,
        "people.skill_category.update",
    )


@transaction.atomic
def skill_create(
    *, actor: Actor, category: SkillCategory, name_en="", name_vi="", description=""
) -> Skill:
    """Add a skill to a category of the catalogue."""
    data = {"category": category, "name_en": name_en, "name_vi": name_vi}
    data["description"] = description
    return _create(actor, Skill, SKILL_FIELDS, data, "people.skill.create")


@transaction.atomic
def skill_update(*, actor: Actor, skill_id, expected_version=None, **changes) -> Skill:
    """Rename, move, describe or deactivate a skill (its assessments are kept)."""
    return _update(
        actor, Skill, skill_id, expected_version, SKILL_FIELDS, changes, "people.skill.update"
    )


@transaction.atomic
def role_profile_create(*, actor: Actor, name_en="", name_vi="", description="") -> RoleProfile:
    """Add a role profile (its target levels are set with ``role_targets_set``)."""
    data = {"name_en": name_en, "name_vi": name_vi, "description": description}
    authorize(actor, Action.CHANGE, RoleProfile())
    profile = RoleProfile.objects.create(**_named(data, 150))
    record_created(actor, profile, ROLE_FIELDS, "people.role_profile.create")
    return profile


@transaction.atomic
def role_profile_update(*, actor: Actor, role_profile_id, expected_version=None, **changes):
    """Rename or describe a role profile."""
    return _update(
        actor,
        RoleProfile,
        role_profile_id,
        expected_version,
        ROLE_FIELDS,
        changes,
        "people.role_profile.update",
    )


@transaction.atomic
def role_targets_set(
    *, actor: Actor, role_profile_id, targets: dict, expected_version=None
) -> RoleProfile:
    """Set the role's target level per skill (``{skill_id: level}``; None removes a target)."""
    profile = lock(RoleProfile, role_profile_id)
    authorize(actor, Action.CHANGE, profile)
    check_version(profile, expected_version)
    errors: dict = {}
    skills = Skill.objects.in_bulk([int(pk) for pk in targets])
    cleaned: dict[int, int | None] = {}
    for skill_id, raw in targets.items():
        skill = skills.get(int(skill_id))
        field = f"skill_{skill_id}"
        if skill is None:
            add(errors, field, messages.SKILL_NOT_IN_CATALOGUE)
        elif raw is None or str(raw).strip() == "":
            cleaned[skill.pk] = None
        else:
            cleaned[skill.pk] = check_level(errors, field, raw)
    raise_if(errors)
    current = dict(profile.targets.values_list("skill_id", "level"))
    wanted = {pk: level for pk, level in cleaned.items() if level is not None}
    removed = [pk for pk, level in cleaned.items() if level is None and pk in current]
    changes = {}
    for pk in removed:
        changes[str(skills[pk])] = [current[pk], None]
    profile.targets.filter(skill_id__in=removed).delete()
    for pk, level in wanted.items():
        if current.get(pk) != level:
            RoleTarget.objects.update_or_create(
                role_profile=profile, skill_id=pk, defaults={"level": level}
            )
            changes[str(skills[pk])] = [current.get(pk), level]
    if changes:
        profile.version += 1
        profile.save(update_fields=["version"])
        audit_record(
            actor=actor,
            kind="update",
            action="people.role_profile.targets",
            target=profile,
            changes=changes,
        )
    return profile


@transaction.atomic
def feedback_level_create(
    *, actor: Actor, name_en="", name_vi="", rank=1, description=""
) -> FeedbackLevel:
    """Add a step to the company's warning escalation ladder."""
    data = {"name_en": name_en, "name_vi": name_vi, "rank": rank, "description": description}
    return _create(actor, FeedbackLevel, LEVEL_FIELDS, data, "people.feedback_level.create")


@transaction.atomic
def feedback_level_update(*, actor: Actor, level_id, expected_version=None, **changes):
    """Rename, reorder or retire an escalation level (warnings keep theirs)."""
    return _update(
        actor,
        FeedbackLevel,
        level_id,
        expected_version,
        LEVEL_FIELDS,
        changes,
        "people.feedback_level.update",
    )


@transaction.atomic
def person_profile_set(*, actor: Actor, person, role_profile: RoleProfile | None) -> PersonProfile:
    """Give a person a role profile (their skill targets), or take it away with None."""
    authorize(actor, Action.CHANGE, PersonProfile(person=person))
    profile, created = PersonProfile.objects.select_for_update().get_or_create(person=person)
    before = snapshot(profile, ["role_profile"])
    profile.role_profile = role_profile
    if created:
        record_created(
            actor,
            profile,
            ["person", "role_profile"],
            "people.person_profile.create",
            person.primary_department_id,
        )
    else:
        save_with_audit(
            actor,
            profile,
            before,
            ["role_profile"],
            "people.person_profile.update",
            person.primary_department_id,
        )
    profile.save()
    return profile
