"""Projects, steps, meetings, minutes and people are searchable, kept in step by their services,
rebuilt by ``rebuild_search_index``, and never shown to someone who may not open them."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.meetings import services as meeting_services
from deptcoord.meetings.models import AgendaItem, Meeting
from deptcoord.org import services as org_services
from deptcoord.org.facts import role_facts_for_person
from deptcoord.search.indexing import rebuild_index
from deptcoord.search.models import SearchEntry
from deptcoord.search.query import search
from deptcoord.work import services as work_services
from deptcoord.work.models import Project, Step
from tests.factories import client_for, member
from tests.meetings.helpers import schedule
from tests.search.test_search import found
from tests.work.helpers import actor, monday

pytestmark = pytest.mark.django_db


def sales_project(world, title="Dealer network"):
    return work_services.project_create(
        actor=actor(world.other_coordinator),
        code="SAL-NET",
        title_en=title,
        lead_department=world.other,
        coordinator=world.other_coordinator,
        start=monday(0),
        end=monday(10),
    )


def sales_meeting(world, title="Sales weekly"):
    return schedule(world.other_coordinator, title_en=title, participants=[world.other_member])


def agenda(meeting, title, notes="", by=None):
    return meeting_services.agenda_item_create(
        actor=actor(by or meeting.organiser),
        meeting=meeting,
        occurrence=meeting.starts_at.astimezone().date(),
        title=title,
        notes=notes,
    )


HIDDEN = {
    "project": lambda world: sales_project(world, "Secret plan"),
    "step": lambda world: work_services.step_create(
        actor=actor(world.other_coordinator), department=world.other, title_en="Secret plan"
    ),
    "meeting": lambda world: sales_meeting(world, "Secret plan"),
    "minutes": lambda world: agenda(sales_meeting(world), "Secret plan", notes="Prices"),
    "person": lambda world: org_services.person_deactivate(
        actor=actor(world.admin),
        person_id=member(world.other, full_name="Secret plan").pk,
        expected_version=None,
    ),
}


@pytest.mark.parametrize("kind", HIDDEN)
def test_a_record_the_viewer_could_not_open_never_appears(world, kind):
    HIDDEN[kind](world)
    assert SearchEntry.objects.filter(kind=kind, title_en="Secret plan").exists()
    assert found(world.member, "secret plan") == []
    assert "Secret plan" in found(world.admin, "secret plan")
    assert search(role_facts_for_person(world.member), "secret").total == 0


def test_projects_and_steps_are_found_and_follow_their_changes(world):
    project = work_services.project_create(
        actor=actor(world.coordinator),
        code="SMH-LAUNCH",
        title_en="SM Home launch",
        title_vi="Ra mắt SM Home",
        description="Loa thông minh cho gia đình",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=monday(0),
        end=monday(10),
    )
    step = work_services.step_create(
        actor=actor(world.coordinator),
        department=world.own,
        project=project,
        title_en="Teaser video",
        description="Quay ở Đà Lạt",
    )
    assert found(world.member, "loa thong minh") == ["SM Home launch"]
    assert found(world.member, "smh-launch") == ["SM Home launch"]
    assert found(world.member, "da lat") == ["Teaser video"]
    work_services.step_update(
        actor=actor(world.coordinator), step_id=step.pk, expected_version=None, title_en="Trailer"
    )
    assert found(world.member, "teaser") == []
    assert found(world.member, "trailer") == ["Trailer"]
    work_services.step_delete(actor=actor(world.coordinator), step_id=step.pk)
    assert found(world.member, "trailer") == []


def test_meetings_by_agenda_and_minutes_by_their_notes(world):
    sync = schedule(world.coordinator, title_en="Launch sync", participants=[world.member])
    item = agenda(sync, "Price list", notes="Agreed on 2.490.000 đ")
    assert found(world.member, "launch sync") == ["Launch sync"]
    assert set(found(world.member, "price list")) == {"Launch sync", "Price list"}
    assert found(world.member, "agreed") == ["Price list"]
    meeting_services.agenda_item_update(
        actor=actor(world.coordinator), item_id=item.pk, expected_version=None, notes="Postponed"
    )
    assert found(world.member, "agreed") == []
    assert found(world.member, "postponed") == ["Price list"]
    meeting_services.agenda_item_delete(actor=actor(world.coordinator), item_id=item.pk)
    assert found(world.member, "price list") == []
    page = client_for(world.member).get("/records/?q=launch+sync").content.decode()
    assert f"/meetings/{sync.pk}/" in page


def test_a_one_on_one_agenda_stays_out_of_the_meeting_text(world):
    talk = schedule(
        world.coordinator, title_en="Check-in", participants=[world.member], kind="one_on_one"
    )
    agenda(talk, "Salary wish")
    entry = SearchEntry.objects.get(kind="meeting", object_id=talk.pk)
    assert "Salary" not in entry.text.body
    assert found(world.hr, "salary") == []


def test_people_by_name_and_job_title(world):
    org_services.person_update(
        actor=actor(world.admin),
        person_id=world.peer.pk,
        expected_version=None,
        title_en="Brand manager",
        title_vi="Quản lý thương hiệu",
    )
    assert found(world.member, "thuong hieu") == ["Peer"]
    assert found(world.member, "brand") == ["Peer"]


def test_rebuilding_covers_every_new_kind(world):
    sales_project(world)
    Step.objects.create(department=world.own, title_en="Banner")
    agenda(sales_meeting(world), "Quotes", notes="Ready")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert {"project", "step", "meeting", "minutes", "person"} <= kinds
    assert set(found(world.admin, "quotes")) == {"Sales weekly", "Quotes"}


def grow(world, count: int, first: int = 0) -> None:
    """Projects, steps and meetings with agenda notes in bulk, then the index rebuilt."""
    projects = Project.objects.bulk_create(
        Project(
            code=f"P-{first + number}",
            title_en=f"Ke hoach {number}",
            lead_department=world.own if number % 2 else world.other,
            coordinator=world.coordinator,
            start=monday(0),
            end=monday(5),
        )
        for number in range(count)
    )
    Step.objects.bulk_create(
        Step(project=project, department=project.lead_department, title_en=f"Ke hoach {n}")
        for n, project in enumerate(projects)
    )
    sync = schedule(world.other_coordinator, participants=[world.other_member])
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title_en=f"Ke hoach {number}",
            organiser=world.other_coordinator,
            starts_at=sync.starts_at + timedelta(days=number),
            ends_at=sync.ends_at + timedelta(days=number),
            time_zone=sync.time_zone,
        )
        for number in range(count)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting, occurrence=meeting.starts_at.date(), title="Ke hoach", notes="x"
        )
        for meeting in meetings
    )
    rebuild_index()


@pytest.mark.parametrize("role", ["member", "coordinator", "admin"])
def test_a_search_over_every_kind_runs_a_fixed_number_of_queries(world, role):
    client = client_for(world.person(role))
    url = "/records/?q=ke+hoach"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    grow(world, 5)
    client.get(url)
    few = queries()
    grow(world, 200, first=5)
    assert queries() == few
