"""The sign-in page does not offer a sign-up that is closed; the menu leads to the people area
(skills, feedback, 1:1s, recognition) for everyone who has a page there."""

import pytest
from django.test import Client

from tests.factories import UserFactory, client_for

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_does_not_offer_a_closed_sign_up():
    page = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "/accounts/signup/" not in page
    assert "Tài khoản được cấp theo lời mời" in page
    assert 'name="password"' in page


def test_the_sign_in_page_offers_sign_up_when_it_is_open(monkeypatch):
    monkeypatch.setattr(
        "deptcoord.org.auth_adapter.InvitationOnlyAdapter.is_open_for_signup",
        lambda self, request: True,
    )
    page = Client().get("/accounts/login/").content.decode()
    assert 'href="/accounts/signup/"' in page


@pytest.mark.parametrize("role", ["member", "guest", "hr", "head"])
def test_the_menu_leads_to_the_people_area(world, role):
    client = client_for(world.person(role))
    page = client.get("/").content.decode()
    assert 'href="/people/"' in page
    own_page = client.get("/people/", follow=True)
    assert own_page.status_code == 200
    assert "Skills matrix" in own_page.content.decode()
    assert 'class="nav-link active" href="/people/" aria-current="page"' in (
        own_page.content.decode()
    )


def test_without_a_page_in_the_directory_the_people_area_is_not_offered():
    client = Client()
    client.force_login(UserFactory())
    page = client.get("/").content.decode()
    assert 'href="/people/"' not in page
