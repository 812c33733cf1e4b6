"""The meetings, decisions and events lists download what their filters show, as CSV and XLSX,
holding only what the viewer may see."""

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
from deptcoord.meetings import services
from deptcoord.meetings.models import Event
from tests.factories import client_for
from tests.meetings.helpers import actor, schedule

pytestmark = pytest.mark.django_db


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads the Vietnamese titles
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _decide(meeting, text):
    return services.decision_create(
        actor=actor(meeting.organiser),
        meeting=meeting,
        occurrence=meeting.starts_at.astimezone().date(),
        text=text,
    )


@pytest.fixture
def meetings(world):
    """A Marketing sync with the member, a Marketing budget review without them, a Sales
    meeting and a 1:1 between the coordinator and the member."""
    return {
        "sync": schedule(
            world.coordinator,
            title_en="Launch sync",
            title_vi="Họp ra mắt",
            participants=[world.member],
            departments=[world.own],
            rule="FREQ=WEEKLY",
        ),
        "budget": schedule(
            world.coordinator,
            title_en="Budget review",
            participants=[world.peer],
            departments=[world.own],
        ),
        "sales": schedule(
            world.other_coordinator,
            title_en="Sales pipeline",
            participants=[world.other_member],
            departments=[world.other],
        ),
        "one_on_one": schedule(
            world.coordinator,
            title_en="Career talk",
            participants=[world.member],
            kind="one_on_one",
        ),
    }


def test_the_meetings_file_holds_the_meetings_the_filter_shows(world, meetings):
    client = client_for(world.member)
    rows = xlsx_rows(client.get(reverse("meetings:list_export", args=["xlsx"])))
    assert rows[0][:5] == ("id", "title_en", "title_vi", "kind", "status")
    by_title = {row[1]: row for row in rows[1:]}
    assert set(by_title) == {"Launch sync", "Career talk"}  # the member's own meetings
    sync = by_title["Launch sync"]
    assert sync[2] == "Họp ra mắt" and sync[8] == "FREQ=WEEKLY"
    assert sync[5].endswith("T09:00") and sync[11] == world.coordinator.email and sync[12] == "MKT"
    searched = csv_rows(
        client.get(reverse("meetings:list_export", args=["csv"]), {"q": "career", "mine": "1"})
    )
    assert searched[0][:2] == ["id", "title_en"]
    assert [row[1] for row in searched[1:]] == ["Career talk"]
    entry = AuditEntry.objects.filter(action="meetings.meeting.export").latest("id")
    assert entry.actor_id == world.member.pk and entry.changes == {"format": "csv", "rows": 1}


def test_the_meetings_file_leaves_out_what_the_viewer_may_not_see(world, meetings):
    url = reverse("meetings:list_export", args=["csv"])
    head = [row[1] for row in csv_rows(client_for(world.head).get(url, {"mine": "0"}))[1:]]
    # The head sees Marketing's meetings, not Sales' nor a 1:1 they are not part of.
    assert sorted(head) == ["Budget review", "Launch sync"]
    guest = csv_rows(client_for(world.guest).get(url, {"mine": "0"}))
    assert len(guest) == 1  # the header alone


def test_the_decisions_file_follows_the_search_and_neutralises_formulas(world, meetings):
    _decide(meetings["sync"], '=HYPERLINK("http://evil") launch on the 15th')
    _decide(meetings["sync"], "Print 500 leaflets")
    _decide(meetings["sales"], "Dealer discount 5%")
    client = client_for(world.member)
    rows = xlsx_rows(client.get(reverse("meetings:decisions_export", args=["xlsx"])))
    assert rows[0] == (
        "id",
        "occurrence",
        "meeting_id",
        "meeting_title_en",
        "meeting_title_vi",
        "department",
        "decision",
    )
    texts = sorted(row[6] for row in rows[1:])
    assert texts == ['\'=HYPERLINK("http://evil") launch on the 15th', "Print 500 leaflets"]
    assert {row[3] for row in rows[1:]} == {"Launch sync"}
    searched = csv_rows(
        client.get(reverse("meetings:decisions_export", args=["csv"]), {"q": "leaflets"})
    )
    assert [row[6] for row in searched[1:]] == ["Print 500 leaflets"]
    assert (
        AuditEntry.objects.filter(
            action="meetings.decision.export", actor_id=world.member.pk, kind="security"
        ).count()
        == 2
    )


def test_the_events_file_holds_upcoming_events_or_all_of_them(world):
    today = timezone.localdate()
    fair = Event.objects.create(
        title_en="Trade fair",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=12),
        owner=world.head,
        kind="trade_fair",
    )
    fair.departments.set([world.own, world.other])
    Event.objects.create(
        title_en="Tết campaign",
        start_date=today - timedelta(days=40),
        end_date=today - timedelta(days=30),
        owner=world.head,
    )
    client = client_for(world.member)
    upcoming = csv_rows(client.get(reverse("meetings:events_export", args=["csv"])))
    assert upcoming[0][:6] == ["id", "title_en", "title_vi", "kind", "first_day", "last_day"]
    assert [(row[1], row[4], row[7]) for row in upcoming[1:]] == [
        ("Trade fair", (today + timedelta(days=10)).isoformat(), "MKT, SAL")
    ]
    everything = xlsx_rows(
        client.get(reverse("meetings:events_export", args=["xlsx"]), {"all": "1"})
    )
    assert [row[1] for row in everything[1:]] == ["Tết campaign", "Trade fair"]
    assert AuditEntry.objects.filter(action="meetings.event.export").count() == 2
    refused = client_for(world.guest).get(reverse("meetings:events_export", args=["csv"]))
    assert refused.status_code == 403
    assert AuditEntry.objects.filter(action="meetings.event.export").count() == 2


def test_the_list_pages_offer_both_downloads_with_their_filters(world, meetings):
    client = client_for(world.coordinator)
    page = client.get(reverse("meetings:list"), {"q": "sync", "mine": "0"}).content.decode()
    assert f"{reverse('meetings:list_export', args=['xlsx'])}?q=sync&amp;mine=0" in page
    assert f"{reverse('meetings:list_export', args=['csv'])}?q=sync&amp;mine=0" in page
    decisions = client.get(reverse("meetings:decisions"), {"q": "price"}).content.decode()
    assert f"{reverse('meetings:decisions_export', args=['csv'])}?q=price" in decisions
    events = client.get(reverse("meetings:events"), {"all": "1"}).content.decode()
    assert f"{reverse('meetings:events_export', args=['xlsx'])}?all=1" in events


@pytest.mark.parametrize("name", ["list_export", "decisions_export", "events_export"])
def test_the_downloads_run_a_fixed_number_of_queries(world, name):
    client = client_for(world.coordinator)
    url = reverse(f"meetings:{name}", args=["xlsx"])
    today = timezone.localdate()

    def add(count):
        for index in range(count):
            meeting = schedule(
                world.coordinator,
                title_en=f"Sync {index}",
                participants=[world.member, world.peer],
                departments=[world.own],
            )
            _decide(meeting, f"Decision {index}")
            event = Event.objects.create(
                title_en=f"Fair {index}", start_date=today, end_date=today, owner=world.head
            )
            event.departments.set([world.own])

    def count():
        with CaptureQueriesContext(connection) as queries:
            rows = xlsx_rows(client.get(url, {"mine": "0", "all": "1"}))
        return len(queries), len(rows) - 1

    add(1)
    client.get(url)
    few, shown = count()
    assert shown == 1
    add(12)
    many, shown = count()
    assert (many, shown) == (few, 13)
