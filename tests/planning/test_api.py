"""The planner's API: start a run, poll it, read the result, try a what-if, apply, list."""

import pytest

from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import execute
from deptcoord.work.models import Step
from tests.planning.helpers import MONDAY, WINDOW_END, build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(world, client):
    client.force_login(world.coordinator.user)
    return client


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_start_poll_read_what_if_and_apply(world, api):
    plan = build_plan(world)
    started = post(
        api,
        "/api/v1/plans",
        {"department_id": world.own.pk, "start": MONDAY.isoformat(), "end": WINDOW_END.isoformat()},
    )
    assert started.status_code == 201
    run_id = started.json()["id"]
    assert started.json()["status"] == "queued"
    preview = api.get(f"/api/v1/plans/{run_id}/result").json()
    assert preview["source"] == "preview" and preview["plan"]["method"] == "heuristic"
    execute(run_id, seconds=1, suggestion_seconds=0.5)
    polled = api.get(f"/api/v1/plans/{run_id}")
    assert polled.json()["status"] == "succeeded" and polled.json()["progress"] == 100
    assert polled["ETag"]
    result = api.get(f"/api/v1/plans/{run_id}/result").json()
    assert result["source"] == "result"
    missed = [v for v in result["plan"]["goals"] if not v["achievable"]]
    assert [v["goal_id"] for v in missed] == [f"goal-{plan.teaser.pk}"]
    assert result["labels"]["goals"][f"goal-{plan.teaser.pk}"]["en"] == "Teaser"
    index = next(i for i, s in enumerate(result["suggestions"]) if s["kind"] == "extra_capacity")
    scenario = post(api, f"/api/v1/plans/{run_id}/what-if", {"suggestion": index})
    assert scenario.status_code == 201 and scenario.json()["parent_id"] == run_id
    execute(scenario.json()["id"], seconds=1, suggestion_seconds=0.5)
    applied = post(api, f"/api/v1/plans/{scenario.json()['id']}/apply", {})
    assert applied.status_code == 200 and applied.json()["applied"] is True
    assert Step.objects.get(pk=plan.campaign.pk).due is not None
    listed = api.get("/api/v1/plans").json()
    assert listed["count"] == 2


def test_bad_input_answers_422_naming_the_problem(world, api):
    build_plan(world)
    response = post(
        api,
        "/api/v1/plans",
        {"department_id": world.own.pk, "start": WINDOW_END.isoformat(), "end": MONDAY.isoformat()},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "end",
            "message": "The time frame must end on or after its first day. Check the two dates.",
        }
    ]
    assert PlanRun.objects.count() == 0


def test_an_unknown_suggestion_is_refused(world, api):
    build_plan(world)
    run = post(
        api,
        "/api/v1/plans",
        {"department_id": world.own.pk, "start": MONDAY.isoformat(), "end": WINDOW_END.isoformat()},
    ).json()
    execute(run["id"], seconds=1, suggestion_seconds=0.5)
    response = post(api, f"/api/v1/plans/{run['id']}/what-if", {"suggestion": 99})
    assert response.status_code == 422
    assert PlanRun.objects.count() == 1
