"""The standards list downloads what its filter shows, as CSV or XLSX, with each standard's
latest measurement; only standards the viewer may see; formulas neutralised; recorded."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import SYSTEM
from deptcoord.goals import services
from deptcoord.goals.exports import STANDARD_COLUMNS
from tests.factories import client_for


def _standard(department, owner, title, **fields):
    values = {"metric": "percent", "threshold": 95, "frequency": "weekly", **fields}
    return services.standard_create(
        actor=SYSTEM, department=department, owner=owner, title_en=title, **values
    )


@pytest.fixture
def standards(world):
    """Marketing's tickets standard (breached last week), a deactivated Marketing standard, and
    Sales' own standard."""
    tickets = _standard(world.own, world.member, "Tickets answered within 24 h")
    services.measurement_record(
        actor=SYSTEM,
        standard_id=tickets.pk,
        day=timezone.localdate() - timedelta(days=7),
        value=91.5,
    )
    retired = _standard(world.own, world.member, "Leaflets checked")
    services.standard_update(
        actor=SYSTEM, standard_id=retired.pk, expected_version=retired.version, is_active=False
    )
    _standard(world.other, world.other_member, "Calls returned the same day")
    return tickets


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def titles(rows) -> list[str]:
    return [row[1] for row in rows[1:]]


def test_the_file_holds_the_standards_the_filter_shows(world, standards):
    client = client_for(world.admin)
    url = reverse("goals:standards_export", args=["xlsx"])
    rows = xlsx_rows(client.get(url, {"department": world.own.pk}))
    assert list(rows[0]) == STANDARD_COLUMNS
    assert titles(rows) == ["Tickets answered within 24 h"]
    tickets = dict(zip(STANDARD_COLUMNS, rows[1], strict=True))
    assert (tickets["department_code"], tickets["owner_email"]) == ("MKT", world.member.email)
    assert (tickets["latest_value"], tickets["latest_breached"]) == (91.5, "yes")
    with_retired = xlsx_rows(client.get(url, {"department": world.own.pk, "inactive": "1"}))
    assert sorted(titles(with_retired)) == ["Leaflets checked", "Tickets answered within 24 h"]
    everything = xlsx_rows(client.get(url))
    assert sorted(titles(everything)) == [
        "Calls returned the same day",
        "Tickets answered within 24 h",
    ]


def test_the_file_holds_no_standard_the_viewer_may_not_see(world, standards):
    response = client_for(world.other_member).get(
        reverse("goals:standards_export", args=["csv"]), {"inactive": "1"}
    )
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == STANDARD_COLUMNS
    assert [row[1] for row in rows[1:]] == ["Calls returned the same day"]
    assert "Tickets" not in text and "Leaflets" not in text


def test_the_export_is_recorded_and_neutralises_formulas(world, standards):
    standards.title_en = '=HYPERLINK("http://evil")'
    standards.save()
    client = client_for(world.coordinator)
    rows = xlsx_rows(client.get(reverse("goals:standards_export", args=["xlsx"])))
    assert titles(rows) == ['\'=HYPERLINK("http://evil")']
    entry = AuditEntry.objects.get(action="goals.standard.export")
    assert entry.actor_id == world.coordinator.pk and entry.changes["format"] == "xlsx"


def test_filtering_in_place_carries_the_export_buttons_along(world, standards):
    response = client_for(world.coordinator).get(
        reverse("goals:standards"), {"department": world.own.pk}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert 'id="standards-export" hx-swap-oob="true"' in page
    assert f"{reverse('goals:standards_export', args=['csv'])}?department={world.own.pk}" in page
    full = client_for(world.coordinator).get(reverse("goals:standards")).content.decode()
    assert full.count('id="standards-export"') == 1 and "hx-swap-oob" not in full
