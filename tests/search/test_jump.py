"""The "go to" palette finds goals, projects, steps, meetings and people by name, accents
aside, only among what the viewer may open, at most twenty, in one query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.search.indexing import rebuild_index
from tests.factories import client_for, member
from tests.goals.helpers import goal
from tests.records.helpers import note
from tests.work.helpers import project


def jump(person, query) -> list[dict]:
    response = client_for(person).get(reverse("records:jump"), {"q": query})
    assert response.status_code == 200
    return response.json()["results"]


def test_tuan_finds_tuan_and_ra_mat_finds_the_project(world):
    tuan = member(world.own, full_name="Ngô Đức Tuấn")
    launch = project(world, code="SMH", title_en="SM Home launch", title_vi="Ra mắt SM Home")
    rebuild_index()
    people = jump(world.member, "tuan")
    assert [(row["title"], row["kind"]) for row in people] == [("Ngô Đức Tuấn", "Person")]
    assert people[0]["url"] == reverse("org:person_detail", kwargs={"pk": tuan.pk})
    projects = jump(world.member, "ra mat sm")
    assert projects[0]["url"] == reverse("work:project", kwargs={"pk": launch.pk})


def test_a_private_goal_is_offered_to_its_owner_only_and_notes_never(world):
    goal(world.other_coordinator, department=world.other, title_en="Price talks", private=True)
    note(world.coordinator, world.own, title="Price talks minutes")
    rebuild_index()
    assert jump(world.member, "price talks") == []
    assert [row["kind"] for row in jump(world.other_coordinator, "price talks")] == ["Goal"]


def test_at_most_twenty_in_one_query_however_many_match(world):
    for number in range(25):
        member(world.own, full_name=f"Nguyễn Thị Lan {number}")
    rebuild_index()
    client = client_for(world.member)
    client.get(reverse("today"))  # the session and the person are read once and cached
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("records:jump"), {"q": "lan 1"})
    with CaptureQueriesContext(connection) as many:
        found = client.get(reverse("records:jump"), {"q": "lan"}).json()["results"]
    assert len(found) == 20 and len(many) == len(few)
    assert jump(world.member, "   ") == [] and jump(world.member, "!!") == []
