"""Importing people and departments: preview first, every bad row named, all or nothing."""

import io

import openpyxl
import pytest
from django.urls import reverse

from deptcoord.core.models import ImportUpload
from deptcoord.org.models import Department, Person
from tests.factories import client_for

PEOPLE_CSV = (
    "email,full_name,title_en,title_vi,department_code,role,weekly_capacity_hours,work_start\n"
    "lan.nguyen@example.com,Nguyễn Thị Lan,Designer,Thiết kế,MKT,member,40,08:30\n"
    "hung.tran@example.com,Trần Văn Hùng,Analyst,Chuyên viên phân tích,MKT,coordinator,32,09:00\n"
)


def upload(client, kind, name, content):
    """Post a file to the import preview."""
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("org:import", kwargs={"kind": kind}), {"file": file})


def test_preview_saves_nothing_then_confirm_saves_all(world):
    client = client_for(world.hr)
    count = Person.objects.count()
    response = upload(client, "people", "people.csv", PEOPLE_CSV.encode())
    report = response.context["report"]
    assert [row.action for row in report.rows] == ["create", "create"]
    assert Person.objects.count() == count
    stored = ImportUpload.objects.get()
    response = client.post(reverse("org:import_confirm", kwargs={"upload_id": stored.pk}))
    assert response.status_code == 302
    assert Person.objects.count() == count + 2
    hung = Person.objects.get(email="hung.tran@example.com")
    assert hung.memberships.get().role == "coordinator"
    assert str(hung.weekly_capacity_hours) == "32.0"


def test_reimporting_the_same_file_changes_nothing(world):
    client = client_for(world.hr)
    upload(client, "people", "people.csv", PEOPLE_CSV.encode())
    client.post(reverse("org:import_confirm", kwargs={"upload_id": ImportUpload.objects.get().pk}))
    versions = dict(Person.objects.values_list("email", "version"))
    response = upload(client, "people", "people.csv", PEOPLE_CSV.encode())
    assert [row.action for row in response.context["report"].rows] == ["unchanged", "unchanged"]
    assert dict(Person.objects.values_list("email", "version")) == versions


def test_bad_rows_are_named_and_nothing_is_saved(world):
    client = client_for(world.hr)
    content = PEOPLE_CSV + (
        "not-an-email,Lê Văn Sai,,,MKT,member,40,08:30\n"
        f"{world.peer.email},Peer,,,NOPE,member,200,25:00\n"
    )
    count = Person.objects.count()
    response = upload(client, "people", "people.csv", content.encode())
    report = response.context["report"]
    errors = {row.number: row.errors for row in report.error_rows}
    assert set(errors) == {4, 5}
    assert errors[4][0][0] == "email"
    columns = {column for column, _message in errors[5]}
    assert columns == {"department_code", "weekly_capacity_hours", "work_start"}
    assert "Import these rows" not in response.content.decode()
    stored = ImportUpload.objects.get()
    client.post(reverse("org:import_confirm", kwargs={"upload_id": stored.pk}))
    assert Person.objects.count() == count


def test_duplicate_rows_in_one_file(world):
    client = client_for(world.hr)
    content = PEOPLE_CSV + "LAN.nguyen@example.com,Nguyễn Thị Lan,,,MKT,member,40,08:30\n"
    report = upload(client, "people", "people.csv", content.encode()).context["report"]
    assert report.error_rows[0].number == 4
    assert "Row 2" in report.error_rows[0].errors[0][1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.pdf", b"%PDF-1.4", "not a CSV or XLSX"),
        ("people.csv", b"full_name\nLan\n", "email"),
        ("people.csv", b"email,full_name\n", "no rows"),
        ("people.xlsx", b"not really a workbook", "not a CSV or XLSX"),
    ],
)
def test_files_that_cannot_be_imported(world, name, content, message):
    response = upload(client_for(world.hr), "people", name, content)
    assert message in response.content.decode()
    assert not ImportUpload.objects.exists()


def test_departments_from_xlsx_parents_first(world):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Code", "Name EN", "Name VI", "Parent code"])
    sheet.append(["CS-HN", "Care Hà Nội", "CSKH Hà Nội", "CS"])
    sheet.append(["CS", "Customer Care", "Chăm sóc khách hàng", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(world.admin)
    report = upload(client, "departments", "departments.xlsx", buffer.getvalue()).context["report"]
    assert [row.action for row in report.rows] == ["create", "create"]
    client.post(reverse("org:import_confirm", kwargs={"upload_id": ImportUpload.objects.get().pk}))
    assert Department.objects.get(code="CS-HN").parent.code == "CS"


def test_export_round_trips_and_neutralises_formulas(world):
    world.peer.full_name = "Nguyễn Thị Ánh"
    world.peer.title_en = '=HYPERLINK("http://evil")'
    world.peer.save()
    client = client_for(world.admin)
    response = client.get(reverse("org:people_export", kwargs={"file_format": "xlsx"}))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("email", "full_name")
    peer = next(row for row in rows if row[0] == world.peer.email)
    assert peer[2].startswith("'=")
    csv_text = client.get(reverse("org:people_export", kwargs={"file_format": "csv"})).content
    assert csv_text.startswith(b"\xef\xbb\xbf")  # Excel reads the Vietnamese names
    assert world.peer.full_name in csv_text.decode("utf-8-sig")
