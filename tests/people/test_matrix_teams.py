"""A parent department's skills matrix includes the people of its teams, and a person without a
role profile reads "no profile" in the gaps column instead of a green 0 (in both languages)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from deptcoord.people import services
from tests.factories import client_for
from tests.people.helpers import actor

LANGUAGES = ["en", "vi"]


def _page(person, language, department) -> str:
    person.language = language
    person.save(update_fields=["language"])
    response = client_for(person).get(reverse("people:matrix"), {"department": department.pk})
    assert response.status_code == 200
    return response.content.decode()


def _row(page: str, name: str) -> str:
    """The matrix row (its <tr>) of the person."""
    for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S):
        if f">{name}</a>" in row:
            return row
    raise AssertionError(f"no row for {name}")


def _translated(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_parent_departments_matrix_shows_its_teams_people(world, catalogue, language):
    services.assessment_create(
        actor=actor(world.head), person=world.team_member, skill=catalogue.seo, level=3
    )
    page = _page(world.head, language, world.own)
    row = _row(page, world.team_member.full_name)
    assert (world.team.name_vi if language == "vi" else world.team.name_en) in row
    assert "heat-3" in row
    assert _translated(language, "No skills assessed here yet.") not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_without_a_role_profile_has_no_profile_not_zero_gaps(world, catalogue, language):
    services.assessment_create(
        actor=actor(world.head), person=world.peer, skill=catalogue.seo, level=2
    )
    services.assessment_create(
        actor=actor(world.head), person=world.member, skill=catalogue.seo, level=4
    )
    services.assessment_create(
        actor=actor(world.head), person=world.member, skill=catalogue.ads, level=3
    )
    page = _page(world.head, language, world.own)
    gaps = r'<td data-testid="gap-count">(.*?)</td>'
    peer = re.search(gaps, _row(page, world.peer.full_name)).group(1)
    assert _translated(language, "No profile") in peer
    assert "text-bg-success" not in peer
    member = re.search(gaps, _row(page, world.member.full_name)).group(1)
    assert 'text-bg-success">0<' in member  # the member holds the profile and meets it


def test_a_teams_own_matrix_leaves_the_parents_people_out(world, catalogue):
    services.assessment_create(
        actor=actor(world.head), person=world.team_member, skill=catalogue.seo, level=3
    )
    services.assessment_create(
        actor=actor(world.head), person=world.member, skill=catalogue.seo, level=4
    )
    page = _page(world.head, "en", world.team)
    assert f">{world.team_member.full_name}</a>" in page
    assert f">{world.member.full_name}</a>" not in page
