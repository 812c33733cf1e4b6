"""Personal access tokens on the settings page: listed, created once, revoked."""

from django.test import Client
from django.urls import reverse

from deptcoord.api.models import AccessToken
from tests.factories import client_for


def test_personal_token_is_shown_once(world):
    client = client_for(world.member)
    client.post(reverse("token_create"), {"name": "sales sync"})
    first = client.get(reverse("profile")).content.decode()
    second = client.get(reverse("profile")).content.decode()
    assert "dc_" in first.split("new-token")[1][:200]
    assert 'id="new-token"' not in second


def test_settings_page_lists_tokens_and_revokes_one(world):
    client = client_for(world.member)
    client.post(reverse("token_create"), {"name": "sales sync"})
    token = AccessToken.objects.get(person=world.member)
    page = client.get(reverse("profile")).content.decode()
    assert "sales sync" in page and reverse("token_revoke", args=[token.pk]) in page
    response = client.post(reverse("token_revoke", args=[token.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("profile")
    token.refresh_from_db()
    assert token.revoked_at is not None
    after = client.get(reverse("profile")).content.decode()
    assert "Revoked" in after and reverse("token_revoke", args=[token.pk]) not in after


def test_a_nameless_token_is_refused_with_a_message(world):
    client = client_for(world.member)
    page = client.post(reverse("token_create"), {"name": "  "}, follow=True).content.decode()
    assert "Give the token a name" in page
    assert not AccessToken.objects.filter(person=world.member).exists()


def test_another_persons_token_cannot_be_revoked(world):
    client_for(world.peer).post(reverse("token_create"), {"name": "peer's"})
    token = AccessToken.objects.get(person=world.peer)
    response = client_for(world.admin).post(reverse("token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_pages_keep_their_addresses(world):
    assert reverse("token_create") == "/me/tokens/"
    assert reverse("token_revoke", args=[7]) == "/me/tokens/7/revoke/"
    assert Client().post("/me/tokens/").status_code == 302  # to the sign-in page
