"""A coordinator's first morning: sign in, read it in Vietnamese, add a department, import people."""

import re

from playwright.sync_api import expect

from deptcoord.org.models import Department
from tests.factories import PASSWORD


def sign_in(page, person):
    """Sign in through the real form."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/$"))


def test_sign_in_switch_language_create_department_import_people(world, page, tmp_path):
    sign_in(page, world.admin)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Good day")

    page.get_by_role("button", name="VI").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("link", name="Nhân sự")).to_be_visible()

    page.get_by_role("link", name="Tổ chức").click()
    page.get_by_role("link", name="Thêm phòng ban").first.click()
    page.get_by_label("Mã").fill("CS")
    page.get_by_label("Tên tiếng Anh").fill("Customer Care")
    page.get_by_label("Tên tiếng Việt").fill("Phòng Chăm sóc khách hàng")
    page.get_by_role("button", name="Tạo phòng ban").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phòng Chăm sóc khách hàng")
    assert Department.objects.filter(code="CS", name_en="Customer Care").exists()

    people = tmp_path / "people.csv"
    people.write_text(
        "email,full_name,department_code,weekly_capacity_hours\n"
        "lan.nguyen@example.com,Nguyễn Thị Lan,CS,40\n"
        "hung.tran@example.com,Trần Văn Hùng,CS,400\n",
        encoding="utf-8",
    )
    page.goto("/org/import/people/")
    page.get_by_label("Bảng tính (CSV hoặc XLSX)").set_input_files(str(people))
    page.get_by_role("button", name="Xem trước").click()
    preview = page.locator("#import-result")
    expect(preview).to_contain_text("weekly_capacity_hours")
    expect(preview).to_contain_text("168")
    expect(preview.get_by_role("alert")).to_contain_text("1 dòng")
    expect(page.get_by_role("button", name="Nhập các dòng này")).to_have_count(0)
