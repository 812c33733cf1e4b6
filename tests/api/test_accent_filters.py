"""The `q` filters of the API lists find words whatever their accents and case, as the search
page does: "ra mat" finds "Ra mắt", "DA NANG" finds "Đà Nẵng"."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from deptcoord.meetings.models import Decision, Meeting, Participant
from deptcoord.org.models import Person
from deptcoord.search.folding import Folded
from deptcoord.work.models import Project
from tests.api.test_api import bearer
from tests.factories import DepartmentFactory, member
from tests.goals.helpers import goal


def _titles(response, field="title"):
    assert response.status_code == 200, response.content
    return sorted(item[field] for item in response.json()["items"])


@pytest.fixture
def client(world):
    return bearer(world.coordinator)


def test_goals_are_found_without_accents_or_case(world, client):
    goal(world.head, department=world.own, title_en="Launch", title_vi="Ra mắt sản phẩm mới")
    goal(world.head, department=world.own, title_en="Hiring", title_vi="Tuyển dụng")
    headers = {"Accept-Language": "vi"}
    for query in ("ra mat", "RA MẮT", "Ra mắt", "san pham moi", "mắt sản"):
        found = client.get("/api/v1/goals", {"q": query}, headers=headers)
        assert _titles(found) == ["Ra mắt sản phẩm mới"], query
    assert _titles(client.get("/api/v1/goals", {"q": "ra mit"})) == []
    assert _titles(client.get("/api/v1/goals", {"q": "?!"})) == []
    assert len(_titles(client.get("/api/v1/goals", {"q": "  "}))) == 2


def test_people_and_departments_are_found_without_accents(world, client):
    accounts = DepartmentFactory(code="KT", name_en="Accounting", name_vi="Phòng Kế toán")
    member(world.own, full_name="Đặng Thị Ánh")
    for query in ("dang anh", "ĐẶNG ÁNH", "Anh"):
        people = client.get("/api/v1/people", {"q": query})
        assert _titles(people, "full_name") == ["Đặng Thị Ánh"], query
    for query in ("ke toan", "KẾ TOÁN", "kt"):
        found = client.get("/api/v1/departments", {"q": query}, headers={"Accept-Language": "vi"})
        assert accounts.pk in [item["id"] for item in found.json()["items"]], query
    assert client.get("/api/v1/departments", {"q": "ke toan x"}).json()["items"] == []


def test_meetings_and_decisions_are_found_without_accents(world, client):
    start = datetime.combine(timezone.localdate(), time(9), ZoneInfo("Asia/Ho_Chi_Minh"))
    meeting = Meeting.objects.create(
        title_en="Da Nang trip",
        title_vi="Họp chuyến đi Đà Nẵng",
        organiser=world.coordinator,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    meeting.departments.set([world.own])
    Participant.objects.create(meeting=meeting, person=world.coordinator)
    Decision.objects.create(
        meeting=meeting, occurrence=start.date(), text="Chốt ngày khởi hành", department=world.own
    )
    found = client.get("/api/v1/meetings", {"q": "hop da nang"}, headers={"Accept-Language": "vi"})
    assert _titles(found) == ["Họp chuyến đi Đà Nẵng"]
    decisions = client.get("/api/v1/decisions", {"q": "KHOI HANH"})
    assert _titles(decisions, "text") == ["Chốt ngày khởi hành"]
    assert _titles(client.get("/api/v1/decisions", {"q": "chot hoan"}), "text") == []


def test_projects_are_found_without_accents(world, client):
    today = timezone.localdate()
    project = Project.objects.create(
        code="DL-01",
        title_en="Da Lat shop",
        title_vi="Khai trương cửa hàng Đà Lạt",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=today,
        end=today + timedelta(days=30),
    )
    project.departments.set([world.own])
    for query in ("cua hang da lat", "KHAI TRƯƠNG", "dl 01"):
        found = client.get("/api/v1/projects", {"q": query}, headers={"Accept-Language": "vi"})
        assert [item["id"] for item in found.json()["items"]] == [project.pk], query


def test_the_database_folds_text_as_the_search_does(world):
    text = "Đặng THỊ Ánh – Ưu tiên #1: Hồ Chí Minh"
    Person.objects.filter(pk=world.member.pk).update(full_name=text)
    folded = (
        Person.objects.filter(pk=world.member.pk)
        .annotate(folded=Folded("full_name"))
        .values_list("folded", flat=True)
        .get()
    )
    words = [word for word in folded.replace("–", " ").replace("#", " ").split(" ") if word]
    assert " ".join(words).replace(":", "") == "dang thi anh uu tien 1 ho chi minh"
