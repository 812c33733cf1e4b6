"""Forms offer only the people, departments and kinds the policy allows; when a service refuses
a choice anyway, the form comes back with what was typed and a clear sentence, nothing changes
and the refusal is kept in the trail."""

from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department
from deptcoord.people.models import Feedback
from tests.factories import client_for
from tests.goals.helpers import goal

TYPED = "Missed the dealer meeting twice without a word."


def _kinds(response) -> list[str]:
    return [value for value, _label in response.context["form"].fields["kind"].choices]


def _denials() -> int:
    return AuditEntry.objects.filter(kind="security").count()


def test_the_feedback_form_offers_only_the_kinds_one_may_give(world):
    member_form = client_for(world.member).get(reverse("people:feedback_create"))
    assert _kinds(member_form) == ["praise"]
    coordinator_form = client_for(world.coordinator).get(reverse("people:feedback_create"))
    assert _kinds(coordinator_form) == ["praise", "advice", "warning"]


def test_a_warning_outside_ones_departments_comes_back_on_the_form(world):
    client = client_for(world.coordinator)
    before = _denials()
    data = {
        "subject": world.other_member.pk,
        "kind": "warning",
        "visibility": "private",
        "body": TYPED,
        "reason": "Twice in November",
    }
    response = client.post(reverse("people:feedback_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "only to people of the departments you run" in page
    assert TYPED in page and "Twice in November" in page  # nothing typed is lost
    assert response.context["form"].errors["subject"]
    assert not Feedback.objects.exists()
    assert _denials() == before + 1
    client.post("/language/", {"language": "vi", "next": "/"})
    again = client.post(reverse("people:feedback_create"), data).content.decode()
    assert "phòng ban bạn phụ trách" in again and TYPED in again


def test_praise_to_anyone_still_goes_through(world):
    client = client_for(world.member)
    data = {
        "subject": world.other_member.pk,
        "kind": "praise",
        "visibility": "public",
        "body": "Thanks for the launch kit.",
    }
    response = client.post(reverse("people:feedback_create"), data)
    assert response.status_code == 302 and Feedback.objects.count() == 1


def test_the_goal_form_offers_company_goals_only_to_those_who_keep_them(world):
    def levels(person):
        form = client_for(person).get(reverse("goals:goal_create")).context["form"]
        return [value for value, _label in form.fields["level"].choices]

    assert levels(world.coordinator) == ["department", "team", "person"]
    assert levels(world.executive) == ["company", "department", "team", "person"]


def test_moving_a_goal_out_of_ones_reach_comes_back_on_the_form(world):
    own = goal(world.member, level=Goal.Level.PERSON, department=world.own, title_en="My leads")
    client = client_for(world.member)
    form = client.get(reverse("goals:goal_edit", kwargs={"pk": own.pk})).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("parent", "private")
    }
    # A member may keep a personal goal, not a department's goal.
    data.update(level="department", period="custom", description="Typed before saving")
    response = client.post(reverse("goals:goal_edit", kwargs={"pk": own.pk}), data)
    page = response.content.decode()
    assert response.status_code == 200, response.context["form"].errors
    assert "out of your reach" in page and "Typed before saving" in page
    own.refresh_from_db()
    assert own.level == Goal.Level.PERSON and own.description == ""


def test_a_coordinator_is_not_offered_a_top_level_department(world):
    client = client_for(world.coordinator)
    form = client.get(reverse("org:department_create")).context["form"]
    assert form.fields["parent"].required
    assert "" not in [str(value) for value, _label in form.fields["parent"].choices]
    response = client.post(
        reverse("org:department_create"),
        {"code": "MKT-EV", "name_en": "Events", "name_vi": "Sự kiện", "parent": ""},
    )
    assert response.status_code == 200 and response.context["form"].errors["parent"]
    assert not Department.objects.filter(code="MKT-EV").exists()
    made = client.post(
        reverse("org:department_create"),
        {"code": "MKT-EV", "name_en": "Events", "name_vi": "Sự kiện", "parent": world.own.pk},
    )
    assert made.status_code == 302 and Department.objects.filter(code="MKT-EV").exists()
