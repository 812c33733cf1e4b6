"""The goal tree, the goal list and their partials run a fixed number of queries, with ten
goals as with 1,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.goals.models import Goal, KeyResult, Standard
from tests.factories import client_for
from tests.goals.helpers import period


def grow(world, goals: int) -> None:
    """Add goals in bulk, in chains of four: a company goal, Marketing's goal under it, a
    Digital team goal under that and a personal goal at the bottom; two key results each."""
    start, end = period()
    chains = [
        ("company", None, world.executive),
        ("department", world.own, world.head),
        ("team", world.team, world.team_member),
        ("person", world.own, world.member),
    ]
    made, parents = [], [None] * (goals // 4)
    for level, department, owner in chains:  # a level at a time: the parents have their ids
        rows = Goal.objects.bulk_create(
            Goal(
                title_en=f"{level} {index}",
                level=level,
                department=department,
                owner=owner,
                parent=parent,
                period_start=start,
                period_end=end,
            )
            for index, parent in enumerate(parents)
        )
        made += rows
        parents = rows
    KeyResult.objects.bulk_create(
        KeyResult(
            goal=goal,
            title_en="KR",
            owner=world.member,
            start_value=0,
            target_value=100,
            current_value=index * 40,
            forecast_value=50.0,
        )
        for goal in made
        for index in range(2)
    )
    Standard.objects.bulk_create(
        Standard(department=world.own, title_en=f"S{n}", threshold=90, owner=world.member)
        for n in range(goals // 10)
    )


def queries(client, url) -> int:
    """How many SQL queries one request runs."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(captured)


PAGES = [
    ("goals:tree", {}, ""),
    ("goals:tree", {}, "?status=all&sort=owner"),
    ("goals:list", {}, ""),
    ("goals:list", {}, "?department=own&sort=-period"),
    ("goals:children", {"pk": "company"}, ""),
    ("goals:standards", {}, ""),
    ("goals:templates", {}, ""),
]


@pytest.mark.parametrize(("name", "kwargs", "query"), PAGES)
@pytest.mark.parametrize("role", ["admin", "coordinator", "member"])
def test_query_count_does_not_grow_with_goals(world, goals, name, kwargs, query, role):
    kwargs = {key: goals.company.pk for key in kwargs}
    url = reverse(name, kwargs=kwargs) + query.replace("own", str(world.own.pk))
    client = client_for(world.person(role))
    client.get(url)  # warm the per-process caches
    grow(world, 8)
    small = queries(client, url)
    grow(world, 992)
    large = queries(client, url)
    # with few top goals the tree opens their first level (one query more): never more
    # queries with more goals
    assert large <= small <= large + 1, f"{url}: {small} queries with 10 goals, {large} with 1,002"


API_LISTS = ["/api/v1/goals", "/api/v1/key-results", "/api/v1/standards", "/api/v1/goal-templates"]


def test_api_lists_have_fixed_query_counts(world, goals):
    client = client_for(world.coordinator)
    grow(world, 8)
    small = [queries(client, url) for url in API_LISTS]
    grow(world, 992)
    large = [queries(client, url) for url in API_LISTS]
    assert small == large
