"""The skills matrix and the person page run a fixed number of queries, with 10 people as with
300 (assessed in every skill, twice)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deptcoord.org.models import Membership, Person
from deptcoord.people.models import Assessment, PersonProfile
from deptcoord.people.views.skills import MATRIX_PEOPLE_PER_PAGE
from tests.factories import client_for


def grow(world, catalogue, people: int) -> None:
    """Add people to Marketing in bulk, each holding the role profile and assessed twice."""
    first = Person.objects.count()
    made = Person.objects.bulk_create(
        Person(
            full_name=f"Nhân viên {index}",
            email=f"p{index}@example.com",
            primary_department=world.own,
        )
        for index in range(first, first + people)
    )
    Membership.objects.bulk_create(
        Membership(person=person, department=world.own, role="member") for person in made
    )
    PersonProfile.objects.bulk_create(
        PersonProfile(person=person, role_profile=catalogue.profile) for person in made
    )
    today = timezone.localdate()
    Assessment.objects.bulk_create(
        Assessment(person=person, skill=skill, level=(index + turn) % 6, kind=kind, day=today)
        for index, person in enumerate(made)
        for skill in (catalogue.seo, catalogue.ads)
        for turn, kind in enumerate(("self", "coordinator"))
    )


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name", ["people:matrix", "people:matrix_export", "people:person", "people:person_skills"]
)
def test_queries_do_not_grow_with_people(world, catalogue, url_name):
    client = client_for(world.coordinator)
    kwargs = {"file_format": "xlsx"} if url_name == "people:matrix_export" else {}
    if url_name in ("people:person", "people:person_skills"):
        kwargs = {"pk": world.member.pk}
    url = reverse(url_name, kwargs=kwargs)
    grow(world, catalogue, 10)
    small = count(client, url)
    grow(world, catalogue, 290)
    assert count(client, url) == small


def test_the_matrix_marks_gaps_and_strengths(world, catalogue):
    grow(world, catalogue, 10)
    page = client_for(world.coordinator).get(reverse("people:matrix")).content.decode()
    assert page.count("is-gap") > 0 and "is-strength" in page
    # the ten, the head, coordinator, member and peer, and the member of Marketing's team
    assert page.count('scope="row"') == 15


def add_feedback_and_plans(world, count: int) -> None:
    """Public praise for the member and development plans (with an action each), in bulk."""
    from deptcoord.people.models import DevelopmentAction, DevelopmentPlan, Feedback

    today = timezone.localdate()
    Feedback.objects.bulk_create(
        Feedback(
            kind="praise",
            visibility="public",
            subject=world.member,
            author=world.peer,
            body=f"Thanks {index}",
        )
        for index in range(count)
    )
    plans = DevelopmentPlan.objects.bulk_create(
        DevelopmentPlan(person=world.member, period_start=today, period_end=today, goal=f"G{index}")
        for index in range(count)
    )
    DevelopmentAction.objects.bulk_create(
        DevelopmentAction(
            plan=plan, kind="mentoring", title="Pairing", mentor=world.peer, due=today
        )
        for plan in plans
    )


@pytest.mark.parametrize(
    "url_name", ["people:feedback", "people:plans", "people:wall", "people:one_on_ones"]
)
def test_list_queries_do_not_grow(world, catalogue, url_name):
    client = client_for(world.coordinator)
    url = reverse(url_name)
    add_feedback_and_plans(world, 10)
    small = count(client, url + "?status=all")
    add_feedback_and_plans(world, 290)
    assert count(client, url + "?status=all") == small


@pytest.mark.parametrize(
    "url_name",
    [
        "people:feedback_export",
        "people:plans_export",
        "people:wall_export",
        "people:one_on_ones_export",
    ],
)
def test_export_queries_do_not_grow(world, catalogue, url_name):
    client = client_for(world.coordinator)
    url = reverse(url_name, kwargs={"file_format": "csv"}) + "?status=all"
    add_feedback_and_plans(world, 10)
    small = count(client, url)
    add_feedback_and_plans(world, 290)
    assert count(client, url) == small


def test_the_matrix_shows_fifty_people_a_page_and_counts_the_whole_departments_gaps(
    world, catalogue
):
    grow(world, catalogue, 10)
    client = client_for(world.coordinator)
    url = reverse("people:matrix")
    few = client.get(url).content.decode()
    lead = few[few.index('<p class="lead">') :].split("</p>", 1)[0]
    grow(world, catalogue, MATRIX_PEOPLE_PER_PAGE - 10)  # 55 rows with the department's own
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert first.count('scope="row"') == MATRIX_PEOPLE_PER_PAGE
    assert second.count('scope="row"') == 5 and "?page=2" in first
    assert second.count("is-gap") > 0
    more = first[first.index('<p class="lead">') :].split("</p>", 1)[0]
    assert more != lead  # gaps of all 55 people, the second page's too
    assert more == second[second.index('<p class="lead">') :].split("</p>", 1)[0]
