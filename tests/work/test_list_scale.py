"""Lists stay the same size in queries and rows as a company grows: the projects API reads
every project's departments and goals in one query each, and a project's or a department's
steps show one page at a time."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.work.models import Project, Step
from deptcoord.work.views.common import STEPS_PER_PAGE
from deptcoord.work.views.projects import PROJECTS_PER_PAGE
from tests.factories import client_for
from tests.work.helpers import monday, project

pytestmark = pytest.mark.django_db


def _projects(world, count):
    start = monday(0)
    made = Project.objects.bulk_create(
        Project(
            code=f"B{index:04d}",
            title_en=f"Project {index}",
            lead_department=world.own,
            coordinator=world.coordinator,
            start=start,
            end=start + timedelta(days=30),
            status="active",
        )
        for index in range(count)
    )
    Taking = Project.departments.through
    Taking.objects.bulk_create(
        Taking(project_id=plan.pk, department_id=department.pk)
        for plan in made
        for department in (world.own, world.other)
    )


def _count(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_the_projects_api_reads_a_fixed_number_of_queries(world):
    client = client_for(world.coordinator)
    url = "/api/v1/projects?limit=100"
    counted = []
    for size in (5, 100):
        Project.objects.all().delete()
        _projects(world, size)
        client.get(url)
        queries, response = _count(client, url)
        assert len(response.json()["items"]) == size
        assert sorted(response.json()["items"][0]["department_ids"]) == sorted(
            [world.own.pk, world.other.pk]
        )
        counted.append(queries)
    assert counted[0] == counted[1], counted


@pytest.mark.parametrize("page_name", ["work:department_steps", "work:project"])
def test_lists_of_steps_show_one_page_at_a_time(world, page_name):
    plan = project(world)
    start = monday(0)
    Step.objects.bulk_create(
        Step(
            project=plan,
            department=world.own,
            title_en=f"Step {index:03d}",
            start=start,
            due=start + timedelta(days=index % 30),
        )
        for index in range(STEPS_PER_PAGE + 7)
    )
    client = client_for(world.coordinator)
    key = world.own.pk if page_name == "work:department_steps" else plan.pk
    url = reverse(page_name, args=[key])
    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    # One row per step (its title also names its controls to screen readers).
    assert first.count('id="step-row-') == STEPS_PER_PAGE
    assert second.count('id="step-row-') == 7
    assert "?page=2" in first


def test_the_project_list_shows_fifty_projects_a_page_in_a_fixed_number_of_queries(world):
    client = client_for(world.coordinator)
    url = reverse("work:projects")
    counted = []
    for size in (5, PROJECTS_PER_PAGE + 7):
        Project.objects.all().delete()
        _projects(world, size)
        client.get(url)
        queries, response = _count(client, url)
        counted.append(queries)
    assert counted[0] == counted[1], counted
    first = response.content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert first.count('class="card h-100"') == PROJECTS_PER_PAGE
    assert second.count('class="card h-100"') == 7
    assert "?page=2" in first and "B0056" in second and "B0056" not in first
