"""A person's page shows their open steps (through the work policy) and their workload for the
coming weeks; mentoring time comes from the real workload."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.org.facts import role_facts_for_person
from deptcoord.people.selectors.development import steps_for
from deptcoord.people.selectors.skills import weekly_free_hours
from deptcoord.work.models import Step
from tests.factories import client_for
from tests.work.helpers import monday, step

pytestmark = pytest.mark.django_db


def _page(viewer, subject):
    return client_for(viewer).get(reverse("people:person", args=[subject.pk])).content.decode()


def test_the_page_lists_open_steps_and_the_workload(world):
    step(world.own, "Landing page", assignee=world.member, due=monday(1), effort_hours=8)
    step(world.own, "Old brief", assignee=world.member, status=Step.Status.DONE)
    page = _page(world.coordinator, world.member)
    assert "Landing page" in page
    assert "Old brief" not in page
    assert page.count('data-testid="workload-week"') == 4


def test_a_viewer_without_the_departments_details_sees_no_workload(world):
    step(world.own, "Landing page", assignee=world.member, due=monday(1))
    page = _page(world.other_member, world.member)
    assert 'data-testid="workload-week"' not in page


def test_the_page_reads_a_fixed_number_of_queries(world):
    client = client_for(world.coordinator)
    url = reverse("people:person", args=[world.member.pk])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def add(count):
        Step.objects.bulk_create(
            Step(
                department=world.own,
                title_en=f"Step {n}",
                assignee=world.member,
                start=monday(0),
                due=monday(2),
                effort_hours=3,
            )
            for n in range(count)
        )

    add(2)
    client.get(url)
    few = queries()
    add(40)
    assert queries() == few


def test_free_hours_for_mentoring_come_from_the_workload(world):
    before = weekly_free_hours([world.member])[world.member.pk]
    step(
        world.own,
        "Catalogue",
        assignee=world.member,
        start=monday(1),
        due=monday(2) + timedelta(days=4),
        effort_hours=20,
    )
    after = weekly_free_hours([world.member])[world.member.pk]
    assert before - after == pytest.approx(5.0)


def test_stretch_assignments_offer_own_and_unassigned_steps_the_viewer_sees(world):
    own = step(world.own, "Own", assignee=world.member)
    open_one = step(world.own, "Unassigned")
    step(world.own, "Peer's", assignee=world.peer)
    step(world.other, "Sales", assignee=None)
    found = set(steps_for(role_facts_for_person(world.coordinator), world.member))
    assert found == {own, open_one}
