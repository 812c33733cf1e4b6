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


def test_the_department_page_asks_for_the_add_person_list_only_when_wanted(world):
    """The department page does not write out everyone in the company; the add form comes
    in place on request (and as a page of its own without scripts)."""
    client = client_for(world.coordinator)
    page = client.get(reverse("org:department_detail", kwargs={"pk": world.own.pk}))
    url = reverse("org:membership_add", kwargs={"pk": world.own.pk})
    assert f'hx-get="{url}"' in page.content.decode()
    assert 'name="person"' not in page.content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'name="person"' in fragment
    assert world.other_member.full_name in fragment
    whole = client.get(url).content.decode()
    assert "<html" in whole and 'name="person"' in whole


def test_adding_nobody_shows_the_form_again_with_the_reason(world):
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    client = client_for(world.coordinator)
    url = reverse("org:membership_add", kwargs={"pk": world.own.pk})
    before = world.own.memberships.count()
    response = client.post(url, {"person": "", "role": "member"})
    assert response.status_code == 200
    assert "Hãy chọn nhân sự và vai trò." in response.content.decode()
    assert world.own.memberships.count() == before
    response = client.post(url, {"person": world.other_member.pk, "role": "member"})
    assert response.status_code == 302
    assert world.own.memberships.count() == before + 1
