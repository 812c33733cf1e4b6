"""Personal access tokens that expire and tokens that may only read, through the service, the
API and the settings page."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from deptcoord.api.models import AccessToken
from deptcoord.api.services import token_create
from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records.models import Note
from tests.factories import client_for


def _actor(person) -> Actor:
    return Actor(person=person, facts=role_facts_for_person(person))


def _client(raw: str, **headers) -> Client:
    return Client(headers={"Authorization": f"Bearer {raw}", **headers})


def _send(client, method, path, body=None):
    return client.generic(
        method, path, data=json.dumps(body or {}), content_type="application/json"
    )


def test_a_new_token_lasts_90_days_unless_another_expiry_is_chosen(world):
    now = timezone.now()
    default, _raw = token_create(actor=_actor(world.member), name="default")
    month, _raw = token_create(actor=_actor(world.member), name="month", expiry="30")
    year, _raw = token_create(actor=_actor(world.member), name="year", expiry="365")
    forever, _raw = token_create(actor=_actor(world.member), name="forever", expiry="never")
    assert timedelta(days=89) < default.expires_at - now <= timedelta(days=90, minutes=1)
    assert timedelta(days=29) < month.expires_at - now <= timedelta(days=30, minutes=1)
    assert timedelta(days=364) < year.expires_at - now <= timedelta(days=365, minutes=1)
    assert forever.expires_at is None
    entry = AuditEntry.objects.filter(action="api.token.create", target_id=str(year.pk)).get()
    assert entry.changes["read_only"] is False and entry.changes["expires_at"]


def test_an_unknown_expiry_is_refused_and_creates_nothing(world):
    with pytest.raises(ValidationError) as raised:
        token_create(actor=_actor(world.member), name="odd", expiry="7")
    assert "expiry" in raised.value.message_dict
    assert not AccessToken.objects.filter(person=world.member).exists()


def test_an_expired_token_answers_401_saying_it_expired(world):
    token, raw = token_create(actor=_actor(world.member), name="old", expiry="30")
    assert _client(raw).get("/api/v1/people").status_code == 200
    AccessToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    response = _client(raw).get("/api/v1/people")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
    unknown = _client("dc_nonsense").get("/api/v1/people")
    assert unknown.status_code == 401 and "expired" not in unknown.json()["detail"]


def test_an_expired_token_is_refused_in_its_owners_language(world):
    world.member.language = "vi"
    world.member.save(update_fields=["language"])
    token, raw = token_create(actor=_actor(world.member), name="old")
    AccessToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    response = _client(raw).get("/api/v1/people")
    assert response.status_code == 401 and "hết hạn" in response.json()["detail"]


def test_a_token_without_expiry_keeps_working(world):
    token, raw = token_create(actor=_actor(world.member), name="forever", expiry="never")
    assert _client(raw).get("/api/v1/people").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/notes"),
        ("PATCH", "/api/v1/notes/{note}"),
        ("DELETE", "/api/v1/notes/{note}"),
        ("PUT", "/api/v1/notifications/settings"),
    ],
)
def test_a_read_only_token_reads_but_every_write_is_refused(world, method, path):
    _token, raw = token_create(actor=_actor(world.member), name="reader", read_only=True)
    note = Note.objects.create(department=world.own, author=world.member, title="Kept")
    client = _client(raw)
    assert client.get(f"/api/v1/notes/{note.pk}").status_code == 200
    body = {"department_id": world.own.pk, "title": "New", "version": note.version}
    response = _send(client, method, path.format(note=note.pk), body)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    note.refresh_from_db()
    assert note.title == "Kept" and Note.objects.count() == 1
    assert AuditEntry.objects.filter(action="access.denied", actor_id=world.member.pk).exists()


def test_a_read_only_refusal_speaks_the_users_language(world):
    world.member.language = "vi"
    world.member.save(update_fields=["language"])
    _token, raw = token_create(actor=_actor(world.member), name="reader", read_only=True)
    response = _send(_client(raw), "POST", "/api/v1/notes", {"title": "x"})
    assert response.status_code == 403 and "chỉ được đọc" in response.json()["detail"]


def test_a_write_token_still_writes(world):
    _token, raw = token_create(actor=_actor(world.member), name="writer")
    body = {"department_id": world.own.pk, "title": "From a script"}
    response = _send(_client(raw), "POST", "/api/v1/notes", body)
    assert response.status_code == 201


def test_the_settings_page_creates_a_read_only_token_with_the_chosen_expiry(world):
    client = client_for(world.member)
    client.post(
        reverse("token_create"), {"name": "report reader", "expiry": "365", "access": "read"}
    )
    token = AccessToken.objects.get(person=world.member)
    assert token.read_only
    assert token.expires_at - timezone.now() > timedelta(days=364)


def test_the_settings_page_refuses_an_unknown_expiry(world):
    client = client_for(world.member)
    page = client.post(
        reverse("token_create"), {"name": "x", "expiry": "5000"}, follow=True
    ).content.decode()
    assert "Choose how long the token stays valid" in page
    assert not AccessToken.objects.filter(person=world.member).exists()


def test_the_token_list_shows_scope_expiry_and_expired_tokens(world):
    actor = _actor(world.member)
    token_create(actor=actor, name="forever", expiry="never")
    old, _raw = token_create(actor=actor, name="old", read_only=True)
    AccessToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=2))
    page = client_for(world.member).get(reverse("profile")).content.decode()
    rows = {row.split("</td>")[0]: row for row in page.split("<tr>\n          <td>")[1:]}
    assert "Read only" in rows["old"] and "Expired" in rows["old"]
    assert "Read and write" in rows["forever"] and "Never" in rows["forever"]
    assert '<option value="90" selected>90 days</option>' in page


def test_the_token_list_speaks_vietnamese(world):
    world.member.language = "vi"
    world.member.save(update_fields=["language"])
    token_create(actor=_actor(world.member), name="reader", read_only=True, expiry="never")
    page = client_for(world.member).get(reverse("profile")).content.decode()
    row = page.split("<tr>\n          <td>reader</td>")[1].split("</tr>")[0]
    assert "Chỉ đọc" in row and "Không hết hạn" in row


def test_the_bearer_placeholder_is_shown_not_swallowed(world):
    page = client_for(world.member).get(reverse("profile")).content.decode()
    assert "Authorization: Bearer &lt;token&gt;”" in page
    assert "Bearer <token>" not in page


def _vietnamese(person):
    person.language = "vi"
    person.save(update_fields=["language"])
    return token_create(actor=_actor(person), name="script")[1]


def test_a_vietnamese_users_token_calls_are_answered_in_vietnamese(world):
    client = _client(_vietnamese(world.member))
    missing = client.get("/api/v1/notes/999999")
    assert missing.status_code == 404 and missing.json()["detail"] == "Không tìm thấy."
    assert missing["Content-Language"] == "vi"
    refused = client.get("/api/v1/search", {"q": "?!"})
    assert refused.status_code == 422 and "Hãy nhập" in refused.json()["detail"]


def test_accept_language_overrides_the_users_language_on_token_calls(world):
    client = _client(_vietnamese(world.member), **{"Accept-Language": "en"})
    missing = client.get("/api/v1/notes/999999")
    assert missing.status_code == 404 and missing.json()["detail"] == "Not found."
    refused = client.get("/api/v1/search", {"q": "?!"})
    assert refused.status_code == 422 and refused.json()["detail"].startswith("Type at least")


def test_an_english_users_token_asking_for_vietnamese_gets_vietnamese(world):
    _token, raw = token_create(actor=_actor(world.member), name="script")
    missing = _client(raw, **{"Accept-Language": "vi"}).get("/api/v1/notes/999999")
    assert missing.json()["detail"] == "Không tìm thấy."
