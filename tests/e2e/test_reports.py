"""A coordinator's morning in Vietnamese: read Today, follow the goal at risk, write a note and
find it by typing without diacritics, then prepare, submit and download the week's status
report as a PDF."""

from playwright.sync_api import expect

from deptcoord.reports.models import StatusReport
from tests.e2e.test_organisation import sign_in
from tests.factories import DepartmentFactory
from tests.reports.helpers import items_for


def test_today_then_a_note_then_the_weekly_report(world, page):
    third = DepartmentFactory(code="OPS", name_en="Operations")
    items = items_for(world.own, third, world.coordinator, world.member, world.head, "SM Home")
    sign_in(page, world.coordinator)
    page.get_by_role("button", name="VI").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    at_risk = page.locator("#goals_at_risk")
    expect(at_risk.get_by_role("heading")).to_contain_text("Mục tiêu có rủi ro")
    expect(page.locator("#meetings_today")).to_contain_text("SM Home agenda point")
    at_risk.get_by_role("link", name="SM Home goal at risk").click()
    expect(page).to_have_url(f"{page.url.split('/goals')[0]}/goals/{items.goal.pk}/")

    page.goto(f"/records/departments/{world.own.pk}/")
    page.get_by_role("link", name="Ghi chú mới").first.click()
    page.fill("#id_title", "Kế hoạch ra mắt SM Home")
    page.fill("#id_body", "Chốt danh sách KOL trước thứ Sáu.")
    page.get_by_role("button", name="Lưu ghi chú").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch ra mắt SM Home")
    search_box = page.get_by_role("searchbox", name="Tìm trong mọi thứ bạn được xem")
    search_box.fill("ke hoach ra mat")
    search_box.press("Enter")
    expect(page.locator(".search-results li").first).to_contain_text("Kế hoạch ra mắt SM Home")

    page.goto("/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Báo cáo tình hình")
    page.get_by_role("link", name="Báo cáo mới").click()
    page.get_by_role("button", name="Tạo bản nháp").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo tình hình")
    expect(page.locator(".report-body")).to_contain_text("SM Home goal at risk")
    page.fill("#id_narrative", "**Tuần tốt**: teaser vượt chỉ tiêu.")
    page.get_by_role("button", name="Lưu nhận định").click()
    expect(page.locator(".report-narrative strong")).to_have_text("Tuần tốt")
    page.select_option("#id_recipients", [str(world.executive.pk)])
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".badge", has_text="Đã gửi").first).to_be_visible()
    report = StatusReport.objects.get()
    assert report.state == StatusReport.State.SUBMITTED

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")
