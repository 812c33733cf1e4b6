"""A coordinator's cross-department sync: find a time for people in three departments,
schedule a weekly sync at the first free time, let the app suggest its agenda, take minutes
with an action item, and find the action as a step and carried over to the next week."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from deptcoord.meetings import services
from deptcoord.meetings.models import ActionItem, Meeting
from deptcoord.work.models import Step
from tests.e2e.test_organisation import sign_in
from tests.factories import DepartmentFactory, member
from tests.meetings.helpers import actor


def test_find_a_time_schedule_a_weekly_sync_and_take_minutes(world, page):
    product = DepartmentFactory(code="PRD", name_en="Product", name_vi="Phòng Sản phẩm")
    designer = member(product, "coordinator", full_name="Lê Thu Product")
    services.event_create(
        actor=actor(world.head),
        title_en="SM Home launch day",
        start_date=timezone.localdate() + timedelta(days=20),
        departments=[world.own, product],
    )
    sign_in(page, world.coordinator)

    page.goto("/meetings/")
    page.get_by_role("link", name="Find a time").first.click()
    people = [str(world.coordinator.pk), str(world.other_coordinator.pk), str(designer.pk)]
    page.select_option("#id_required_people", people)
    page.fill("#id_duration", "60")
    page.get_by_role("button", name="Find times").click()
    expect(page.get_by_test_id("slot").first).to_be_visible()
    page.get_by_role("link", name="Schedule at this time").first.click()

    expect(page).to_have_url(re.compile(r"/meetings/new/\?start="))
    page.fill("#id_title_en", "SM Home launch sync")
    page.select_option("#id_repeat", "weekly")
    page.get_by_role("button", name="Schedule and invite").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SM Home launch sync")
    meeting = Meeting.objects.get(title_en="SM Home launch sync")
    assert meeting.rrule.startswith("FREQ=WEEKLY;BYDAY=")
    assert {p.person_id for p in meeting.participants.all()} == {int(pk) for pk in people}

    page.locator(".occurrence-list a").first.click()
    page.get_by_role("button", name="Suggest agenda").click()
    item = page.get_by_test_id("agenda-item").first
    expect(item).to_contain_text("SM Home launch day")
    item.locator("textarea").fill("Booth and demo units confirmed.")
    item.get_by_role("button", name="Save notes").click()
    expect(page.get_by_test_id("agenda-item").first.locator("textarea")).to_have_value(
        "Booth and demo units confirmed."
    )

    page.fill("#id_action-title", "Send the dealer kit to Sales")
    page.select_option("#id_action-assignee", str(world.other_coordinator.pk))
    page.get_by_role("button", name="Add action").click()
    action = page.get_by_test_id("action-item").first
    expect(action).to_contain_text("Send the dealer kit to Sales")
    expect(action.get_by_test_id("action-step")).to_contain_text("Step #")
    item = ActionItem.objects.get(title="Send the dealer kit to Sales")
    step = Step.objects.get(pk=item.step_id)
    assert (step.department, step.assignee) == (world.other, world.other_coordinator)

    page.get_by_test_id("next-occurrence").click()
    expect(page.get_by_test_id("carried-action")).to_contain_text("Send the dealer kit to Sales")
    expect(page.get_by_test_id("carried-action")).to_contain_text("Carried over from")
