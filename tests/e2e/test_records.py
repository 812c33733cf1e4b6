"""A coordinator's records morning, in Vietnamese: write a note with a Markdown preview, then
find it from the top bar by typing without diacritics, and open it from the highlighted result.
"""

from playwright.sync_api import expect

from deptcoord.records.models import Note
from tests.e2e.test_organisation import sign_in


def test_write_a_note_and_find_it_without_diacritics(world, page):
    sign_in(page, world.coordinator)
    page.get_by_role("button", name="VI").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.goto(f"/records/departments/{world.own.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ của Phòng Marketing")
    page.get_by_role("link", name="Ghi chú mới").first.click()
    page.fill("#id_title", "Kế hoạch truyền thông tháng ra mắt")
    page.fill("#id_body", "**Tuần 1**: teaser trên Facebook\n\n<script>alert(1)</script>")
    page.fill("#id_tags", "ra mắt, truyền thông")
    page.get_by_role("tab", name="Xem trước").click()
    expect(page.locator("#note-preview strong")).to_have_text("Tuần 1")
    expect(page.locator("#note-preview script")).to_have_count(0)
    page.get_by_role("button", name="Lưu ghi chú").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch truyền thông tháng ra mắt")
    expect(page.locator(".alert-success, .toast")).to_contain_text("Đã lưu ghi chú")
    note = Note.objects.get(title="Kế hoạch truyền thông tháng ra mắt")
    assert note.tag_names == ["ra mắt", "truyền thông"]

    search_box = page.get_by_role("searchbox", name="Tìm trong mọi thứ bạn được xem")
    search_box.fill("ke hoach truyen thong")
    search_box.press("Enter")
    result = page.locator(".search-results li").first
    expect(result.locator("mark").first).to_have_text("Kế")
    expect(result).to_contain_text("Ghi chú")
    result.get_by_role("link").click()
    expect(page).to_have_url(f"{page.url.split('/records')[0]}/records/notes/{note.pk}/")
    expect(page.locator(".markdown-body strong")).to_have_text("Tuần 1")
