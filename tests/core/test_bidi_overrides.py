"""Invisible direction overrides (U+202A–U+202E, U+2066–U+2069) cannot disguise a name or a
title: forms, the API, imports and searches drop them as the text arrives."""

import io
import json

import pytest
from django.urls import reverse

from deptcoord.core.bounds import strip_control
from deptcoord.core.models import ImportUpload
from deptcoord.org.models import Person
from deptcoord.records.models import Note
from tests.factories import client_for

pytestmark = pytest.mark.django_db

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
EVERY_OVERRIDE = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def test_every_override_is_dropped_and_nothing_else():
    assert (
        strip_control(f"Trần{EVERY_OVERRIDE} Văn\u200b Hùng\u200f") == "Trần Văn\u200b Hùng\u200f"
    )


def test_a_name_typed_in_the_person_form_is_kept_without_overrides(world):
    client = client_for(world.admin)
    response = client.post(
        reverse("org:person_create"),
        {
            "full_name": f"Nguyễn {RLO}naL{PDF} Thị",
            "email": "lan@example.com",
            "title_en": f"{LRI}Designer{PDI}",
            "timezone": "Asia/Ho_Chi_Minh",
            "language": "",
            "weekly_capacity_hours": "40",
            "work_start": "08:30",
            "work_end": "17:30",
            "working_weekdays": ["1", "2", "3", "4", "5"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = Person.objects.get(email="lan@example.com")
    assert (person.full_name, person.title_en) == ("Nguyễn naL Thị", "Designer")


def test_a_note_title_typed_in_a_form_is_kept_without_overrides(world):
    client = client_for(world.coordinator)
    response = client.post(
        reverse("records:note_create", args=[world.own.pk]),
        {"department": world.own.pk, "title": f"Plan {RLO}B", "body": f"line {LRI}one{PDI}"},
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.title, note.body) == ("Plan B", "line one")


def test_a_name_sent_to_the_api_is_kept_without_overrides(world):
    client = client_for(world.admin)
    body = {"full_name": f"Trần {RLO}gnùH{PDF}", "email": "hung@example.com"}
    response = client.post("/api/v1/people", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["full_name"] == "Trần gnùH"
    assert Person.objects.get(email="hung@example.com").full_name == "Trần gnùH"


def test_a_name_in_an_imported_file_is_kept_without_overrides(world):
    content = (
        "email,full_name,title_en,department_code,role\n"
        f"lan.nguyen@example.com,Nguyễn Thị {RLO}naL,Designer{PDF},MKT,member\n"
    ).encode()
    client = client_for(world.hr)
    file = io.BytesIO(content)
    file.name = "people.csv"
    client.post(reverse("org:import", kwargs={"kind": "people"}), {"file": file})
    upload = ImportUpload.objects.get()
    client.post(reverse("org:import_confirm", kwargs={"upload_id": upload.pk}))
    person = Person.objects.get(email="lan.nguyen@example.com")
    assert (person.full_name, person.title_en) == ("Nguyễn Thị naL", "Designer")


def test_a_search_with_an_override_finds_what_it_finds_without(world):
    client = client_for(world.coordinator)
    page = client.get(reverse("org:people"), {"q": f"Coord{RLO}inator"})
    assert page.status_code == 200
    assert page.wsgi_request.GET["q"] == "Coordinator"
