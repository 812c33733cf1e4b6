"""Step lists in Vietnamese, in the browser: the coordinator picks three steps of a project and
gives them one due date at once; the assignee moves a step along from "My steps" without the
page reloading, and the keyboard stays on the control."""

from datetime import timedelta

from playwright.sync_api import expect

from deptcoord.work.models import Step
from tests.e2e.test_organisation import sign_in
from tests.work.helpers import monday, project, step


def _in_vietnamese(*people):
    for person in people:
        person.language = "vi"
        person.save(update_fields=["language"])


def test_three_steps_get_one_due_date_and_a_status_changes_in_place(world, page):
    plan = project(world)
    start = monday(0)
    steps = [
        step(
            world.own,
            title,
            plan,
            assignee=world.member,
            start=start,
            due=start + timedelta(days=index + 2),
        )
        for index, title in enumerate(["Kịch bản video", "Trang đích", "Thư mời", "Quay phim"])
    ]
    new_due = start + timedelta(days=21)
    _in_vietnamese(world.coordinator, world.member)

    sign_in(page, world.coordinator)
    page.goto(f"/work/projects/{plan.pk}/")
    counter = page.locator("[data-selected-count]")
    expect(counter).to_have_text("Đã chọn 0")
    for made in steps[:3]:
        page.get_by_label(f"Chọn “{made.title_vi or made.title_en}”").check()
    expect(counter).to_have_text("Đã chọn 3")
    due = page.locator("#bulk-due_shown")
    due.fill(new_due.strftime("%d/%m/%Y"))
    due.press("Tab")
    page.get_by_role("button", name="Áp dụng cho việc đã chọn").click()
    expect(page.get_by_role("status")).to_contain_text("Đã cập nhật 3 việc")
    for made in steps[:3]:
        expect(page.locator(f"#step-row-{made.pk} [data-field=due]")).to_have_value(
            new_due.isoformat()
        )
    assert [s.due for s in Step.objects.order_by("pk")] == [new_due] * 3 + [steps[3].due]

    page.context.clear_cookies()
    sign_in(page, world.member)
    page.goto("/work/my-steps/")
    page.evaluate("window.sameVisit = true")
    status = page.get_by_label(f"Trạng thái của “{steps[0].title_en}”")
    status.focus()
    status.select_option("in_progress")
    row = page.locator(f"#step-row-{steps[0].pk}")
    expect(row.locator("[data-field=status] option[selected]")).to_have_text("Đang làm")
    expect(page.locator(f"#step-row-{steps[0].pk} [data-field=status]")).to_be_focused()
    assert page.evaluate("window.sameVisit") is True  # no reload
    assert Step.objects.get(pk=steps[0].pk).status == "in_progress"
