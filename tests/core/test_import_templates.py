"""Imports in the reader's language: headers may name the columns in English or Vietnamese (or
by their codes), each kind offers a blank template with an example row and the allowed codes,
and a preview that would change nothing does not offer to import."""

import csv
import io

import openpyxl
from django.urls import reverse

from deptcoord.core.models import ImportUpload
from deptcoord.org.models import Person
from tests.factories import client_for
from tests.work.helpers import project


def _upload(client, kind, name, content):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("org:import", kwargs={"kind": kind}), {"file": file})


def _vietnamese(person):
    person.language = "vi"
    person.save()
    return client_for(person)


def test_headers_in_vietnamese_english_or_without_accents_are_read_as_the_columns(world):
    client = _vietnamese(world.hr)
    content = (
        "Email,Họ và tên,Mã phòng ban,Vai trò,Số giờ mỗi tuần\n"
        "lan.vu@example.com,Vũ Thị Lan,MKT,coordinator,32\n"
    )
    response = _upload(client, "people", "nhan-su.csv", content.encode())
    assert [row.action for row in response.context["report"].rows] == ["create"]
    client.post(reverse("org:import_confirm", args=[ImportUpload.objects.get().pk]))
    lan = Person.objects.get(email="lan.vu@example.com")
    assert lan.full_name == "Vũ Thị Lan" and str(lan.weekly_capacity_hours) == "32.0"
    assert lan.memberships.get().role == "coordinator"
    for header in ("E-mail,Full name\n", "email,Ho va ten\n", "EMAIL, HỌ VÀ TÊN\n"):
        response = _upload(client, "people", "x.csv", (header + "an@example.com,An\n").encode())
        assert [row.action for row in response.context["report"].rows] == ["create"], header


def test_a_missing_column_is_named_in_the_readers_language(world):
    client = _vietnamese(world.hr)
    response = _upload(client, "people", "x.csv", b"Email\nan@example.com\n")
    assert "Họ và tên (full_name)" in response.content.decode()


def test_the_upload_page_lists_the_columns_and_links_the_templates(world):
    page = _vietnamese(world.hr).get(reverse("org:import", kwargs={"kind": "people"}))
    text = page.content.decode()
    assert "Mã phòng ban" in text and "<code>department_code</code>" in text
    assert reverse("import_template", args=["org.people", "xlsx"]) in text
    assert reverse("import_template", args=["org.people", "csv"]) in text


def test_the_csv_template_reads_in_the_readers_language_and_lists_the_allowed_codes(world):
    client = _vietnamese(world.hr)
    response = client.get(reverse("import_template", args=["org.people", "csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Email", "Họ và tên", "Chức danh (tiếng Anh)"]
    assert rows[1][0] == "lan.nguyen@example.com"
    notes = [row[0] for row in rows[2:]]
    assert any("Vai trò nhận các giá trị" in note and "coordinator" in note for note in notes)
    assert any("Mã phòng ban" in note and "MKT" in note and "SAL" in note for note in notes)
    # Uploaded untouched, the template imports nothing and says so.
    preview = _upload(client, "people", "mau.csv", response.content)
    text = preview.content.decode()
    assert preview.context["report"].rows == []
    assert "Không có gì để nhập" in text and "Nhập các dòng này" not in text


def test_the_xlsx_template_has_the_example_and_a_sheet_of_allowed_values(world):
    response = client_for(world.hr).get(reverse("import_template", args=["org.people", "xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows, allowed = workbook.worksheets
    assert [cell.value for cell in rows[1]][:2] == ["E-mail", "Full name"]
    assert rows.max_row == 2
    assert any("Role accepts: head, coordinator, member" in str(c.value) for c in allowed["A"])
    # Filled in, the template imports its rows.
    rows.append(["minh.le@example.com", "Lê Minh"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = _upload(client_for(world.hr), "people", "people.xlsx", buffer.getvalue())
    assert [row.label for row in preview.context["report"].rows] == ["minh.le@example.com"]
    assert "Import these rows" in preview.content.decode()


def test_a_plan_template_is_scoped_to_a_project_its_reader_may_import_into(world):
    plan = project(world)
    url = reverse("import_template", args=["work.plan", "csv"]) + f"?scope={plan.pk}"
    response = client_for(world.coordinator).get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Ref", "Title (English)", "Title (Vietnamese)", "Department code"]
    assert client_for(world.other_member).get(url).status_code in (403, 404)
    assert (
        client_for(world.hr).get(reverse("import_template", args=["nope", "csv"])).status_code
        == 404
    )
    assert (
        client_for(world.hr).get(reverse("import_template", args=["org.people", "pdf"])).status_code
        == 404
    )


def test_a_preview_that_changes_nothing_does_not_offer_to_import(world):
    client = client_for(world.hr)
    content = f"email,full_name\n{world.member.email},{world.member.full_name}\n".encode()
    response = _upload(client, "people", "same.csv", content)
    assert [row.action for row in response.context["report"].rows] == ["unchanged"]
    text = response.content.decode()
    assert "Nothing to import: every row matches what is already saved" in text
    assert "Import these rows" not in text


def test_a_rows_problem_names_the_column_as_the_reader_does(world):
    client = _vietnamese(world.hr)
    content = "Email,Họ và tên,Mã phòng ban\nan@example.com,An,NOPE\n"
    response = _upload(client, "people", "x.csv", content.encode())
    assert "Mã phòng ban <code>department_code</code>:" in response.content.decode()
