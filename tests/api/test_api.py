"""The JSON API: tokens, versions over HTTP, clear errors, pagination and filters."""

import json

import pytest
from django.test import Client

from deptcoord.api.models import AccessToken
from deptcoord.api.services import token_create, token_revoke
from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from tests.factories import client_for


def bearer(person) -> Client:
    """A client that authenticates with a fresh personal access token."""
    _token, raw = token_create(
        actor=Actor(person=person, facts=role_facts_for_person(person)), name="tests"
    )
    return Client(headers={"Authorization": f"Bearer {raw}"})


def send(client, method, path, body=None, **headers):
    """A JSON request."""
    return client.generic(
        method,
        path,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
    )


def test_token_is_stored_hashed_and_shown_once(world):
    actor = Actor(person=world.member, facts=role_facts_for_person(world.member))
    token, raw = token_create(actor=actor, name="sales sync")
    stored = AccessToken.objects.get(pk=token.pk)
    assert raw.startswith("dc_") and raw not in stored.token_hash and stored.prefix == raw[:10]
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/me").json()["email"] == world.member.email
    token_revoke(actor=actor, token_id=token.pk)
    assert client.get("/api/v1/me").status_code == 401


def test_token_of_a_deactivated_person_stops_working(world):
    client = bearer(world.peer)
    world.peer.is_active = False
    world.peer.save()
    assert client.get("/api/v1/me").status_code == 401


def test_etag_and_if_match(world):
    client = bearer(world.head)
    path = f"/api/v1/departments/{world.own.pk}"
    response = client.get(path)
    assert response["ETag"] == '"1"'
    updated = send(client, "PATCH", path, {"description": "Launch"}, **{"If-Match": '"1"'})
    assert updated.status_code == 200 and updated["ETag"] == '"2"'
    stale = send(client, "PATCH", path, {"description": "Overwrite"}, **{"If-Match": '"1"'})
    assert stale.status_code == 412
    conflict = send(client, "PATCH", path, {"description": "Overwrite", "version": 1})
    assert conflict.status_code == 409
    assert "Reload" in conflict.json()["detail"]
    world.own.refresh_from_db()
    assert (world.own.description, world.own.version) == ("Launch", 2)


def test_an_update_that_names_no_version_is_refused_and_changes_nothing(world):
    client = bearer(world.head)
    path = f"/api/v1/departments/{world.own.pk}"
    blind = send(client, "PATCH", path, {"description": "Blind"})
    assert blind.status_code == 428
    assert "If-Match" in blind.json()["detail"]
    # Someone who may not change the department still hears "forbidden", not "send a version".
    assert send(bearer(world.member), "PATCH", path, {"description": "Blind"}).status_code == 403
    explicit = send(client, "PATCH", path, {"description": "Any version"}, **{"If-Match": "*"})
    assert explicit.status_code == 200
    world.own.refresh_from_db()
    assert (world.own.description, world.own.version) == ("Any version", 2)


def test_a_change_between_the_if_match_check_and_the_write_is_a_412(world, monkeypatch):
    """The endpoint checks If-Match on the record it read; the service checks again under the
    row lock. Another writer's change in between is answered 412, as a stale If-Match."""
    from deptcoord.org import api as org_api
    from deptcoord.org.models import Department

    read = org_api._department

    def read_then_someone_else_writes(request, pk):
        department = read(request, pk)
        Department.objects.filter(pk=pk).update(description="Theirs", version=2)
        return department

    monkeypatch.setattr(org_api, "_department", read_then_someone_else_writes)
    path = f"/api/v1/departments/{world.own.pk}"
    raced = send(bearer(world.head), "PATCH", path, {"description": "Mine"}, **{"If-Match": '"1"'})
    assert raced.status_code == 412
    world.own.refresh_from_db()
    assert world.own.description == "Theirs"


def test_bad_input_names_the_field_in_the_callers_language(world):
    client = bearer(world.hr)
    response = send(
        client,
        "POST",
        "/api/v1/people",
        {"full_name": "Lê Văn Tám", "email": world.peer.email, "weekly_capacity_hours": "200"},
        **{"Accept-Language": "vi"},
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"email", "weekly_capacity_hours"}


def test_schema_errors_are_422_with_fields(world):
    response = send(
        bearer(world.admin),
        "POST",
        "/api/v1/time-off",
        {"person_id": world.peer.pk, "start_date": "not a date", "end_date": "2027-01-01"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "payload.start_date"


def test_pagination_and_filters(world):
    client = bearer(world.admin)
    page = client.get("/api/v1/people?limit=2&offset=0").json()
    assert page["count"] > 2 and len(page["items"]) == 2
    mkt = client.get(f"/api/v1/people?department_id={world.own.pk}").json()
    assert {item["full_name"] for item in mkt["items"]} == {"Head", "Coordinator", "Member", "Peer"}
    coordinators = client.get("/api/v1/people?role=coordinator").json()
    assert {item["full_name"] for item in coordinators["items"]} == {
        "Coordinator",
        "Other coordinator",
    }


def test_guest_lists_only_themselves(world):
    people = bearer(world.guest).get("/api/v1/people").json()
    assert [item["full_name"] for item in people["items"]] == ["Guest"]


def test_hidden_and_missing_records_answer_alike(world):
    client = bearer(world.guest)
    hidden = client.get(f"/api/v1/people/{world.peer.pk}")
    missing = client.get("/api/v1/people/999999")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())
    assert AuditEntry.objects.filter(action="access.denied", actor_id=world.guest.pk).exists()


def test_session_writes_need_csrf(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin.user)
    response = send(
        client, "POST", "/api/v1/departments", {"code": "X", "name_en": "X", "name_vi": "X"}
    )
    assert response.status_code == 403


def test_openapi_schema_and_docs(world):
    client = client_for(world.member)
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"swagger-ui-bundle.js" in docs.content


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_refused_writes_change_nothing(world, method):
    client = bearer(world.member)
    before = AuditEntry.objects.exclude(kind="security").count()
    response = send(
        client,
        method,
        f"/api/v1/departments/{world.own.pk}",
        {"name_en": "Hacked"} if method == "PATCH" else None,
    )
    assert response.status_code == 403
    world.own.refresh_from_db()
    assert world.own.name_en == "Marketing" and world.own.is_active
    assert AuditEntry.objects.exclude(kind="security").count() == before
