"""The board's moves, the timeline's date changes with their preview, and moving the steps a
slip pushes, from the pages and the API."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.core.versioning import STALE_VERSION
from deptcoord.notices.models import Notification
from deptcoord.work.models import Step
from tests.factories import client_for
from tests.work.helpers import link, monday, project, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(world):
    """Marketing's design (due Friday), then Sales' dealer briefing the Monday after."""
    plan = project(world)
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=4))
    dealers = step(
        world.other,
        "Dealer briefing",
        plan,
        start=start + timedelta(days=7),
        due=start + timedelta(days=8),
        assignee=world.other_member,
    )
    link(design, dealers)
    return start, design, dealers


def _move(person, made, version, status="in_progress"):
    return client_for(person).post(
        reverse("work:step_progress", args=[made.pk]),
        {"status": status, "board": "1", "version": version},
        HTTP_HX_REQUEST="true",
    )


def test_a_stale_board_move_comes_back_unchanged_with_the_reason(world, chain):
    _start, design, _dealers = chain
    Step.objects.filter(pk=design.pk).update(version=design.version + 1)
    response = _move(world.coordinator, design, design.version)
    assert response.status_code == 409
    page = response.content.decode()
    assert str(STALE_VERSION) in page and 'data-status="todo"' in page
    design.refresh_from_db()
    assert design.status == "todo"
    # The card comes back with the current version: the next move goes through.
    assert _move(world.coordinator, design, design.version).status_code == 200


def test_a_board_move_to_an_unknown_status_is_refused(world, chain):
    _start, design, _dealers = chain
    response = _move(world.coordinator, design, design.version, status="archived")
    assert response.status_code == 400 and "data-refusal" in response.content.decode()


def test_the_board_offers_a_move_menu_not_a_select(world, chain):
    _start, design, _dealers = chain
    page = client_for(world.coordinator).get(
        reverse("work:project_board", args=[design.project_id])
    )
    html = page.content.decode()
    assert "Move to…" in html and 'hx-trigger="change"' not in html
    assert f'data-url="{reverse("work:step_progress", args=[design.pk])}"' in html


def test_the_timeline_lets_only_changeable_bars_move(world, chain):
    _start, design, dealers = chain
    url = reverse("work:project_timeline", args=[design.project_id])

    def editable(person):
        tasks = client_for(person).get(url).context["gantt"]
        return {task["id"] for task in tasks if task["editable"]}

    assert editable(world.coordinator) == {f"s{design.pk}", f"s{dealers.pk}"}
    assert editable(world.other_coordinator) == {f"s{dealers.pk}"}
    assert editable(world.member) == set()


def test_the_preview_lists_the_pushed_steps_then_save_moves_them_too(world, chain):
    start, design, dealers = chain
    client = client_for(world.coordinator)
    new_due = start + timedelta(days=11)
    preview = client.get(
        reverse("work:step_reschedule_preview", args=[design.pk]),
        {"start": start.isoformat(), "due": new_due.isoformat()},
    )
    html = preview.content.decode()
    assert "Dealer briefing" in html and "Sales" in html and "Save and move them" in html
    assert f'value="{dealers.pk}:{dealers.version}"' in html
    saved = client.post(
        reverse("work:step_reschedule", args=[design.pk]),
        {
            "start": start.isoformat(),
            "due": new_due.isoformat(),
            "version": design.version,
            "shift": "1",
            "versions": f"{dealers.pk}:{dealers.version}",
        },
    )
    assert saved.url == reverse("work:project_timeline", args=[design.project_id])
    design.refresh_from_db()
    dealers.refresh_from_db()
    assert design.due == new_due
    assert (dealers.start, dealers.due) == (start + timedelta(days=14), start + timedelta(days=15))
    assert Notification.objects.filter(recipient=world.other_member, kind="work.shift").exists()


def test_a_preview_of_bad_dates_says_what_is_wrong(world, chain):
    start, design, _dealers = chain
    response = client_for(world.coordinator).get(
        reverse("work:step_reschedule_preview", args=[design.pk]),
        {"start": start.isoformat(), "due": (start - timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 400 and "is before the start" in response.content.decode()


def test_a_stale_save_from_the_timeline_changes_nothing(world, chain):
    start, design, dealers = chain
    client = client_for(world.coordinator)
    response = client.post(
        reverse("work:step_reschedule", args=[design.pk]),
        {
            "start": start.isoformat(),
            "due": (start + timedelta(days=11)).isoformat(),
            "version": design.version,
            "shift": "1",
            "versions": f"{dealers.pk}:{dealers.version + 5}",
        },
        follow=True,
    )
    assert str(STALE_VERSION) in response.content.decode()
    design.refresh_from_db()
    assert design.due == start + timedelta(days=4)


def test_after_a_later_due_date_the_step_page_offers_to_move_the_pushed_steps(world, chain):
    start, design, dealers = chain
    client = client_for(world.coordinator)
    Step.objects.filter(pk=design.pk).update(due=start + timedelta(days=11))
    page = client.get(reverse("work:step", args=[design.pk]), {"pushed": "1"})
    offer = page.content.decode()
    assert 'data-testid="shift-offer"' in offer and "Dealer briefing" in offer
    assert (
        'data-testid="shift-offer"'
        not in client.get(reverse("work:step", args=[design.pk])).content.decode()
    )
    client.post(
        reverse("work:slip_shift", args=[design.pk]),
        {"versions": f"{dealers.pk}:{dealers.version}"},
    )
    dealers.refresh_from_db()
    assert dealers.due == start + timedelta(days=15)
    assert AuditEntry.objects.filter(action="work.step.shift", target_id=str(dealers.pk)).exists()


def _call(client, method, path, body=None):
    return client.generic(
        method,
        path,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
    )


def test_the_api_previews_and_moves_the_pushed_steps(world, chain):
    start, design, dealers = chain
    client = client_for(world.coordinator)
    later = (start + timedelta(days=11)).isoformat()
    preview = client.get(f"/api/v1/steps/{design.pk}/pushed", {"due": later}).json()
    assert preview["count"] == 1 and preview["refusal"] is None
    assert preview["pushes"][0]["step_id"] == dealers.pk
    assert preview["pushes"][0]["due"] == (start + timedelta(days=15)).isoformat()
    Step.objects.filter(pk=design.pk).update(due=later)
    stale = _call(
        client,
        "POST",
        f"/api/v1/steps/{design.pk}/shift-pushed",
        {"versions": [{"step_id": dealers.pk, "version": dealers.version + 1}]},
    )
    assert stale.status_code == 409
    moved = _call(
        client,
        "POST",
        f"/api/v1/steps/{design.pk}/shift-pushed",
        {"versions": [{"step_id": dealers.pk, "version": dealers.version}]},
    )
    assert moved.status_code == 200
    assert moved.json()[0]["due_before"] == (start + timedelta(days=8)).isoformat()
    dealers.refresh_from_db()
    assert dealers.due == start + timedelta(days=15)


def test_the_api_refuses_moves_out_of_reach_with_the_reason(world, chain):
    start, design, dealers = chain
    Step.objects.filter(pk=design.pk).update(due=start + timedelta(days=11))
    response = _call(
        client_for(world.executive),
        "POST",
        f"/api/v1/steps/{design.pk}/shift-pushed",
        {"versions": [{"step_id": dealers.pk, "version": dealers.version}]},
    )
    assert response.status_code == 422
    assert "“Dealer briefing”" in response.json()["detail"]


def test_the_shift_endpoint_documents_its_refusals(world):
    schema = client_for(world.admin).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/steps/{pk}/shift-pushed"]["post"]
    assert {"403", "404", "409", "422"} <= set(operation["responses"])
    assert "/api/v1/steps/{pk}/pushed" in schema["paths"]
