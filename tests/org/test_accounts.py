"""Signing in: password reset by e-mail, two-factor with an authenticator app, single sign-on."""

import re

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp
from django.test import TestCase

from tests.factories import PASSWORD


def sign_in(client, person, password=PASSWORD):
    """Sign in through the real form."""
    return client.post("/accounts/login/", {"login": person.email, "password": password})


def test_password_reset_by_email(world, client, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": world.member.email})
    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/password/reset/key/[^\s]+", mailoutbox[0].body)
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else "/" + path,
        {"password1": "a brand new pass phrase 7", "password2": "a brand new pass phrase 7"},
    )
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, world.member, "a brand new pass phrase 7").status_code == 302


def test_public_sign_up_is_closed(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert b"Sign Up Closed" in response.content or b"closed" in response.content.lower()


def test_two_factor_with_an_authenticator_app(world, client):
    assert sign_in(client, world.member).status_code == 302
    page = client.get("/accounts/2fa/totp/activate/")
    if page.status_code == 302:  # allauth asks for the password again before security changes
        assert page["Location"].startswith("/accounts/reauthenticate/")
        client.post(page["Location"], {"password": PASSWORD})
        page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    code = totp.format_hotp_value(
        totp.hotp_value(secret, next(totp.yield_hotp_counters_from_time()))
    )
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=world.member.user, type="totp").exists()
    client.logout()
    response = sign_in(client, world.member)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


def test_single_sign_on_button_when_configured(world, client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "Sao Mai SSO",
                    "client_id": "deptcoord",
                    "secret": "s",
                    "settings": {"server_url": "https://sso.example.vn"},
                }
            ]
        }
    }
    page = client.get("/accounts/login/").content.decode()
    assert "Sao Mai SSO" in page
