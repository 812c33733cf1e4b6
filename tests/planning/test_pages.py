"""The planner's pages: setup, progress while running, result, what-if, compare; query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.planning.models import PlanRun
from tests.planning.helpers import (
    MONDAY,
    WINDOW_END,
    build_plan,
    finished_run,
    make_step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(world, client):
    client.force_login(world.coordinator.user)
    return client


def test_the_setup_form_starts_a_run_and_shows_its_progress(world, coordinator):
    plan = build_plan(world)
    response = coordinator.get(f"/plan/new/?department={world.own.pk}")
    assert response.status_code == 200
    assert "Launch" in response.content.decode()
    response = coordinator.post(
        "/plan/new/",
        {
            "department": world.own.pk,
            "start": MONDAY.isoformat(),
            "end": WINDOW_END.isoformat(),
            "goals": [plan.launch.pk],
        },
    )
    run = PlanRun.objects.get()
    assert response["Location"] == f"/plan/{run.pk}/"
    assert list(run.goals.all()) == [plan.launch]
    page = coordinator.get(f"/plan/{run.pk}/").content.decode()
    assert "The planner is working" in page
    assert "A quick first plan" in page  # the preview shows at once
    progress = coordinator.get(f"/plan/{run.pk}/progress/", HTTP_HX_REQUEST="true")
    assert 'role="progressbar"' in progress.content.decode()


def test_the_setup_form_shows_the_refusal(world, coordinator):
    build_plan(world)
    response = coordinator.post(
        "/plan/new/",
        {
            "department": world.own.pk,
            "start": MONDAY.isoformat(),
            "end": (MONDAY + timedelta(days=800)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "The time frame is longer than two years" in response.content.decode()


def test_a_finished_run_refreshes_the_polling_page(world, coordinator):
    run = finished_run(world, build_plan(world))
    response = coordinator.get(f"/plan/{run.pk}/progress/", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"


def test_the_result_shows_verdicts_suggestions_timeline_and_load(world, coordinator):
    run = finished_run(world, build_plan(world))
    page = coordinator.get(f"/plan/{run.pk}/").content.decode()
    assert "Not reachable" in page and "Reachable" in page
    assert "Add 20 hours a week for Member to reach “Teaser”." in page
    assert "Try this" in page
    assert 'id="plan-timeline-data"' in page
    assert "Load per person and week" in page
    assert "The chain of steps that decides it" in page
    assert "(waits for the step before)" in page  # the campaign waits for the brief


def test_the_timeline_table_gives_days_in_the_readers_format(world, coordinator):
    run = finished_run(world, build_plan(world))
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    page = coordinator.get(f"/plan/{run.pk}/").content.decode()
    start = page.index("<details", page.index('id="plan-timeline-data"'))
    table = page[start : page.index("</details>", start)]
    assert re.search(r"<td>\d{2}/\d{2}/\d{4}</td>", table)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", table)


def test_try_this_opens_a_scenario_and_compare_shows_both(world, coordinator):
    run = finished_run(world, build_plan(world))
    index = next(s for s in run.result["suggestions"] if s["kind"] == "extra_capacity")
    position = run.result["suggestions"].index(index)
    response = coordinator.post(f"/plan/{run.pk}/what-if/{position}/")
    scenario = PlanRun.objects.get(parent=run)
    assert response["Location"] == f"/plan/{scenario.pk}/"
    compare = coordinator.get(f"/plan/compare/?run={run.pk}&run={scenario.pk}").content.decode()
    assert "As things are" in compare
    assert "Add 20 hours a week for Member" in compare


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_runs_list_reads_a_fixed_number_of_queries(world, coordinator):
    run = finished_run(world, build_plan(world))
    few = _count(coordinator, "/plan/")
    fields = {f.name: getattr(run, f.name) for f in PlanRun._meta.concrete_fields if f.name != "id"}
    PlanRun.objects.bulk_create(PlanRun(**fields) for _ in range(120))
    assert _count(coordinator, "/plan/") == few


def test_the_result_page_reads_a_fixed_number_of_queries(world, coordinator):
    plan = build_plan(world)
    small = finished_run(world, plan)
    few = _count(coordinator, f"/plan/{small.pk}/")
    for number in range(40):
        make_step(world, plan.project, f"Post {number}", 2)
    large = finished_run(world, plan)
    assert len(large.result["plan"]["steps"]) == 42
    assert _count(coordinator, f"/plan/{large.pk}/") == few


def test_the_department_page_links_to_the_planner(world, coordinator):
    page = coordinator.get(f"/org/departments/{world.own.pk}/").content.decode()
    assert f"/plan/new/?department={world.own.pk}" in page
