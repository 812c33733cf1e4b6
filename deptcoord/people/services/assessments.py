"""Assessing people's skills: by themselves or by those who run their department."""

from datetime import date

from django.db import transaction

from deptcoord.access import Action
from deptcoord.core.actor import Actor, authorize
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.people import messages
from deptcoord.people.models import Assessment, Skill
from deptcoord.people.services.common import (
    add,
    check_level,
    check_text,
    raise_if,
    record_created,
    today,
)

ASSESSMENT_FIELDS = ["person", "skill", "level", "kind", "assessed_by", "day", "note"]


def _skill(errors: dict, skill) -> Skill | None:
    pk = getattr(skill, "pk", skill)
    found = Skill.objects.filter(pk=pk, is_active=True).first() if str(pk).isdigit() else None
    if found is None:
        add(errors, "skill", messages.SKILL_NOT_IN_CATALOGUE)
    return found


@transaction.atomic
def assessment_create(
    *, actor: Actor, person, skill, level, day: date | None = None, note: str = ""
) -> Assessment:
    """Record a person's level in a skill on a day (today by default). Assessing oneself makes a
    self-assessment; anyone else who may assess (the department's coordinator or head, an
    admin) makes a coordinator assessment."""
    authorize(actor, Action.ASSESS, Assessment(person=person))
    errors: dict = {}
    found = _skill(errors, skill)
    cleaned_level = check_level(errors, "level", level)
    text = check_text(errors, "note", note, limit=2000)
    day = day or today()
    if day > today():
        add(errors, "day", messages.ASSESSED_IN_FUTURE)
    raise_if(errors)
    kind = Assessment.Kind.SELF if actor.person_id == person.pk else Assessment.Kind.COORDINATOR
    assessment = Assessment.objects.create(
        person=person,
        skill=found,
        level=cleaned_level,
        kind=kind,
        assessed_by=actor.person,
        day=day,
        note=text,
    )
    record_created(
        actor,
        assessment,
        ASSESSMENT_FIELDS,
        "people.assessment.create",
        person.primary_department_id,
    )
    recheck_reach(actor, assessment)
    return assessment
