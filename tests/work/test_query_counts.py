"""Lists run a fixed number of queries whatever the number of steps (10 vs 1,000)."""

from datetime import timedelta
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.work.models import Dependency, Step
from tests.factories import client_for
from tests.work.helpers import monday, project

pytestmark = pytest.mark.django_db


def _fill(world, plan, count):
    Step.objects.filter(project=plan).delete()
    start = monday(0)
    people = [world.member, world.peer, world.coordinator]
    made = Step.objects.bulk_create(
        Step(
            project=plan,
            department=world.own if index % 3 else world.other,
            assignee=people[index % 3] if index % 3 else world.other_member,
            title_en=f"Step {index}",
            effort_hours=60,  # every assignee overloaded, whatever the size
            start=start + timedelta(days=index % 40),
            due=start + timedelta(days=index % 40 + 3),
            status=["todo", "in_progress", "blocked", "done"][index % 4],
        )
        for index in range(count)
    )
    Dependency.objects.bulk_create(
        Dependency(predecessor=before, successor=after)
        for before, after in pairwise(made)
        if before.due < after.start
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "name",
    [
        "work:project",
        "work:project_board",
        "work:project_timeline",
        "work:project_time",
        "work:project_workload",
    ],
)
def test_project_pages(world, name):
    plan = project(world)
    client = client_for(world.coordinator)
    url = reverse(name, args=[plan.pk])
    counted = []
    for size in (10, 1000):
        _fill(world, plan, size)
        client.get(url)  # warm caches (holidays, session)
        counted.append(_queries(client, url))
    assert counted[0] == counted[1], counted


@pytest.mark.parametrize("name", ["work:my_steps", "work:workload", "work:projects"])
def test_person_pages(world, name):
    plan = project(world)
    client = client_for(world.member)
    url = reverse(name)
    counted = []
    for size in (10, 1000):
        _fill(world, plan, size)
        client.get(url)
        counted.append(_queries(client, url))
    assert counted[0] == counted[1], counted


def test_department_steps(world):
    plan = project(world)
    client = client_for(world.coordinator)
    url = reverse("work:department_steps", args=[world.own.pk])
    counted = []
    for size in (10, 1000):
        _fill(world, plan, size)
        client.get(url)
        counted.append(_queries(client, url))
    assert counted[0] == counted[1], counted


@pytest.mark.parametrize("name", ["work:project", "work:department_steps", "work:my_steps"])
def test_lists_with_their_controls_in_place(world, name):
    """The checkboxes, the bulk bar and each row's status, assignee and due date controls
    (with whom each step may be given to) cost the same whatever the number of rows."""
    plan = project(world)
    person = world.peer if name == "work:my_steps" else world.coordinator  # peer has steps
    client = client_for(person)
    args = {"work:project": [plan.pk], "work:department_steps": [world.own.pk]}.get(name, [])
    url = reverse(name, args=args)
    counted = []
    for size in (10, 1000):
        _fill(world, plan, size)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        counted.append(len(captured.captured_queries))
        assert 'data-field="status"' in page and 'name="step"' in page
        if name != "work:my_steps":
            assert 'data-field="assignee"' in page and 'data-field="due"' in page
    assert counted[0] == counted[1], counted
