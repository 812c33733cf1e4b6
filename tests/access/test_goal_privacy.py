"""Goals are read company-wide unless private: lists and details, pages and API, the choice on
the form and in the API, and its record in the audit trail."""

import pytest
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.goals.models import Goal
from tests.factories import client_for
from tests.goals.helpers import check_in, goal, key_result, period


@pytest.fixture
def sales(world):
    """A Sales goal everyone may read and a private one, each with a key result checked in."""
    public = goal(world.other_coordinator, department=world.other, title_en="Retail stores")
    private = goal(
        world.other_coordinator, department=world.other, title_en="Price talks", private=True
    )
    public_kr = key_result(public, world.other_coordinator, title_en="Stores listed")
    private_kr = key_result(private, world.other_coordinator, title_en="Discount agreed")
    check_in(public_kr, 12)
    check_in(private_kr, 3)
    return public, private, public_kr, private_kr


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_another_departments_goal_is_listed_and_opened_unless_private(world, sales, role):
    public, private, public_kr, private_kr = sales
    client = client_for(world.person(role))
    page = client.get(reverse("goals:list")).content.decode()
    assert "Retail stores" in page and "Price talks" not in page
    listed = {row["id"] for row in client.get("/api/v1/goals").json()["items"]}
    assert public.pk in listed and private.pk not in listed
    results = {row["id"] for row in client.get("/api/v1/key-results").json()["items"]}
    assert public_kr.pk in results and private_kr.pk not in results
    detail = client.get(reverse("goals:goal_detail", kwargs={"pk": public.pk}))
    assert detail.status_code == 200 and "Stores listed" in detail.content.decode()
    assert not detail.context["can_change"]  # read, not written
    check_ins = client.get(f"/api/v1/key-results/{public_kr.pk}/check-ins")
    assert check_ins.status_code == 200 and check_ins.json()["count"] == 1
    for url in (
        reverse("goals:goal_detail", kwargs={"pk": private.pk}),
        reverse("goals:key_result_detail", kwargs={"pk": private_kr.pk}),
        f"/api/v1/goals/{private.pk}",
        f"/api/v1/key-results/{private_kr.pk}/check-ins",
    ):
        assert client.get(url).status_code == 404, url


def test_the_department_that_owns_a_private_goal_still_lists_it(world, sales):
    public, private, *_ = sales
    client = client_for(world.other_coordinator)
    listed = {row["id"] for row in client.get("/api/v1/goals").json()["items"]}
    assert {public.pk, private.pk} <= listed
    assert client.get(f"/api/v1/goals/{private.pk}").json()["private"] is True


def test_a_guest_still_sees_no_goal(world, sales):
    client = client_for(world.guest)
    assert client.get("/api/v1/goals").json()["items"] == []
    assert client.get(f"/api/v1/goals/{sales[0].pk}").status_code == 404


def _form(world, **fields) -> dict:
    start, end = period()
    return {
        "title_en": "Supplier prices",
        "level": "department",
        "department": world.own.pk,
        "owner": world.coordinator.pk,
        "category": "finance",
        "kind": "okr",
        "commitment": "committed",
        "period": "custom",
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "priority": "2",
        "status": "active",
        "weight": "1",
        **fields,
    }


def _changes(goal_obj, action):
    entry = AuditEntry.objects.filter(target_id=str(goal_obj.pk), action=action).latest("id")
    return entry.changes


def test_privacy_is_chosen_on_the_goal_form_and_recorded(world):
    client = client_for(world.coordinator)
    form = client.get(reverse("goals:goal_create")).content.decode()
    assert 'name="private"' in form and "Private goal" in form
    client.post(reverse("goals:goal_create"), _form(world, private="on"))
    created = Goal.objects.get(title_en="Supplier prices")
    assert created.private
    assert "private" in str(_changes(created, "goals.goal.create"))
    page = client.get(reverse("goals:goal_detail", kwargs={"pk": created.pk})).content.decode()
    assert "Private" in page
    assert (
        client_for(world.other_coordinator)
        .get(reverse("goals:goal_detail", kwargs={"pk": created.pk}))
        .status_code
        == 404
    )
    edit = reverse("goals:goal_edit", kwargs={"pk": created.pk})
    client.post(edit, _form(world, version=created.version))  # the box left unticked
    created.refresh_from_db()
    assert not created.private
    assert _changes(created, "goals.goal.update")["private"] == [True, False]
    assert (
        client_for(world.other_coordinator)
        .get(reverse("goals:goal_detail", kwargs={"pk": created.pk}))
        .status_code
        == 200
    )


def test_a_new_goal_is_not_private_unless_asked(world):
    client = client_for(world.coordinator)
    client.post(reverse("goals:goal_create"), _form(world))
    assert not Goal.objects.get(title_en="Supplier prices").private


def test_privacy_through_the_api(world):
    client = client_for(world.coordinator)
    start, end = period()
    body = {
        "level": "department",
        "department_id": world.own.pk,
        "title_en": "Supplier prices",
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "private": True,
    }
    created = client.post("/api/v1/goals", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["private"] is True
    pk = created.json()["id"]
    assert client_for(world.other_coordinator).get(f"/api/v1/goals/{pk}").status_code == 404
    refused = client.patch(
        f"/api/v1/goals/{pk}",
        {"private": None},
        content_type="application/json",
        headers={"If-Match": "*"},
    )
    assert refused.status_code in (400, 422) and "private" in refused.content.decode()
    assert Goal.objects.get(pk=pk).private
    opened = client.patch(
        f"/api/v1/goals/{pk}",
        {"private": False},
        content_type="application/json",
        headers={"If-Match": "*"},
    )
    assert opened.status_code == 200 and opened.json()["private"] is False
    assert client_for(world.other_coordinator).get(f"/api/v1/goals/{pk}").status_code == 200
