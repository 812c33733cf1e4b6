"""Bad input gets a clear message naming the field, and nothing changes (the issue's cases)."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import SYSTEM
from deptcoord.goals import messages, services
from deptcoord.goals.models import CheckIn, Goal, KeyResult
from tests.factories import client_for
from tests.goals.helpers import actor, check_in, goal, period


@pytest.fixture
def unchanged(db):
    """Asserts, after the test, that no goal, key result, check-in or audit entry was added."""

    def counts():
        return [
            Goal.objects.count(),
            KeyResult.objects.count(),
            CheckIn.objects.count(),
            AuditEntry.objects.exclude(kind="security").count(),
        ]

    return counts


def refused(call, field, message):
    """Run a service call; it must be refused on ``field`` with ``message``."""
    with pytest.raises(ValidationError) as raised:
        call()
    assert str(message) in [str(text) for text in raised.value.message_dict[field]]


def test_target_equal_to_start(world, goals, unchanged):
    before = unchanged()
    refused(
        lambda: services.key_result_create(
            actor=SYSTEM,
            goal=goals.marketing,
            owner=world.member,
            title_en="Leads",
            start_value=50,
            target_value=50,
        ),
        "target_value",
        messages.TARGET_EQUALS_START,
    )
    assert unchanged() == before


def test_period_ending_before_it_starts(world, goals, unchanged):
    start, _end = period()
    before = unchanged()
    refused(
        lambda: goal(
            world.head,
            department=world.own,
            period_start=start,
            period_end=start - timedelta(days=1),
        ),
        "period_end",
        messages.PERIOD_ORDER,
    )
    refused(
        lambda: services.goal_update(
            actor=SYSTEM,
            goal_id=goals.marketing.pk,
            expected_version=None,
            period_end=goals.marketing.period_start,
        ),
        "period_end",
        messages.PERIOD_ORDER,
    )
    assert unchanged() == before


def test_key_result_dated_outside_its_goals_period(world, goals, unchanged):
    before = unchanged()
    early = goals.marketing.period_start - timedelta(days=1)
    late = goals.marketing.period_end + timedelta(days=1)
    create = services.key_result_create
    refused(
        lambda: create(
            actor=SYSTEM,
            goal=goals.marketing,
            owner=world.member,
            title_en="A",
            start_value=0,
            target_value=1,
            start_date=early,
        ),
        "start_date",
        messages.KEY_RESULT_STARTS_EARLY % {"day": goals.marketing.period_start.isoformat()},
    )
    with pytest.raises(ValidationError) as raised:
        create(
            actor=SYSTEM,
            goal=goals.marketing,
            owner=world.member,
            title_en="A",
            start_value=0,
            target_value=1,
            due_date=late,
        )
    assert "due_date" in raised.value.message_dict
    assert unchanged() == before


def test_a_goal_cannot_shrink_its_period_away_from_its_key_results(world, goals):
    services.key_result_update(
        actor=SYSTEM,
        key_result_id=goals.reach.pk,
        expected_version=None,
        due_date=goals.marketing.period_end - timedelta(days=1),
    )
    with pytest.raises(ValidationError) as raised:
        services.goal_update(
            actor=SYSTEM,
            goal_id=goals.marketing.pk,
            expected_version=None,
            period_end=goals.marketing.period_end - timedelta(days=5),
        )
    assert "Units sold" in raised.value.message_dict["period_end"][0]


def test_goal_aligned_under_itself_or_its_descendant(world, goals, unchanged):
    team = goal(world.head, level=Goal.Level.TEAM, department=world.team, parent=goals.marketing)
    before = unchanged()
    for parent in (goals.marketing, team):
        refused(
            lambda parent=parent: services.goal_update(
                actor=SYSTEM, goal_id=goals.marketing.pk, expected_version=None, parent=parent
            ),
            "parent",
            messages.PARENT_CYCLE,
        )
    assert unchanged() == before
    assert Goal.objects.get(pk=goals.marketing.pk).parent_id == goals.company.pk


def test_money_key_result_without_a_currency(world, goals, unchanged):
    before = unchanged()
    refused(
        lambda: services.key_result_create(
            actor=SYSTEM,
            goal=goals.marketing,
            owner=world.member,
            title_en="Revenue",
            metric="money",
            currency="",
            start_value=0,
            target_value=1_000_000,
        ),
        "currency",
        messages.CURRENCY_REQUIRED,
    )
    assert unchanged() == before


def test_check_in_on_a_cancelled_goal(world, goals, unchanged):
    services.goal_update(
        actor=SYSTEM, goal_id=goals.marketing.pk, expected_version=None, status="cancelled"
    )
    before = unchanged()
    refused(lambda: check_in(goals.reach, 10), "goal", messages.CHECK_IN_ON_CANCELLED)
    assert unchanged() == before
    assert KeyResult.objects.get(pk=goals.reach.pk).current_value == 0


def test_spreadsheet_with_text_in_a_number_column(world, goals, unchanged):
    client = client_for(world.head)
    content = f"key_result_id,value,date\n{goals.reach.pk},12,\n{goals.reach.pk},twelve,\n"
    file = io.BytesIO(content.encode())
    file.name = "actuals.csv"
    before = unchanged()
    response = client.post(reverse("goals:import", kwargs={"kind": "actuals"}), {"file": file})
    report = response.context["report"]
    assert [row.errors for row in report.rows] == [
        [],
        [("value", str(messages.NOT_A_NUMBER % {"value": "twelve"}))],
    ]
    assert not report.saved
    assert "twelve" in response.content.decode()
    assert unchanged() == before


def test_the_form_shows_the_message_on_the_field(world, goals):
    client = client_for(world.head)
    response = client.post(
        reverse("goals:key_result_create", kwargs={"pk": goals.marketing.pk}),
        {
            "title_en": "Leads",
            "metric": "number",
            "start_value": "5",
            "target_value": "5",
            "direction": "increase",
            "owner": world.member.pk,
            "weight": "1",
        },
    )
    assert response.status_code == 200
    assert str(messages.TARGET_EQUALS_START) in response.context["form"].errors["target_value"]


def test_the_api_answers_422_naming_the_field(world, goals):
    client = client_for(world.head)
    response = client.post(
        "/api/v1/key-results",
        {
            "goal_id": goals.marketing.pk,
            "title_en": "Revenue",
            "metric": "money",
            "currency": "",
            "start_value": "0",
            "target_value": "100",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "currency", "message": str(messages.CURRENCY_REQUIRED)}
    ]


def test_a_kpi_is_never_aspirational_and_titles_are_needed(world, goals):
    with pytest.raises(ValidationError) as raised:
        goal(
            world.head,
            department=world.own,
            kind="kpi",
            commitment="aspirational",
            title_en="",
            title_vi="",
        )
    errors = raised.value.message_dict
    assert errors["commitment"] == [str(messages.KPI_ALWAYS_COMMITTED)]
    assert errors["title_en"] == [str(messages.TITLE_REQUIRED)]


def test_direction_must_match_the_target(world, goals):
    with pytest.raises(ValidationError) as raised:
        services.key_result_create(
            actor=actor(world.head),
            goal=goals.marketing,
            owner=world.member,
            title_en="Cost",
            start_value=100,
            target_value=80,
            direction="increase",
        )
    assert raised.value.message_dict == {"direction": [str(messages.SHOULD_DECREASE)]}
