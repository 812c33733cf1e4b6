"""The records API: notes with ETags, documents sent base64-encoded, search and activity."""

import base64
import json

from deptcoord.records.models import Document, Note
from tests.factories import client_for
from tests.records.helpers import counts, note


def send(client, method, path, body=None, **headers):
    return client.generic(
        method, path, json.dumps(body) if body is not None else "", "application/json", **headers
    )


def test_notes_round_trip_with_etag_and_if_match(world):
    client = client_for(world.coordinator)
    created = send(
        client,
        "POST",
        "/api/v1/notes",
        {
            "department_id": world.own.pk,
            "title": "Kế hoạch",
            "tags": ["Launch"],
            "links": [{"kind": "person", "target_id": world.peer.pk}],
        },
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert created.json()["tags"] == ["launch"]
    read = client.get(f"/api/v1/notes/{pk}")
    assert read["ETag"] == '"1"'
    links = client.get(f"/api/v1/notes/{pk}/links").json()
    assert [link["name"] for link in links] == ["Peer"]
    stale = send(client, "PATCH", f"/api/v1/notes/{pk}", {"title": "x"}, HTTP_IF_MATCH='"7"')
    assert stale.status_code == 412
    changed = send(client, "PATCH", f"/api/v1/notes/{pk}", {"is_pinned": True}, HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    assert Note.objects.get(pk=pk).is_pinned


def test_a_bad_note_is_refused_with_the_field_named(world):
    before = counts()
    response = send(
        client_for(world.member),
        "POST",
        "/api/v1/notes",
        {"department_id": world.own.pk, "title": "  "},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "title", "message": "Give the note a title."}]
    assert counts() == before


def test_documents_are_uploaded_base64_and_checked(world):
    client = client_for(world.coordinator)
    body = {
        "department_id": world.own.pk,
        "title": "Program",
        "filename": "setup.txt",
        "content_base64": base64.b64encode(b"MZ\x00\x00binary").decode(),
    }
    before = counts()
    refused = send(client, "POST", "/api/v1/documents", body)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "file"
    assert counts() == before
    body.update(filename="faq.txt", content_base64=base64.b64encode("Bảo hành".encode()).decode())
    created = send(client, "POST", "/api/v1/documents", body)
    assert created.status_code == 201
    download = client.get(created.json()["current"]["download_url"])
    assert b"".join(download.streaming_content) == "Bảo hành".encode()
    assert Document.objects.get().current.text == "Bảo hành"


def test_search_returns_highlights_and_refuses_punctuation(world):
    note(world.coordinator, world.own, title="Kế hoạch ra mắt")
    client = client_for(world.member)
    result = client.get("/api/v1/search?q=ke+hoach").json()
    assert result["total"] == 1 and result["counts"] == {"note": 1}
    assert result["results"][0]["highlights"] == ["Kế", "hoạch"]
    refused = client.get("/api/v1/search?q=%3F%3F%3F")
    assert refused.status_code == 422
    assert "punctuation alone finds nothing" in refused.json()["detail"]
    assert client.get("/api/v1/search?q=ke+hoach", HTTP_ACCEPT_LANGUAGE="en").status_code == 200


def test_activity_lists_changed_fields(world):
    written = note(world.coordinator, world.own, title="Brief")
    client = client_for(world.coordinator)
    send(client, "PATCH", f"/api/v1/notes/{written.pk}", {"body": "New text", "version": 1})
    items = client.get(f"/api/v1/departments/{world.own.pk}/activity").json()["items"]
    assert items[0]["changed_fields"] == ["body"] and items[0]["actor"] == "Coordinator"


def test_a_document_near_the_size_limit_goes_through_the_api_and_its_answer_is_private(world):
    content = b"warranty terms\n" * (19 * 1024 * 1024 // 15)  # 19 MB, under the 20 MB limit
    body = {
        "department_id": world.own.pk,
        "title": "Warranty handbook",
        "filename": "warranty.txt",
        "content_base64": base64.b64encode(content).decode(),
    }
    created = send(client_for(world.coordinator), "POST", "/api/v1/documents", body)
    assert created.status_code == 201, created.content[:200]
    assert Document.objects.get().current.size == len(content)
    assert "private" in created["Cache-Control"] and "no-store" in created["Cache-Control"]
