"""A coordinator's morning in Vietnamese, handled from where it shows: a request accepted, a
key result checked in and a step marked done on Today, then a check-in on the key result's
page, all without leaving the page; deleting a step asks once."""

import re

from playwright.sync_api import expect

from deptcoord.goals.models import CheckIn
from deptcoord.work.models import Request, Step
from tests.e2e.test_forms_vietnamese import in_vietnamese
from tests.e2e.test_organisation import sign_in
from tests.factories import DepartmentFactory
from tests.reports.helpers import items_for


def _items(world):
    third = DepartmentFactory(code="OPS", name_en="Operations", name_vi="Vận hành")
    return items_for(world.own, third, world.coordinator, world.member, world.head, "MKT")


def _stays(page) -> None:
    """Mark the page; a reload or a navigation would lose the mark."""
    page.evaluate("window.stillHere = true")


def _stayed(page) -> bool:
    return page.evaluate("window.stillHere === true")


def test_a_morning_handled_from_today_without_leaving_it(world, page):
    items = _items(world)
    in_vietnamese(world.coordinator)
    sign_in(page, world.coordinator)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    _stays(page)

    # What needs doing comes first; what is calm is one line at the end.
    cards = page.locator(".briefing-card h2")
    expect(cards.first).to_contain_text("Bước quá hạn")
    expect(page.locator("#all-clear")).to_contain_text("Không có gì cần xử lý:")

    requests = page.locator("#requests_incoming")
    requests.get_by_role("button", name="Chấp nhận").click()
    accepted = requests.get_by_role("status")
    expect(accepted).to_contain_text("Đã chấp nhận yêu cầu")
    expect(accepted).to_be_focused()
    assert Request.objects.get(pk=items.incoming.pk).state == Request.State.ACCEPTED

    at_risk = page.locator("#key_results_at_risk")
    at_risk.get_by_label("Giá trị mới").fill("abc")
    at_risk.get_by_role("button", name="Cập nhật tiến độ").click()
    expect(at_risk.get_by_label("Giá trị mới")).to_be_focused()  # the error, in place
    expect(at_risk.get_by_role("alert")).to_be_visible()
    at_risk.get_by_label("Giá trị mới").fill("35")
    at_risk.get_by_label("Ghi chú (không bắt buộc)").fill("Đã mở thêm hai cửa hàng")
    at_risk.get_by_role("button", name="Cập nhật tiến độ").click()
    saved = at_risk.get_by_role("status")
    expect(saved).to_contain_text(re.compile(r"Đã lưu cập nhật tiến độ: hiện đạt 35"))
    expect(saved).to_be_focused()
    assert CheckIn.objects.get(key_result=items.key_result).note == "Đã mở thêm hai cửa hàng"

    late = page.locator("#overdue_steps")
    late.get_by_role("button", name="Đánh dấu xong").click()
    expect(late.get_by_role("status")).to_contain_text("Đã đánh dấu bước là xong.")
    assert Step.objects.get(pk=items.overdue.pk).status == Step.Status.DONE
    assert _stayed(page)


def test_a_key_result_page_checks_in_in_place_and_a_step_is_deleted_after_one_question(world, page):
    items = _items(world)
    in_vietnamese(world.coordinator)
    sign_in(page, world.coordinator)
    key_result = items.key_result
    page.goto(f"/goals/key-results/{key_result.pk}/")
    _stays(page)
    page.get_by_label("Giá trị mới").fill("nhiều")
    page.get_by_role("button", name="Lưu cập nhật tiến độ").click()
    expect(page.get_by_label("Giá trị mới")).to_be_focused()  # the error, in place
    expect(page.get_by_label("Giá trị mới")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Giá trị mới").fill("55")
    page.get_by_role("button", name="Lưu cập nhật tiến độ").click()
    saved = page.get_by_test_id("check-in-saved")
    expect(saved).to_contain_text("hiện đạt 55")
    expect(saved).to_be_focused()
    expect(page.get_by_test_id("kr-current")).to_have_text("55")
    expect(page.locator("section[aria-labelledby=check-ins-title] tbody tr").first).to_contain_text(
        "55"
    )
    expect(page.get_by_label("Giá trị mới")).to_have_value("")  # ready for the next one
    assert _stayed(page)

    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(f"/work/steps/{items.due_soon.pk}/")
    page.get_by_role("button", name="Xóa").click()
    expect(page).not_to_have_url(re.compile(rf"/steps/{items.due_soon.pk}/$"))
    assert len(dialogs) == 1
    assert not Step.objects.filter(pk=items.due_soon.pk).exists()
