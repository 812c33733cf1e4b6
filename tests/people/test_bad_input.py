"""Bad input gets a clear message and changes nothing: not the records, not the audit trail."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.people import messages, services
from deptcoord.people.models import (
    Assessment,
    DevelopmentAction,
    Feedback,
    Skill,
)
from deptcoord.people.services.common import short_date
from tests.people.helpers import actor, days, plan, warning


def state():
    """What a refused write must leave untouched."""
    return (
        AuditEntry.objects.exclude(kind="security").count(),
        Assessment.objects.count(),
        Feedback.objects.values_list("pk", "body", "reason", "version").order_by("pk").first(),
        DevelopmentAction.objects.count(),
    )


def refused(call, field, message):
    before = state()
    with pytest.raises(ValidationError) as raised:
        call()
    assert str(message) in raised.value.message_dict[field]
    assert state() == before


@pytest.mark.parametrize("level", [6, -1, "3.5", "high", None])
def test_a_level_outside_0_to_5_is_refused(world, catalogue, level):
    refused(
        lambda: services.assessment_create(
            actor=actor(world.coordinator), person=world.member, skill=catalogue.seo, level=level
        ),
        "level",
        messages.LEVEL_OUT_OF_RANGE % {"value": "" if level is None else level},
    )


def test_a_skill_not_in_the_catalogue_is_refused(world, catalogue):
    retired = Skill.objects.create(category=catalogue.seo.category, name_en="Fax", is_active=False)
    for skill in (retired, 999_999):
        refused(
            lambda skill=skill: services.assessment_create(
                actor=actor(world.coordinator), person=world.member, skill=skill, level=3
            ),
            "skill",
            messages.SKILL_NOT_IN_CATALOGUE,
        )


def test_a_warning_without_a_reason_is_refused(world, catalogue):
    refused(
        lambda: warning(world.member, world.coordinator, catalogue.written, reason="  "),
        "reason",
        messages.WARNING_REASON_REQUIRED,
    )


def test_a_plan_action_due_before_the_plan_starts_is_refused(world, catalogue):
    development = plan(world.member, world.coordinator, start=0)
    refused(
        lambda: services.action_add(
            actor=actor(world.coordinator),
            plan_id=development.pk,
            kind="training",
            title="Course",
            due=days(-1),
        ),
        "due",
        messages.ACTION_BEFORE_PLAN % {"due": short_date(days(-1)), "start": short_date(days(0))},
    )


def test_an_acknowledged_warning_cannot_be_edited(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    services.feedback_acknowledge(actor=actor(world.member), feedback_id=given.pk)
    given.refresh_from_db()
    day = short_date(timezone.localtime(given.acknowledged_at).date())
    refused(
        lambda: services.feedback_update(
            actor=actor(world.coordinator), feedback_id=given.pk, body="Softer words"
        ),
        "body",
        messages.ACKNOWLEDGED_IS_FINAL % {"day": day},
    )
    services.feedback_annotate(
        actor=actor(world.coordinator), feedback_id=given.pk, body="Follow-up"
    )
    assert given.annotations.count() == 1


def test_a_mentor_who_is_the_person_is_refused(world, catalogue):
    development = plan(world.member, world.coordinator)
    refused(
        lambda: services.action_add(
            actor=actor(world.coordinator),
            plan_id=development.pk,
            kind="mentoring",
            title="Mentoring",
            mentor=world.member,
            due=days(30),
        ),
        "mentor",
        messages.MENTOR_IS_PERSON,
    )


def test_advice_cannot_be_public_and_praise_needs_no_level(world, catalogue):
    refused(
        lambda: services.feedback_give(
            actor=actor(world.coordinator),
            subject=world.member,
            kind="advice",
            visibility="public",
            body="Try pairing",
        ),
        "visibility",
        messages.PUBLIC_ONLY_FOR_PRAISE,
    )
    refused(
        lambda: services.feedback_give(
            actor=actor(world.peer),
            subject=world.member,
            kind="praise",
            body="Thanks",
            level=catalogue.written,
        ),
        "level",
        messages.LEVEL_ONLY_FOR_WARNINGS,
    )


def test_a_warning_twice_acknowledged_is_refused(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    services.feedback_acknowledge(actor=actor(world.member), feedback_id=given.pk)
    with pytest.raises(ValidationError):
        services.feedback_acknowledge(actor=actor(world.member), feedback_id=given.pk)


def test_the_api_answers_bad_input_with_422_and_the_message(world, catalogue):
    from tests.factories import client_for

    response = client_for(world.coordinator).post(
        "/api/v1/assessments",
        {"person_id": world.member.pk, "skill_id": catalogue.seo.pk, "level": 7},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "level", "message": str(messages.LEVEL_OUT_OF_RANGE % {"value": 7})}
    ]
    assert not Assessment.objects.exists()


def test_a_stretch_assignment_links_to_one_of_the_persons_steps(world, catalogue):
    from deptcoord.core.actor import SYSTEM
    from deptcoord.work.services import step_create

    development = plan(world.member, world.coordinator)
    theirs = step_create(
        actor=SYSTEM,
        department=world.own,
        title_en="Launch-week ads report",
        assignee=world.member,
    )
    someone_elses = step_create(
        actor=SYSTEM, department=world.own, title_en="Press kit", assignee=world.peer
    )
    refused(
        lambda: services.action_add(
            actor=actor(world.coordinator),
            plan_id=development.pk,
            kind="training",
            title="Ads report",
            step=theirs,
            due=days(30),
        ),
        "step",
        messages.STEP_ONLY_FOR_STRETCH,
    )
    refused(
        lambda: services.action_add(
            actor=actor(world.coordinator),
            plan_id=development.pk,
            kind="stretch",
            title="Press kit",
            step=someone_elses,
            due=days(30),
        ),
        "step",
        messages.STEP_NOT_THEIRS % {"name": "Member"},
    )
    action = services.action_add(
        actor=actor(world.coordinator),
        plan_id=development.pk,
        kind="stretch",
        title="Own the ads report",
        step=theirs,
        due=days(30),
    )
    assert action.step == theirs


def test_feedback_to_oneself_is_refused_with_a_message(world, catalogue):
    refused(
        lambda: services.feedback_give(
            actor=actor(world.coordinator), subject=world.coordinator, kind="praise", body="Me!"
        ),
        "subject",
        messages.FEEDBACK_TO_SELF,
    )
