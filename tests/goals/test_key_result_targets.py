"""A key result's target must be reachable from its start in its direction: a decrease that
goes below zero from a start of zero or more is refused, in forms and in the API, in the
user's language, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from deptcoord.audit.models import AuditEntry
from deptcoord.goals import messages, services
from deptcoord.goals.models import GoalTemplate, KeyResult
from tests.factories import client_for
from tests.goals.helpers import actor

LANGUAGES = ["en", "vi"]


def speaking(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return client_for(person)


def in_language(language, message) -> str:
    with translation.override(language):
        return str(message)


def _saved():
    return KeyResult.objects.count(), AuditEntry.objects.exclude(kind="security").count()


@pytest.mark.parametrize(("start", "target"), [(5, -3), (0, -1), ("12.5", "-0.01")])
def test_a_decrease_below_zero_from_a_start_at_or_above_zero_is_refused(
    world, goals, start, target
):
    before = _saved()
    with pytest.raises(ValidationError) as raised:
        services.key_result_create(
            actor=actor(world.head),
            goal=goals.marketing,
            owner=world.member,
            title_en="Complaints",
            start_value=start,
            target_value=target,
            direction="decrease",
        )
    assert raised.value.message_dict == {"target_value": [str(messages.TARGET_BELOW_ZERO)]}
    assert _saved() == before


def test_a_figure_that_is_already_negative_may_aim_lower_or_higher(world, goals):
    loss = services.key_result_create(
        actor=actor(world.head),
        goal=goals.marketing,
        owner=world.member,
        title_en="Net result (million)",
        start_value=-50,
        target_value=20,
        direction="increase",
    )
    assert loss.target_value == 20
    deeper = services.key_result_create(
        actor=actor(world.head),
        goal=goals.marketing,
        owner=world.member,
        title_en="Temperature",
        start_value=-2,
        target_value=-18,
        direction="decrease",
    )
    assert deeper.target_value == -18
    zero = services.key_result_create(
        actor=actor(world.head),
        goal=goals.marketing,
        owner=world.member,
        title_en="Open defects",
        start_value=40,
        target_value=0,
        direction="decrease",
    )
    assert zero.target_value == 0


def test_changing_a_key_result_to_a_negative_target_is_refused(world, goals):
    with pytest.raises(ValidationError) as raised:
        services.key_result_update(
            actor=actor(world.head),
            key_result_id=goals.reach.pk,
            expected_version=goals.reach.version,
            start_value=100,
            target_value=-10,
            direction="decrease",
        )
    assert "target_value" in raised.value.message_dict
    goals.reach.refresh_from_db()
    assert (goals.reach.start_value, goals.reach.target_value) == (0, 100)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_says_so_on_the_target_in_the_users_language(world, goals, language):
    client = speaking(world.head, language)
    before = _saved()
    response = client.post(
        reverse("goals:key_result_create", kwargs={"pk": goals.marketing.pk}),
        {
            "title_en": "Complaints",
            "metric": "number",
            "start_value": "5",
            "target_value": "-3",
            "direction": "decrease",
            "owner": world.member.pk,
            "weight": "1",
        },
    )
    assert response.status_code == 200
    expected = in_language(language, messages.TARGET_BELOW_ZERO)
    assert response.context["form"].errors["target_value"] == [expected]
    assert expected in response.content.decode()
    assert _saved() == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_api_answers_422_on_the_target_in_the_users_language(world, goals, language):
    client = speaking(world.head, language)
    before = _saved()
    response = client.post(
        "/api/v1/key-results",
        {
            "goal_id": goals.marketing.pk,
            "title_en": "Complaints",
            "metric": "number",
            "start_value": "5",
            "target_value": "-3",
            "direction": "decrease",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "target_value", "message": in_language(language, messages.TARGET_BELOW_ZERO)}
    ]
    assert _saved() == before


def test_a_template_key_result_is_held_to_the_same_rule(world):
    with pytest.raises(ValidationError) as raised:
        services.template_create(
            actor=actor(world.head),
            department=world.own,
            title_en="Support",
            key_results=[
                {
                    "title_en": "Open tickets",
                    "metric": "number",
                    "start_value": 10,
                    "target_value": -1,
                    "direction": "decrease",
                }
            ],
        )
    assert str(messages.TARGET_BELOW_ZERO) in raised.value.messages
    assert not GoalTemplate.objects.exists()
