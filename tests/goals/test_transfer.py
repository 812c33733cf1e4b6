"""Importing key-result actuals and measurements (preview, then confirm) and exporting goals."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from deptcoord.core.actor import SYSTEM
from deptcoord.core.imports import ALREADY_APPLIED
from deptcoord.core.models import ImportUpload
from deptcoord.core.validation import parse_decimal
from deptcoord.goals import messages, services
from deptcoord.goals.exports import COLUMNS
from deptcoord.goals.models import CheckIn, KeyResult, Measurement
from tests.factories import client_for
from tests.goals.helpers import check_in


def upload(client, kind, name, content: bytes):
    """Post a file to the import preview."""
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("goals:import", kwargs={"kind": kind}), {"file": file})


def confirm(client):
    upload_id = ImportUpload.objects.get(applied_at=None).pk
    return client.post(reverse("goals:import_confirm", kwargs={"pk": upload_id}))


def test_actuals_preview_saves_nothing_then_confirm_checks_in(world, goals):
    client = client_for(world.head)
    day = (timezone.localdate() - timedelta(days=3)).strftime("%d/%m/%Y")
    content = (
        f"key_result_id,value,date,confidence,note\n"
        f'{goals.reach.pk},"1.250",{day},at_risk,From the sales system\n'
    )
    response = upload(client, "actuals", "sales.csv", content.encode())
    assert [row.action for row in response.context["report"].rows] == ["create"]
    assert not CheckIn.objects.exists()
    response = confirm(client)
    assert response.status_code == 302
    reach = KeyResult.objects.get(pk=goals.reach.pk)
    assert reach.current_value == pytest.approx(1.25)
    assert (reach.confidence, reach.check_ins.get().note) == ("at_risk", "From the sales system")


def test_rows_for_key_results_one_may_not_check_in_on_are_refused(world, goals):
    client = client_for(world.peer)
    response = upload(
        client, "actuals", "a.csv", f"key_result_id,value\n{goals.reach.pk},5\n".encode()
    )
    row = response.context["report"].rows[0]
    assert row.errors == [
        ("key_result_id", str(messages.NO_SUCH_KEY_RESULT % {"value": goals.reach.pk}))
    ]


def test_xlsx_measurements_record_and_correct_periods(world):
    standard = services.standard_create(
        actor=SYSTEM,
        department=world.own,
        owner=world.coordinator,
        title_en="Sales",
        metric="money",
        currency="VND",
        threshold=2_000_000_000,
        frequency="monthly",
    )
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["standard_id", "date", "value", "note"])
    sheet.append(
        [standard.pk, timezone.localdate().replace(day=1) - timedelta(days=1), 1_850_000_000, ""]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(world.coordinator)
    response = upload(client, "measurements", "sales.xlsx", buffer.getvalue())
    assert [row.action for row in response.context["report"].rows] == ["create"]
    confirm(client)
    assert Measurement.objects.get().breached
    response = upload(client, "measurements", "sales.xlsx", buffer.getvalue())
    assert [row.action for row in response.context["report"].rows] == ["unchanged"]


def test_a_confirmed_upload_cannot_be_applied_twice_nor_by_someone_else(world, goals):
    client = client_for(world.head)
    upload(client, "actuals", "a.csv", f"key_result_id,value\n{goals.reach.pk},5\n".encode())
    upload_id = ImportUpload.objects.get().pk
    other = client_for(world.coordinator)
    url = reverse("goals:import_confirm", kwargs={"pk": upload_id})
    assert other.post(url).status_code == 404
    assert client.post(url).status_code == 302
    again = client.post(url)
    assert again.status_code == 409
    assert str(ALREADY_APPLIED) in again.content.decode()
    assert CheckIn.objects.count() == 1


def test_actuals_in_vietnamese_numbers(world, goals):
    world.head.language = "vi"
    world.head.save(update_fields=["language"])
    client = client_for(world.head)
    upload(
        client, "actuals", "a.csv", f'key_result_id,value\n{goals.reach.pk},"1.250,5"\n'.encode()
    )
    assert confirm(client).status_code == 302
    assert KeyResult.objects.get(pk=goals.reach.pk).current_value == pytest.approx(1250.5)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1200000", 1200000),
        ("1.200.000", 1200000),
        ("1,200,000.50", 1200000.5),
        ("95,5 %", 95.5),
        ("300 ₫", 300),
        ("2.5", 2.5),
        ("-4", -4),
    ],
)
def test_numbers_are_read_as_people_type_them(text, number):
    assert float(parse_decimal(text, units=True)) == pytest.approx(number)


def test_export_has_a_row_per_key_result_with_its_id(world, goals):
    check_in(goals.reach, 40)
    response = client_for(world.head).get(reverse("goals:export", kwargs={"file_format": "csv"}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    by_goal = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    marketing = by_goal[str(goals.marketing.pk)]
    assert marketing["key_result_id"] == str(goals.reach.pk)
    assert marketing["current_value"] == "40" and marketing["goal_progress_percent"] == "40.0"
    assert by_goal[str(goals.company.pk)]["key_result_id"] == ""  # a goal without key results


def test_xlsx_export_opens_in_a_spreadsheet(world, goals):
    response = client_for(world.admin).get(reverse("goals:export", kwargs={"file_format": "xlsx"}))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == COLUMNS
    assert sheet.max_row == 3
