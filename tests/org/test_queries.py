"""List pages run a fixed number of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.org.models import Department, Membership, Person
from tests.factories import client_for


def grow(world, departments: int, people: int) -> None:
    """Add departments (each with a head) and people to the standard company, in bulk."""
    start = Department.objects.count()
    new_departments = Department.objects.bulk_create(
        Department(
            code=f"G{start + n}",
            name_en=f"Team {start + n}",
            name_vi=f"Nhóm {start + n}",
            parent=world.own,
        )
        for n in range(departments)
    )
    start = Person.objects.count()
    homes = [*new_departments, *([world.own] * people)]
    new_people = Person.objects.bulk_create(
        Person(
            full_name=f"Trần Thị {start + n}",
            email=f"bulk{start + n}@example.com",
            primary_department=home,
        )
        for n, home in enumerate(homes)
    )
    Membership.objects.bulk_create(
        Membership(
            person=person,
            department=home,
            role="head" if index < len(new_departments) else "member",
        )
        for index, (person, home) in enumerate(zip(new_people, homes, strict=True))
    )


def queries(client, url) -> int:
    """How many SQL queries one request runs."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


PAGES = [
    ("org:tree", {}, ""),
    ("org:people", {}, ""),
    ("org:people", {}, "?q=a&sort=-department"),
    ("org:department_detail", {"pk": "own"}, ""),
    ("today", {}, "?refresh=1"),  # computed each time (the rows here bypass the services)
]


@pytest.mark.parametrize(("name", "kwargs", "query"), PAGES)
@pytest.mark.parametrize("role", ["admin", "coordinator", "member"])
def test_query_count_does_not_grow_with_rows(world, name, kwargs, query, role):
    kwargs = {key: getattr(world, value).pk for key, value in kwargs.items()}
    url = reverse(name, kwargs=kwargs) + query
    client = client_for(world.person(role))
    client.get(url)  # warm the per-process caches (content types, holidays)
    grow(world, departments=10, people=10)
    small = queries(client, url)
    grow(world, departments=490, people=490)
    large = queries(client, url)
    assert small == large, f"{url}: {small} queries with 20 rows, {large} with 1,000"


def test_api_lists_have_fixed_query_counts(world):
    client = client_for(world.admin)
    grow(world, departments=10, people=10)
    small = [
        queries(client, url)
        for url in (
            "/api/v1/people",
            "/api/v1/departments",
            "/api/v1/memberships",
            "/api/v1/time-off",
        )
    ]
    grow(world, departments=490, people=490)
    large = [
        queries(client, url)
        for url in (
            "/api/v1/people",
            "/api/v1/departments",
            "/api/v1/memberships",
            "/api/v1/time-off",
        )
    ]
    assert small == large
