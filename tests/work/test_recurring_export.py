"""Recurring activities download as CSV or XLSX: those of the department the list is filtered
on, only those the viewer may see, formulas neutralised, every download recorded."""

import csv
import io
from decimal import Decimal

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.work.exports import RECURRING_COLUMNS
from deptcoord.work.models import RecurringActivity
from tests.factories import client_for
from tests.work.helpers import project


def _activity(department, title, **fields):
    return RecurringActivity.objects.create(
        department=department,
        title_en=title,
        rrule="FREQ=WEEKLY;BYDAY=FR",
        starts_on=timezone.localdate(),
        **fields,
    )


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    return list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )


def test_recurring_export_follows_the_department_filter(world):
    launch = project(world)
    _activity(
        world.own,
        "Weekly social post",
        project=launch,
        assignee=world.member,
        effort_hours=Decimal("2.5"),
    )
    _activity(world.other, "Monthly sales report", is_active=False)
    url = reverse("work:recurring_export", args=["xlsx"])
    client = client_for(world.admin)
    rows = xlsx_rows(client.get(url, {"department": world.own.pk}))
    assert list(rows[0]) == RECURRING_COLUMNS
    assert len(rows) == 2
    found = dict(zip(RECURRING_COLUMNS, rows[1], strict=True))
    assert (found["title_en"], found["department"], found["project"]) == (
        "Weekly social post",
        "MKT",
        launch.code,
    )
    assert (found["rule"], found["assignee_email"], found["effort_hours"], found["active"]) == (
        "FREQ=WEEKLY;BYDAY=FR",
        world.member.email,
        2.5,
        "yes",
    )
    everything = xlsx_rows(client.get(url))
    assert sorted(row[1] for row in everything[1:]) == [
        "Monthly sales report",
        "Weekly social post",
    ]
    assert AuditEntry.objects.filter(
        action="work.recurring.export", actor_id=world.admin.pk
    ).exists()


def test_recurring_export_holds_only_what_the_viewer_may_see(world):
    _activity(world.own, "=Weekly social post")
    _activity(world.other, "Monthly sales report")
    response = client_for(world.member).get(reverse("work:recurring_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == RECURRING_COLUMNS
    assert [row[1] for row in rows[1:]] == ["'=Weekly social post"]
    guest = client_for(world.guest).get(reverse("work:recurring_export", args=["csv"]))
    assert guest.content.decode("utf-8-sig").strip() == ",".join(RECURRING_COLUMNS)


def test_recurring_export_runs_the_same_queries_for_few_and_many(world):
    launch = project(world)
    client = client_for(world.coordinator)
    url = reverse("work:recurring_export", args=["csv"])

    def queries(count: int) -> int:
        for index in range(count):
            _activity(world.own, f"Report {index}", project=launch, assignee=world.member)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    assert queries(2) == queries(30)
