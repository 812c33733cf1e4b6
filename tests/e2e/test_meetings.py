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
from tests.meetings.helpers import actor, schedule


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


def test_the_meeting_workspace_changes_in_place_in_vietnamese(world, page):
    """Add, refuse a duplicate, drag and keyboard-move, autosave notes and suggest an agenda
    that fits the hour: all without the page reloading (a marker on the window survives)."""
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    meeting = schedule(world.coordinator, participants=[world.member])
    day = meeting.starts_at.date()
    for title in ("Ngân sách quý", "Kế hoạch ra mắt"):
        services.agenda_item_create(
            actor=actor(world.coordinator), meeting=meeting, occurrence=day, title=title
        )
    for number in range(6):
        services.event_create(
            actor=actor(world.head),
            title_en=f"Fair {number}",
            title_vi=f"Hội chợ {number}",
            start_date=day + timedelta(days=number + 1),
            departments=[world.own],
        )
    sign_in(page, world.coordinator)
    page.goto(f"/meetings/{meeting.pk}/{day.isoformat()}/")
    page.evaluate("window.stayedOnPage = true")
    expect(page.get_by_test_id("agenda-time")).to_have_text("20/60 phút")

    add = page.locator("#agenda-form")
    page.fill("#id_agenda-title", "Tuyển dụng")
    add.get_by_role("button", name="Thêm", exact=True).click()
    items = page.get_by_test_id("agenda-item")
    expect(items).to_have_count(3)
    expect(items.nth(2)).to_be_focused()
    expect(page.get_by_test_id("agenda-time")).to_have_text("30/60 phút")
    page.fill("#id_agenda-title", "  ngan sach QUY ")
    add.get_by_role("button", name="Thêm", exact=True).click()
    expect(add).to_contain_text("“Ngân sách quý” đã có trong chương trình họp")
    expect(page.locator("#id_agenda-title")).to_be_focused()

    # drag the new item by its handle to the top
    page.get_by_role("heading", name="Chương trình và ghi chú").scroll_into_view_if_needed()
    handle = items.nth(2).locator(".agenda-handle").bounding_box()
    top = items.nth(0).bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(top["x"] + 20, top["y"] + 10, steps=12)
    page.mouse.move(top["x"] + 20, top["y"] + 5, steps=3)
    page.mouse.up()
    expect(items.nth(0)).to_contain_text("1. Tuyển dụng")
    # and back down one place with the keyboard
    items.nth(0).focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(items.nth(1)).to_contain_text("2. Tuyển dụng")
    moved = meeting.agenda_items.get(title="Tuyển dụng")
    expect(page.locator(f"#move-down-{moved.pk}")).to_be_focused()
    assert [item.title for item in meeting.agenda_items.order_by("position")] == [
        "Ngân sách quý",
        "Tuyển dụng",
        "Kế hoạch ra mắt",
    ]

    items.nth(0).locator("textarea").fill("Chốt ngân sách 2 tỷ")
    expect(items.nth(0).get_by_test_id("save-state")).to_contain_text("Đã lưu lúc")
    assert meeting.agenda_items.get(title="Ngân sách quý").notes == "Chốt ngân sách 2 tỷ"

    page.get_by_role("button", name="Gợi ý chương trình họp").click()
    expect(page.locator("#agenda-messages")).to_contain_text("không đủ thời gian trong 60 phút")
    expect(page.get_by_test_id("agenda-time")).to_have_text("60/60 phút")
    expect(page.get_by_test_id("optional-item").first).to_contain_text("tùy chọn")
    assert page.evaluate("window.stayedOnPage") is True
