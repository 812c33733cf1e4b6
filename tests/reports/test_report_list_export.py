"""The status reports list downloads what its filters show, as CSV and XLSX: never a draft or a
report the viewer may not read."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from deptcoord.audit.models import AuditEntry
from deptcoord.reports.models import ReportComment, ReportReceipt, StatusReport
from tests.factories import DepartmentFactory, client_for

pytestmark = pytest.mark.django_db

MONDAY = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 7)


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def url(file_format: str) -> str:
    return reverse("reports:list_export", args=[file_format])


def _report(department, author, weeks_back=0, state="submitted", kind="weekly"):
    start = MONDAY - timedelta(days=7 * weeks_back)
    return StatusReport.objects.create(
        department=department,
        author=author,
        kind=kind,
        period_start=start,
        period_end=start + timedelta(days=6),
        state=state,
        submitted_at=timezone.now() if state != "draft" else None,
    )


@pytest.fixture
def reports(world):
    """Marketing's draft and two submitted weeks (one read and acknowledged), and Sales' month."""
    draft = _report(world.own, world.coordinator, state="draft")
    latest = _report(world.own, world.coordinator, weeks_back=1)
    ReportReceipt.objects.create(
        report=latest, recipient=world.other_coordinator, acknowledged_at=timezone.now()
    )
    ReportReceipt.objects.create(report=latest, recipient=world.executive)
    ReportComment.objects.create(report=latest, author=world.head, body="Good week")
    earlier = _report(world.own, world.coordinator, weeks_back=2)
    sales = _report(world.other, world.other_coordinator, weeks_back=3, kind="monthly")
    return {"draft": draft, "latest": latest, "earlier": earlier, "sales": sales}


def test_the_file_holds_the_reports_the_member_reads(world, reports):
    rows = csv_rows(client_for(world.member).get(url("csv")))
    assert rows[0] == [
        "id",
        "department",
        "kind",
        "period_start",
        "period_end",
        "state",
        "author_email",
        "submitted_at",
        "recipients",
        "acknowledged",
        "comments",
        "decided_by_email",
        "decided_at",
    ]
    # Marketing's submitted weeks, newest first; not its draft, nor Sales' report.
    assert [int(row[0]) for row in rows[1:]] == [reports["latest"].pk, reports["earlier"].pk]
    latest = rows[1]
    assert latest[1:7] == [
        "MKT",
        "weekly",
        reports["latest"].period_start.isoformat(),
        reports["latest"].period_end.isoformat(),
        "submitted",
        world.coordinator.email,
    ]
    assert latest[8:11] == ["2", "1", "1"]
    entry = AuditEntry.objects.get(action="reports.report.export")
    assert (entry.actor_id, entry.kind, entry.changes) == (
        world.member.pk,
        "security",
        {"format": "csv", "rows": 2},
    )


def test_the_file_follows_the_filters(world, reports):
    client = client_for(world.executive)
    monthly = xlsx_rows(client.get(url("xlsx"), {"kind": "monthly", "state": "submitted"}))
    assert monthly[0][:3] == ("id", "department", "kind")
    assert [row[0] for row in monthly[1:]] == [reports["sales"].pk]
    marketing = xlsx_rows(client.get(url("xlsx"), {"department": world.own.pk}))
    assert [row[0] for row in marketing[1:]] == [reports["latest"].pk, reports["earlier"].pk]
    drafts = xlsx_rows(client_for(world.coordinator).get(url("xlsx"), {"state": "draft"}))
    assert [row[0] for row in drafts[1:]] == [reports["draft"].pk]


def test_a_guest_gets_only_the_reports_sent_to_them(world, reports):
    ReportReceipt.objects.create(report=reports["earlier"], recipient=world.guest)
    rows = csv_rows(client_for(world.guest).get(url("csv")))
    assert [int(row[0]) for row in rows[1:]] == [reports["earlier"].pk]


def test_a_cell_that_looks_like_a_formula_comes_out_as_text(world):
    odd = DepartmentFactory(code="=1+1", name_en="Odd")
    _report(odd, world.admin)
    rows = xlsx_rows(client_for(world.admin).get(url("xlsx")))
    assert rows[1][1] == "'=1+1"


def test_the_list_offers_both_downloads_with_its_filters(world, reports):
    page = client_for(world.member).get(reverse("reports:list"), {"state": "submitted"})
    html = page.content.decode()
    assert f'href="{url("xlsx")}?state=submitted"' in html
    assert f'href="{url("csv")}?state=submitted"' in html


def test_the_download_runs_a_fixed_number_of_queries(world, reports):
    client = client_for(world.coordinator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            rows = xlsx_rows(client.get(url("xlsx")))
        return len(queries), len(rows) - 1

    client.get(url("xlsx"))
    few, shown = count()
    for weeks_back in range(4, 34):
        latest = _report(world.own, world.coordinator, weeks_back=weeks_back)
        ReportReceipt.objects.create(report=latest, recipient=world.executive)
    many, more = count()
    assert (many, more) == (few, shown + 30)
