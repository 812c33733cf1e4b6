"""A department's notes, documents and activity feed download as CSV and XLSX: what the page's
filters show, never a private note or a change the viewer could not open."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from deptcoord.audit.models import AuditEntry
from deptcoord.records import services
from tests.factories import client_for
from tests.records.helpers import actor, document, note

pytestmark = pytest.mark.django_db


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads the Vietnamese titles
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def records_url(world, file_format: str) -> str:
    return reverse("records:department_export", args=[world.own.pk, file_format])


def activity_url(world, file_format: str) -> str:
    return reverse("records:activity_export", args=[world.own.pk, file_format])


@pytest.fixture
def notes(world):
    """Marketing's notes (one private, one pinned, two tagged) and a Sales note."""
    return {
        "brief": note(
            world.coordinator,
            world.own,
            title="Kế hoạch ra mắt",
            body="**Launch** on the 15th",
            tags=["launch"],
            is_pinned=True,
        ),
        "faq": note(world.coordinator, world.own, title="Dealer FAQ", tags=["faq"]),
        "pay": note(world.coordinator, world.own, title="Pay review", is_private=True),
        "sales": note(world.other_coordinator, world.other, title="Sales target"),
    }


def test_the_notes_file_holds_the_notes_the_member_reads(world, notes):
    client = client_for(world.member)
    rows = xlsx_rows(client.get(records_url(world, "xlsx")))
    assert rows[0][:5] == ("id", "title", "excerpt", "tags", "pinned")
    by_title = {row[1]: row for row in rows[1:]}
    # Pinned first, as on the page; not the private note, nor Sales'.
    assert list(by_title) == ["Kế hoạch ra mắt", "Dealer FAQ"]
    brief = by_title["Kế hoạch ra mắt"]
    assert brief[2:6] == ("Launch on the 15th", "launch", "yes", None)
    assert brief[7] == world.coordinator.email
    tagged = csv_rows(client.get(records_url(world, "csv"), {"kind": "notes", "tag": "faq"}))
    assert tagged[0][:2] == ["id", "title"]
    assert [row[1] for row in tagged[1:]] == ["Dealer FAQ"]
    entry = AuditEntry.objects.filter(action="records.note.export").latest("id")
    assert (entry.actor_id, entry.target_id, entry.changes) == (
        world.member.pk,
        str(world.own.pk),
        {"format": "csv", "rows": 1},
    )


def test_those_who_run_the_department_get_its_private_notes_too(world, notes):
    rows = csv_rows(client_for(world.coordinator).get(records_url(world, "csv")))
    private = {row[1]: row[5] for row in rows[1:]}
    assert private == {"Kế hoạch ra mắt": "", "Dealer FAQ": "", "Pay review": "yes"}


def test_the_documents_tab_downloads_the_documents(world, notes):
    document(world.coordinator, world.own, title="Bảng giá", filename="gia.txt", tags=["launch"])
    document(world.coordinator, world.own, title="Old flyer", filename="flyer.txt")
    client = client_for(world.member)
    rows = xlsx_rows(client.get(records_url(world, "xlsx"), {"kind": "documents", "tag": "launch"}))
    assert rows[0][:8] == (
        "id",
        "title",
        "description",
        "tags",
        "file_name",
        "file_type",
        "size_bytes",
        "version",
    )
    assert [(row[1], row[4], row[5], row[7]) for row in rows[1:]] == [
        ("Bảng giá", "gia.txt", "txt", 1)
    ]
    assert AuditEntry.objects.filter(action="records.document.export").exists()


def test_a_title_written_as_a_formula_comes_out_as_text(world):
    note(world.coordinator, world.own, title='=HYPERLINK("http://evil","Click")')
    rows = xlsx_rows(client_for(world.member).get(records_url(world, "xlsx")))
    assert rows[1][1] == '\'=HYPERLINK("http://evil","Click")'
    text = csv_rows(client_for(world.member).get(records_url(world, "csv")))
    assert text[1][1].startswith("'=")


def test_a_department_hidden_from_the_guest_has_no_file(world, notes):
    response = client_for(world.guest).get(records_url(world, "csv"))
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="records.note.export").exists()


def test_the_activity_file_names_changed_fields_but_never_their_values(world, notes):
    brief = notes["brief"]
    services.note_update(
        actor=actor(world.coordinator),
        note_id=brief.pk,
        expected_version=brief.version,
        body="Launch moved: supplier owes 2 billion VND",
    )
    rows = csv_rows(client_for(world.member).get(activity_url(world, "csv")))
    assert rows[0] == [
        "when",
        "who",
        "kind",
        "record_type",
        "record_id",
        "record",
        "changed_fields",
    ]
    assert [(row[1], row[2], row[5], row[6]) for row in rows[1:]] == [
        ("Coordinator", "update", "Kế hoạch ra mắt", "body"),
        ("Coordinator", "create", "Dealer FAQ", ""),
        ("Coordinator", "create", "Kế hoạch ra mắt", ""),
    ]
    whole = "\n".join(",".join(row) for row in rows)
    assert "Pay review" not in whole and "Sales target" not in whole
    assert "2 billion" not in whole and world.coordinator.email not in whole
    head = xlsx_rows(client_for(world.head).get(activity_url(world, "xlsx")))
    assert "Pay review" in {row[5] for row in head[1:]}
    assert AuditEntry.objects.filter(action="records.activity.export").count() == 2


def test_the_activity_file_is_for_the_department_s_people(world, notes):
    assert client_for(world.other_coordinator).get(activity_url(world, "csv")).status_code == 403
    assert client_for(world.guest).get(activity_url(world, "csv")).status_code == 404
    assert not AuditEntry.objects.filter(action="records.activity.export").exists()


def test_the_pages_offer_both_downloads_with_their_filters(world, notes):
    client = client_for(world.member)
    page = client.get(
        reverse("records:department", args=[world.own.pk]), {"kind": "documents", "tag": "launch"}
    ).content.decode()
    assert f"{records_url(world, 'xlsx')}?kind=documents&amp;tag=launch" in page
    assert f"{records_url(world, 'csv')}?kind=documents&amp;tag=launch" in page
    feed = client.get(reverse("records:activity", args=[world.own.pk])).content.decode()
    assert f'href="{activity_url(world, "csv")}?"' in feed
