"""Search results mark confidential records (a note kept to the department's head and
coordinators) with the same lock badge as their own page, in both languages, and the API answer
flags them; the others carry no lock."""

import re

import pytest
from django.utils import translation

from deptcoord.org.facts import role_facts_for_person
from deptcoord.search.query import search
from tests.factories import client_for
from tests.meetings.helpers import schedule
from tests.records.helpers import note

LANGUAGES = ["en", "vi"]


@pytest.fixture
def notes(world):
    return (
        note(world.coordinator, world.own, title="Salary plan 2027", is_private=True),
        note(world.coordinator, world.own, title="Salary survey notes"),
    )


def _speaking(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return client_for(person)


def _items(page: str) -> dict[str, str]:
    """Each result's <li>, by the title it links."""
    items = re.findall(r'<li class="list-group-item py-3">.*?</li>', page, flags=re.S)
    return {re.search(r'class="fw-semibold"[^>]*>(.*?)</a>', item).group(1): item for item in items}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_private_note_carries_the_lock_badge_in_the_results(world, notes, language):
    page = _speaking(world.coordinator, language).get("/records/", {"q": "salary"})
    items = _items(page.content.decode())
    private = next(item for title, item in items.items() if "plan 2027" in title)
    public = next(item for title, item in items.items() if "survey" in title)
    with translation.override(language):
        label = translation.gettext("Head and coordinators only")
    assert "bi-lock" in private and label in private
    assert "bi-lock" not in public and label not in public


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_api_flags_confidential_results(world, notes, language):
    answer = _speaking(world.coordinator, language).get("/api/v1/search", {"q": "salary"})
    assert answer.status_code == 200
    flags = {row["id"]: row["confidential"] for row in answer.json()["results"]}
    assert flags == {notes[0].pk: True, notes[1].pk: False}


def test_a_one_on_one_is_marked_but_a_team_meeting_is_not(world):
    private = schedule(
        world.coordinator, title_en="Career talk", participants=[world.member], kind="one_on_one"
    )
    team = schedule(world.coordinator, title_en="Career fair prep", participants=[world.member])
    found = search(role_facts_for_person(world.coordinator), "career")
    marks = {item.entry.object_id: item.confidential for item in found.page.object_list}
    assert marks == {private.pk: True, team.pk: False}
