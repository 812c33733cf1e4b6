"""The goals API: figures in goals, versions over HTTP, hidden records, forecasts."""

import json

import pytest

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import services
from deptcoord.goals.models import Goal
from tests.factories import client_for
from tests.goals.helpers import check_in, goal, key_result, period


def send(client, method, path, body=None, **headers):
    """A JSON request."""
    return client.generic(
        method,
        path,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
    )


def test_goals_carry_their_rolled_up_figures(world, goals):
    check_in(goals.reach, 40)
    client = client_for(world.member)
    listed = {item["id"]: item for item in client.get("/api/v1/goals?period=all").json()["items"]}
    assert listed[goals.marketing.pk]["progress_percent"] == pytest.approx(40)
    assert listed[goals.company.pk]["progress_percent"] == pytest.approx(40)
    one = client.get(f"/api/v1/goals/{goals.marketing.pk}")
    assert one["ETag"] == '"1"' and one.json()["title"] == "Department goal"


def test_create_a_goal_and_its_key_result_then_check_in(world, goals):
    client = client_for(world.head)
    start, end = period()
    created = send(
        client,
        "POST",
        "/api/v1/goals",
        {
            "level": "team",
            "department_id": world.team.pk,
            "parent_id": goals.marketing.pk,
            "title_en": "Ads",
            "title_vi": "Quảng cáo",
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "category": "marketing_strategy",
        },
    )
    assert created.status_code == 201, created.content
    goal_id = created.json()["id"]
    assert created.json()["owner_id"] == world.head.pk
    kr = send(
        client,
        "POST",
        "/api/v1/key-results",
        {
            "goal_id": goal_id,
            "title_en": "Cost per lead",
            "metric": "money",
            "currency": "VND",
            "start_value": "120000",
            "target_value": "80000",
            "direction": "decrease",
        },
    )
    assert kr.status_code == 201, kr.content
    path = f"/api/v1/key-results/{kr.json()['id']}/check-ins"
    assert (
        send(client, "POST", path, {"value": "100000", "confidence": "at_risk"}).status_code == 201
    )
    assert client.get(path).json()["items"][0]["value"] == "100000.0000"
    forecast = client.get(f"/api/v1/key-results/{kr.json()['id']}/forecast").json()
    assert forecast["method"] == "single_check_in"
    assert forecast["progress_percent"] == pytest.approx(50)


def test_stale_updates_are_refused_with_409_or_412(world, goals):
    client = client_for(world.coordinator)
    path = f"/api/v1/goals/{goals.marketing.pk}"
    assert send(client, "PATCH", path, {"priority": 1}, **{"If-Match": '"1"'}).status_code == 200
    assert send(client, "PATCH", path, {"priority": 3}, **{"If-Match": '"1"'}).status_code == 412
    assert send(client, "PATCH", path, {"priority": 3, "version": 1}).status_code == 409
    assert Goal.objects.get(pk=goals.marketing.pk).priority == 1


def test_hidden_goals_answer_404_like_missing_ones(world, goals):
    private = goal(world.head, department=world.own, title_en="Plan", private=True)
    hidden = key_result(private, world.head)
    client = client_for(world.other_member)
    assert client.get(f"/api/v1/goals/{private.pk}").status_code == 404
    assert client.get("/api/v1/goals/999999").status_code == 404
    assert client.get(f"/api/v1/key-results/{hidden.pk}/forecast").status_code == 404


def test_bad_ids_and_values_are_422_not_500(world, goals):
    client = client_for(world.head)
    assert client.get(f"/api/v1/goals/{2**70}").status_code == 422
    response = send(
        client, "POST", f"/api/v1/key-results/{goals.reach.pk}/check-ins", {"value": "NaN"}
    )
    assert response.status_code == 422


def test_templates_roll_out_over_the_api(world):
    client = client_for(world.coordinator)
    created = send(
        client,
        "POST",
        "/api/v1/goal-templates",
        {
            "department_id": world.own.pk,
            "title_en": "Monthly posts",
            "key_results": [{"title_en": "Posts", "start_value": "0", "target_value": "8"}],
        },
    )
    assert created.status_code == 201, created.content
    start, end = period(5, 25)
    rolled = send(
        client,
        "POST",
        f"/api/v1/goal-templates/{created.json()['id']}/roll-out",
        {
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
        },
    )
    assert rolled.status_code == 201, rolled.content
    owners = set(
        Goal.objects.filter(pk__in=rolled.json()["created"]).values_list(
            "owner__full_name", flat=True
        )
    )
    assert owners == {"Member", "Peer", "Team member"}


def test_measurements_over_the_api(world):
    standard = services.standard_create(
        actor=SYSTEM,
        department=world.own,
        owner=world.coordinator,
        title_en="Replies",
        threshold=95,
    )
    client = client_for(world.coordinator)
    start, _end = period()
    path = f"/api/v1/standards/{standard.pk}/measurements"
    response = send(client, "POST", path, {"day": start.isoformat(), "value": "93.5"})
    assert response.status_code == 201 and response.json()["breached"] is True
    assert client.get(path).json()["count"] == 1
