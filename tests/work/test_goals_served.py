"""The project page names only the goals the viewer may open; the others are only counted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from deptcoord.audit.security import record_denial
from deptcoord.goals.models import Goal
from deptcoord.org.facts import role_facts_for_person
from tests.factories import client_for
from tests.work.helpers import project, step

pytestmark = pytest.mark.django_db


def _goal(title, level, owner, department=None, **fields) -> Goal:
    today = timezone.localdate()
    return Goal.objects.create(
        title_en=title,
        level=level,
        owner=owner,
        department=department,
        period_start=today,
        period_end=today + timedelta(days=60),
        **fields,
    )


def test_a_goal_the_viewer_cannot_open_is_counted_not_named(world):
    plan = project(world)
    shared = _goal("Grow awareness", Goal.Level.DEPARTMENT, world.head, world.own)
    hidden = _goal(
        "Sales secret target",
        Goal.Level.DEPARTMENT,
        world.other_coordinator,
        world.other,
        private=True,
    )
    plan.goals.set([shared, hidden])
    member = client_for(world.member)
    assert member.get(f"/goals/{hidden.pk}/").status_code == 404
    page = member.get(f"/work/projects/{plan.pk}/").content.decode()
    assert "Grow awareness" in page
    assert "Sales secret target" not in page
    assert "1 goal you cannot open" in page
    admin_page = client_for(world.admin).get(f"/work/projects/{plan.pk}/").content.decode()
    assert "Sales secret target" in admin_page and "cannot open" not in admin_page


def test_denials_in_a_history_are_shown_to_admins_only(world):
    plan = project(world)
    record_denial(role_facts_for_person(world.peer), plan._meta.label, plan.pk, "change")
    for person in (world.coordinator, world.head, world.member):
        page = client_for(person).get(f"/work/projects/{plan.pk}/").content.decode()
        assert "Access was refused" not in page, person
    admin_page = client_for(world.admin).get(f"/work/projects/{plan.pk}/").content.decode()
    assert "Access was refused (change)." in admin_page


def test_an_assignee_outside_the_project_does_not_read_its_name(world):
    plan = project(world, title_en="Confidential merger")
    plan.departments.set([world.own])
    task = step(world.own, "Count the chairs", project=plan, assignee=world.other_member)
    client = client_for(world.other_member)
    assert client.get(f"/work/projects/{plan.pk}/").status_code == 404
    response = client.get(f"/work/steps/{task.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Count the chairs" in page and "Confidential merger" not in page
    own_page = client_for(world.coordinator).get(f"/work/steps/{task.pk}/").content.decode()
    assert "Confidential merger" in own_page
