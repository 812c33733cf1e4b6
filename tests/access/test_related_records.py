"""Lists name a related record only when the viewer may open it: a step's or request's project,
a project's goals. The record itself stays listed; the name of what it links to does not leak."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from deptcoord.goals.models import Goal
from deptcoord.work.models import Project, Request, Step
from tests.factories import client_for
from tests.work.helpers import monday

SECRET = "SECRETPRJ"


@pytest.fixture
def sales_project(world):
    """A Sales project Marketing takes no part in, with a Marketing step and a request in it."""
    start = monday(-1)
    plan = Project.objects.create(
        code=SECRET,
        title_en="Dealer bonus scheme",
        lead_department=world.other,
        coordinator=world.other_coordinator,
        start=start,
        end=start + timedelta(days=90),
    )
    plan.departments.set([world.other])
    today = timezone.localdate()
    Step.objects.create(
        project=plan,
        department=world.own,
        assignee=world.member,
        title_en="Design the dealer leaflet",
        due=today - timedelta(days=1),
    )
    Request.objects.create(
        from_department=world.other,
        to_department=world.own,
        project=plan,
        title="Leaflet for dealers",
        requested_by=world.other_coordinator,
        due=today + timedelta(days=10),
    )
    return plan


def _page(client, name, **kwargs) -> str:
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, name
    return response.content.decode()


def test_step_and_request_lists_do_not_name_a_hidden_project(world, sales_project):
    member, coordinator = client_for(world.member), client_for(world.coordinator)
    assert member.get(reverse("work:project", kwargs={"pk": sales_project.pk})).status_code == 404
    mine = _page(member, "work:my_steps")
    assert "Design the dealer leaflet" in mine and SECRET not in mine
    department = _page(coordinator, "work:department_steps", pk=world.own.pk)
    assert "Design the dealer leaflet" in department and SECRET not in department
    requests = _page(coordinator, "work:requests")
    assert "Leaflet for dealers" in requests and SECRET not in requests
    request = Request.objects.get()
    detail = _page(coordinator, "work:request", pk=request.pk)
    assert "Leaflet for dealers" in detail and "Dealer bonus scheme" not in detail
    person = _page(coordinator, "people:person", pk=world.member.pk)
    assert "Design the dealer leaflet" in person and SECRET not in person
    today = _page(member, "today")
    assert "Design the dealer leaflet" in today and SECRET not in today


def test_exports_do_not_name_a_hidden_project(world, sales_project):
    member, coordinator = client_for(world.member), client_for(world.coordinator)
    mine = member.get(reverse("work:my_steps_export", kwargs={"file_format": "csv"}))
    assert "Design the dealer leaflet" in mine.content.decode()
    assert SECRET not in mine.content.decode()
    url = reverse("work:requests_export", kwargs={"file_format": "csv"})
    requests = coordinator.get(url).content.decode()
    assert "Leaflet for dealers" in requests and SECRET not in requests


def test_those_who_may_open_the_project_still_see_its_code(world, sales_project):
    sales = client_for(world.other_coordinator)
    assert SECRET in sales.get(reverse("work:requests"), {"box": "outgoing"}).content.decode()
    page = _page(client_for(world.admin), "work:department_steps", pk=world.own.pk)
    assert SECRET in page


def test_the_project_api_lists_only_the_goals_the_caller_may_open(world):
    start = monday(-1)
    plan = Project.objects.create(
        code="SMH",
        title_en="SM Home launch",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=start,
        end=start + timedelta(days=90),
    )
    goals = [
        Goal.objects.create(
            title_en=title,
            level=Goal.Level.DEPARTMENT,
            owner=world.other_coordinator,
            department=world.other,
            period_start=start,
            period_end=start + timedelta(days=90),
            private=private,
        )
        for title, private in (("Retail stores", False), ("Price talks", True))
    ]
    plan.goals.set(goals)
    public, private = goals
    member = client_for(world.member)
    assert member.get(f"/api/v1/projects/{plan.pk}").json()["goal_ids"] == [public.pk]
    listed = member.get("/api/v1/projects").json()["items"]
    assert [row["goal_ids"] for row in listed] == [[public.pk]]
    everything = client_for(world.admin).get(f"/api/v1/projects/{plan.pk}").json()
    assert everything["goal_ids"] == sorted([public.pk, private.pk])
