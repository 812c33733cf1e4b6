"""A Vietnamese coordinator invites two people by typing their names without accents, then
moves around from the keyboard: g p opens the projects, Ctrl+K finds a project by a name typed
without accents and Enter opens it, ? lists the shortcuts."""

import re

from playwright.sync_api import expect

from deptcoord.meetings.models import Meeting
from deptcoord.search.indexing import index_record
from tests.e2e.test_forms_vietnamese import in_vietnamese
from tests.e2e.test_organisation import sign_in
from tests.factories import member
from tests.work.helpers import project


def test_pick_people_by_typing_and_move_around_from_the_keyboard(world, page):
    tuan = member(world.own, full_name="Ngô Đức Tuấn", title_vi="Điều phối viên")
    lan = member(world.other, full_name="Phạm Thị Lan")
    launch = project(world, code="SMH", title_en="SM Home launch", title_vi="Ra mắt loa SM Home")
    index_record(launch)
    in_vietnamese(world.coordinator)
    sign_in(page, world.coordinator)

    page.goto("/meetings/new/")
    page.fill("#id_title_vi", "Họp chuẩn bị ra mắt")
    people = page.get_by_role("combobox", name="Người bắt buộc tham dự")
    people.fill("tuan")
    offered = page.locator(".ts-dropdown [role=option]")
    expect(offered).to_have_count(1)
    expect(offered).to_contain_text("Ngô Đức Tuấn")
    expect(offered).to_contain_text("Phòng Marketing · Điều phối viên")
    people.press("Enter")
    people.fill("lan")
    expect(offered).to_have_count(1)
    expect(offered).to_contain_text("Phạm Thị Lan")
    people.press("Enter")
    people.fill("khong ai")
    expect(page.locator(".ts-dropdown .no-results")).to_have_text("Không tìm thấy")
    people.fill("")
    chips = page.locator("#id_required_people + .ts-wrapper .item")
    expect(chips).to_contain_text(["Ngô Đức Tuấn", "Phạm Thị Lan"])
    title = page.locator("#id_title_vi")
    title.press("End")
    title.press("g")
    title.press("p")  # typing in a field is not a shortcut
    expect(title).to_have_value("Họp chuẩn bị ra mắtgp")
    title.fill("Họp chuẩn bị ra mắt")
    page.get_by_role("button", name="Lên lịch và gửi thư mời").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Họp chuẩn bị ra mắt")
    meeting = Meeting.objects.get(title_vi="Họp chuẩn bị ra mắt")
    assert {p.person_id for p in meeting.participants.filter(required=True)} >= {tuan.pk, lan.pk}

    page.locator("body").press("g")
    page.locator("body").press("p")
    expect(page).to_have_url(re.compile(r"/work/$"))
    page.wait_for_load_state()
    page.locator("body").press("/")
    expect(page.locator("form[role=search] input[name=q]").first).to_be_focused()

    page.keyboard.press("Control+k")
    search = page.get_by_role("combobox", name="Mở nhanh")
    expect(search).to_be_focused()
    search.fill("ra mat loa")
    expect(page.get_by_role("option", name=re.compile("Ra mắt loa SM Home"))).to_have_attribute(
        "aria-selected", "true"
    )
    search.press("Enter")
    expect(page).to_have_url(re.compile(rf"/work/projects/{launch.pk}/$"))
    page.wait_for_load_state()

    page.locator("body").press("?")
    shortcuts = page.get_by_role("dialog", name="Phím tắt")
    expect(shortcuts).to_be_visible()
    expect(shortcuts).to_contain_text("Đến trang Dự án")
    expect(shortcuts).to_contain_text("Mở nhanh một mục tiêu, dự án")


def test_the_calendar_finds_someone_of_another_department_by_typing(world, page):
    lan = member(world.other, full_name="Phạm Thị Lan", title_vi="Trưởng nhóm bán hàng")
    in_vietnamese(world.member)
    sign_in(page, world.member)
    page.goto("/meetings/")
    # the page lists the member's own department; Lan (Sales) is found by asking the server
    assert not page.locator(f'#cal-person option[value="{lan.pk}"]').count()
    person = page.locator("#cal-person-ts-control")
    person.fill("pham lan")
    offered = page.locator(".ts-dropdown [role=option]", has_text="Phạm Thị Lan")
    expect(offered).to_have_count(1)
    expect(offered).to_contain_text("Trưởng nhóm bán hàng")
    person.press("Enter")
    page.locator("[data-calendar-filters] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"person={lan.pk}"))
    expect(page.locator("#cal-person option:checked")).to_have_text("Phạm Thị Lan")
