"""Whoever creates a record can open it, even when it belongs to another department."""

from datetime import date

from django.urls import reverse

from deptcoord.access import Action, can, visible
from deptcoord.meetings import services
from deptcoord.meetings.series import occurrences_between
from deptcoord.org.facts import role_facts_for_person
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Step
from tests.factories import client_for
from tests.meetings.helpers import actor, schedule


def test_the_organiser_opens_the_step_made_from_his_action_item(world):
    meeting = schedule(world.coordinator, participants=[world.other_member])
    item = services.action_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=occurrences_between(meeting, meeting.starts_at, meeting.ends_at)[0].key,
        title="Send the price list",
        assignee=world.other_member,
    )
    step = Step.objects.get(pk=item.step_id)
    assert step.department == world.other and step.created_by == world.coordinator
    organiser = client_for(world.coordinator)
    page = organiser.get(reverse("work:step", kwargs={"pk": step.pk}))
    assert page.status_code == 200 and "Send the price list" in page.content.decode()
    assert organiser.get(f"/api/v1/steps/{step.pk}").status_code == 200
    assert step.pk in {row["id"] for row in organiser.get("/api/v1/steps").json()["items"]}
    # Reading is all: the step is Sales' to change.
    assert organiser.get(reverse("work:step_edit", kwargs={"pk": step.pk})).status_code == 403
    facts = role_facts_for_person(world.coordinator)
    assert not can(facts, Action.CHANGE, step) and not can(facts, Action.UPDATE_PROGRESS, step)
    # Someone else of Marketing, who created nothing, still does not find it.
    assert client_for(world.member).get(f"/api/v1/steps/{step.pk}").status_code == 404


def test_whoever_started_a_plan_run_may_open_it(world):
    run = PlanRun.objects.create(
        name="Sales in January",
        scope="department",
        department=world.other,
        start=date(2027, 1, 4),
        end=date(2027, 1, 29),
        created_by=world.coordinator,
    )
    facts = role_facts_for_person(world.coordinator)
    assert can(facts, Action.VIEW, run) and not can(facts, Action.APPLY_PLAN, run)
    assert list(visible(facts, PlanRun.objects.all())) == [run]
    assert not visible(role_facts_for_person(world.member), PlanRun.objects.all()).exists()
