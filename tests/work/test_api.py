"""The work API: what the pages do, with versions and clear refusals."""

import json
from datetime import timedelta

import pytest

from deptcoord.work.models import Step
from tests.factories import client_for
from tests.work.helpers import link, monday, project, step

pytestmark = pytest.mark.django_db


def _call(client, method, path, body=None, **headers):
    return client.generic(
        method,
        path,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
        **headers,
    )


def test_cycle_is_refused_with_its_names(world):
    brief, design = step(world.own, "Brief"), step(world.own, "Design")
    link(brief, design)
    response = _call(
        client_for(world.coordinator),
        "POST",
        f"/api/v1/steps/{brief.pk}/dependencies",
        {"predecessor_id": design.pk},
    )
    assert response.status_code == 422
    assert "“Brief” → “Design” → “Brief”" in response.json()["detail"]


def test_stale_if_match_is_refused(world):
    made = step(world.own, "Brief")
    response = _call(
        client_for(world.coordinator),
        "PATCH",
        f"/api/v1/steps/{made.pk}",
        {"title_en": "New"},
        HTTP_IF_MATCH='"5"',
    )
    assert response.status_code in (409, 412)
    made.refresh_from_db()
    assert made.title_en == "Brief"


def test_slip_through_the_api_flags_and_reports(world):
    plan = project(world)
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=2))
    dealers = step(
        world.other, "Dealers", plan, start=start + timedelta(days=3), due=start + timedelta(days=4)
    )
    link(design, dealers)
    client = client_for(world.coordinator)
    response = _call(
        client,
        "PATCH",
        f"/api/v1/steps/{design.pk}",
        {"due": (start + timedelta(days=9)).isoformat(), "version": design.version},
    )
    assert response.status_code == 200
    got = _call(client_for(world.other_coordinator), "GET", f"/api/v1/steps/{dealers.pk}").json()
    assert got["flagged"] is True and got["flagged_by_id"] == design.pk
    timeline = _call(client, "GET", f"/api/v1/projects/{plan.pk}/timeline").json()
    assert design.pk in timeline["critical_step_ids"]


def test_my_steps_and_workload(world):
    step(
        world.own,
        "Mine",
        assignee=world.member,
        start=monday(),
        due=monday() + timedelta(days=1),
        effort_hours=8,
    )
    step(world.own, "Theirs", assignee=world.peer)
    client = client_for(world.member)
    mine = _call(client, "GET", "/api/v1/steps?mine=true").json()
    assert [item["title"] for item in mine["items"]] == ["Mine"]
    rows = _call(client, "GET", "/api/v1/workload?weeks=2").json()
    member = next(row for row in rows if row["person_id"] == world.member.pk)
    assert sum(cell["assigned"] for cell in member["cells"]) == 8


def test_request_round_trip(world):
    sent = _call(
        client_for(world.coordinator),
        "POST",
        "/api/v1/requests",
        {
            "from_department_id": world.own.pk,
            "to_department_id": world.other.pk,
            "title": "Quotes",
            "due": monday(2).isoformat(),
            "effort_hours": "3",
        },
    )
    assert sent.status_code == 201
    pk = sent.json()["id"]
    accepted = _call(
        client_for(world.other_coordinator),
        "POST",
        f"/api/v1/requests/{pk}/accept",
        {"assignee_id": world.other_member.pk},
    )
    assert accepted.json()["state"] == "accepted"
    assert Step.objects.get(pk=accepted.json()["step_id"]).assignee == world.other_member


def test_plan_import_checks_then_saves(world):
    plan = project(world)
    client = client_for(world.coordinator)
    rows = [
        {"ref": "a", "title_en": "Brief", "department": "MKT", "due": monday(1).isoformat()},
        {"ref": "b", "title_en": "Quotes", "department": "SAL", "predecessors": "a;z"},
    ]
    checked = _call(client, "POST", f"/api/v1/projects/{plan.pk}/plan", {"rows": rows}).json()
    assert checked["saved"] is False
    assert checked["rows"][1]["errors"][0][0] == "predecessors"
    assert not Step.objects.exists()
    rows[1]["predecessors"] = "a"
    saved = _call(
        client, "POST", f"/api/v1/projects/{plan.pk}/plan", {"rows": rows, "commit": True}
    ).json()
    assert saved["saved"] is True
    assert Step.objects.get(title_en="Quotes").predecessor_links.get().predecessor.title_en == (
        "Brief"
    )
