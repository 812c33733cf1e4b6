"""Organisation pages: forms show clear errors and change nothing; stale edits are refused."""

from django.urls import reverse

from deptcoord.org import messages
from deptcoord.org.models import Department, Person
from tests.factories import client_for


def test_department_form_shows_errors_on_the_fields(world):
    client = client_for(world.admin)
    response = client.post(
        reverse("org:department_create"),
        {"code": "mkt", "name_en": "Marketing 2", "name_vi": "Mới"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [messages.CODE_TAKEN % {"code": "MKT"}]
    assert 'aria-invalid="true"' in response.content.decode()
    assert Department.objects.count() == 3


def test_editing_from_a_stale_page_is_refused(world):
    head, coordinator = client_for(world.head), client_for(world.coordinator)
    url = reverse("org:department_edit", kwargs={"pk": world.own.pk})
    form = {"code": "MKT", "name_en": "Marketing", "name_vi": "Phòng Marketing", "version": 1}
    assert head.post(url, {**form, "description": "Launch first"}).status_code == 302
    response = coordinator.post(url, {**form, "description": "Mine instead"})
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    world.own.refresh_from_db()
    assert world.own.description == "Launch first"


def test_person_form_refuses_capacity_over_a_week(world):
    client = client_for(world.coordinator)
    url = reverse("org:person_edit", kwargs={"pk": world.peer.pk})
    data = {
        "full_name": "Peer",
        "email": world.peer.email,
        "primary_department": world.own.pk,
        "timezone": "Asia/Ho_Chi_Minh",
        "weekly_capacity_hours": "170",
        "work_start": "08:30",
        "work_end": "17:30",
        "working_weekdays": "12345",
        "version": 1,
    }
    response = client.post(url, data)
    assert "between 0 and 168 hours" in response.content.decode()
    assert Person.objects.get(pk=world.peer.pk).weekly_capacity_hours == 40


def test_people_filter_answers_htmx_with_the_table_only(world):
    client = client_for(world.member)
    response = client.get(reverse("org:people") + "?q=peer", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page and "Peer" in page and "Coordinator" not in page


def test_language_and_time_zone_on_the_profile(world):
    client = client_for(world.member)
    response = client.post(
        reverse("profile"), {"language": "vi", "timezone": "Europe/Berlin", "phone": ""}
    )
    assert response.status_code == 302
    world.member.refresh_from_db()
    assert (world.member.language, world.member.timezone) == ("vi", "Europe/Berlin")
    bad = client.post(reverse("profile"), {"language": "vi", "timezone": "Mars/Base"})
    assert bad.status_code == 200
    world.member.refresh_from_db()
    assert world.member.timezone == "Europe/Berlin"
