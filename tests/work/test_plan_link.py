"""The project page offers to plan the project to those who may."""

import pytest
from django.urls import reverse

from tests.factories import client_for
from tests.work.helpers import project

pytestmark = pytest.mark.django_db


def test_the_plan_link_shows_to_the_lead_departments_coordinator_only(world):
    plan = project(world)
    link = f'href="{reverse("planning:new")}?project={plan.pk}"'
    url = reverse("work:project", args=[plan.pk])
    assert link in client_for(world.coordinator).get(url).content.decode()
    assert link not in client_for(world.other_member).get(url).content.decode()
