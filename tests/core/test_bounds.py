"""Dates between 1900 and 2200, text without control characters: refused at every input with a
message naming the field, and what was stored before the rule still reads and exports."""

import io
import json
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.core.bounds import CONTROL_CHARACTERS, DATE_OUT_OF_RANGE, add_days
from deptcoord.records.models import Note
from deptcoord.work.models import Step
from tests.factories import client_for
from tests.work.helpers import project, step

pytestmark = pytest.mark.django_db

FAR = "9999-12-31"


def _json(client, method, path, body):
    return client.generic(method, path, data=json.dumps(body), content_type="application/json")


def test_add_days_stops_at_the_ends_of_the_calendar():
    assert add_days(date(9999, 12, 30), 400) == date.max
    assert add_days(date(1, 1, 2), -31) == date.min
    assert add_days(date(2026, 1, 1), 1) == date(2026, 1, 2)


def test_a_far_due_date_is_refused_on_the_step_form(world):
    client = client_for(world.coordinator)
    response = client.post(
        reverse("work:step_create"),
        {
            "title_en": "Banner",
            "department": world.own.pk,
            "due": FAR,
            "status": "todo",
            "priority": 2,
        },
    )
    assert response.status_code == 200
    assert str(DATE_OUT_OF_RANGE) in response.content.decode()
    assert not Step.objects.exists()


def test_the_date_pickers_offer_only_bounded_dates(world):
    page = client_for(world.coordinator).get(reverse("work:step_create")).content.decode()
    assert 'min="1900-01-01"' in page and 'max="2200-12-31"' in page


def test_a_far_due_date_is_refused_by_the_api_naming_the_field(world):
    client = client_for(world.coordinator)
    body = {"department_id": world.own.pk, "title_en": "Banner", "due": FAR}
    response = _json(client, "POST", "/api/v1/steps", body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {"field": "payload.due", "message": str(DATE_OUT_OF_RANGE)} in errors or any(
        error["field"].endswith("due") and error["message"] == str(DATE_OUT_OF_RANGE)
        for error in errors
    )
    assert not Step.objects.exists()


def test_a_far_date_in_a_plan_import_is_a_row_error(world):
    plan = project(world)
    rows = [{"ref": "a", "title_en": "Brief", "department": "MKT", "due": "31/12/9999"}]
    client = client_for(world.coordinator)
    checked = _json(client, "POST", f"/api/v1/projects/{plan.pk}/plan", {"rows": rows}).json()
    assert checked["saved"] is False
    assert ["due", str(DATE_OUT_OF_RANGE)] in [
        list(error) for error in checked["rows"][0]["errors"]
    ]
    assert not Step.objects.exists()


def test_pages_still_open_with_a_far_date_stored_earlier(world):
    plan = project(world)
    far = step(
        world.own, "Far away", project=plan, start=date(9999, 12, 30), due=date(9999, 12, 31)
    )
    near = step(world.own, "Soon", project=plan, due=date(2026, 12, 1))
    client = client_for(world.coordinator)
    timeline = client.get(reverse("work:project_timeline", args=[plan.pk]))
    assert timeline.status_code == 200
    assert "Soon" in timeline.content.decode()
    assert "1 step has no dates yet." in timeline.content.decode()  # the far one, without a bar
    api = client.get(f"/api/v1/projects/{plan.pk}/timeline")
    assert api.status_code == 200
    assert [row["step_id"] for row in api.json()["steps"]] == [near.pk]
    for shown in (far, near):
        response = client.get(reverse("work:step", args=[shown.pk]))
        assert response.status_code == 200 and shown.title_en in response.content.decode()


def test_a_control_character_in_a_title_is_refused_on_the_form(world):
    client = client_for(world.coordinator)
    response = client.post(
        reverse("records:note_create", args=[world.own.pk]),
        {"department": world.own.pk, "title": "Plan\x00 B", "body": "line one\n\tline two"},
    )
    assert response.status_code == 200
    assert str(CONTROL_CHARACTERS) in response.content.decode()
    assert not Note.objects.exists()


def test_tabs_and_newlines_stay_in_multi_line_text(world):
    client = client_for(world.coordinator)
    response = client.post(
        reverse("records:note_create", args=[world.own.pk]),
        {"department": world.own.pk, "title": "Plan B", "body": "line one\r\n\tline two"},
    )
    assert response.status_code == 302
    assert "\tline two" in Note.objects.get().body


@pytest.mark.parametrize("title", ["Plan\x00 B", "Plan\x07 B"])
def test_a_control_character_is_refused_by_the_api(world, title):
    client = client_for(world.coordinator)
    response = _json(
        client, "POST", "/api/v1/notes", {"department_id": world.own.pk, "title": title}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == str(CONTROL_CHARACTERS)
    assert not Note.objects.exists()


def test_a_nul_in_a_goal_title_is_refused_by_the_api(world):
    client = client_for(world.coordinator)
    body = {"title_en": "Sell\x00 more", "level": "department", "department_id": world.own.pk}
    response = _json(client, "POST", "/api/v1/goals", body)
    assert response.status_code == 422
    assert str(CONTROL_CHARACTERS) in [error["message"] for error in response.json()["errors"]]


@pytest.mark.parametrize("query", ["launch\x00", "\x00", "la\x01unch"])
def test_a_search_with_control_characters_answers(world, query):
    client = client_for(world.coordinator)
    page = client.get(reverse("records:search"), {"q": query})
    assert page.status_code == 200
    api = client.get("/api/v1/search", {"q": query})
    assert api.status_code in (200, 422)
    for name in ("work:projects", "meetings:list", "meetings:decisions", "org:people"):
        assert client.get(reverse(name), {"q": query}).status_code == 200, name


def test_an_export_drops_control_characters_stored_earlier(world):
    plan = project(world)
    step(world.own, "Bad\x01title\x1b here", project=plan, due=date(2026, 12, 1))
    client = client_for(world.coordinator)
    response = client.get(f"/work/departments/{world.own.pk}/steps.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert "Badtitle here" in [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert AuditEntry.objects.filter(action__endswith="export").exists()
