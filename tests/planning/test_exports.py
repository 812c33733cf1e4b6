"""The list of plans downloads as CSV or XLSX: every plan the viewer may see (all pages), how
each ended and who ran it; formulas neutralised; every download recorded."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.planning import services
from deptcoord.planning.exports import RUN_COLUMNS
from deptcoord.planning.models import PlanRun
from deptcoord.planning.views import PAGE_SIZE
from tests.factories import client_for
from tests.planning.helpers import MONDAY, WINDOW_END, actor, build_plan, finished_run, make_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def runs(world):
    """Marketing's finished plan (launch reachable, teaser not) and a queued plan for Sales."""
    plan = build_plan(world)
    marketing = finished_run(world, plan, name="=Spring plan")
    make_step(world, None, "Price list", 8, world.other_member, world.other)
    sales = services.plan_run_start(
        actor=actor(world.other_coordinator),
        department=world.other,
        start=MONDAY,
        end=WINDOW_END,
        name="Sales March",
    )
    return marketing, sales


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    return list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )


def test_the_file_holds_the_plans_the_viewer_may_see(world, runs):
    marketing, _sales = runs
    url = reverse("planning:list_export", args=["xlsx"])
    rows = xlsx_rows(client_for(world.coordinator).get(url))
    assert list(rows[0]) == RUN_COLUMNS
    assert len(rows) == 2
    found = dict(zip(RUN_COLUMNS, rows[1], strict=True))
    assert found["id"] == marketing.pk and found["name"] == "'=Spring plan"  # neutralised
    assert (found["department"], found["status"], found["scope"]) == (
        "MKT",
        "succeeded",
        "department",
    )
    # As the list shows it: the launch and the project's own end reachable, the teaser not.
    assert (found["goals_reachable"], found["goals_total"]) == (2, 3)
    assert found["started_by_email"] == world.coordinator.email
    everything = csv.reader(
        io.StringIO(
            client_for(world.admin).get(url.replace(".xlsx", ".csv")).content.decode("utf-8-sig")
        )
    )
    assert [row[1] for row in list(everything)[1:]] == ["Sales March", "'=Spring plan"]
    # A member reads no plan of the department: the file is the header alone.
    assert xlsx_rows(client_for(world.member).get(url)) == [tuple(RUN_COLUMNS)]
    entry = AuditEntry.objects.get(action="planning.run.export", actor_id=world.coordinator.pk)
    assert entry.changes == {"format": "xlsx", "rows": 1}


def test_the_file_holds_every_page_in_the_same_queries(world, runs):
    marketing, _sales = runs
    client = client_for(world.coordinator)
    url = reverse("planning:list_export", args=["csv"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries), len(
            response.content.decode("utf-8-sig").splitlines()
        )

    few, lines = queries()
    assert lines == 2
    PlanRun.objects.bulk_create(
        PlanRun(
            name=f"Scenario {index}",
            scope=marketing.scope,
            department=marketing.department,
            project=marketing.project,
            start=marketing.start,
            end=marketing.end,
            parent=marketing,
            created_by=world.head,
        )
        for index in range(PAGE_SIZE + 5)
    )
    many, lines = queries()
    assert (many, lines) == (few, 2 + PAGE_SIZE + 5)
