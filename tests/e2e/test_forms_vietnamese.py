"""A Vietnamese reader's forms in a real browser: dates shown and typed as 24/12/2026 with a
calendar in Vietnamese while the form still sends ISO dates, and buttons whose words stay
whole."""

from datetime import date

from playwright.sync_api import expect

from deptcoord.meetings.models import Event
from tests.e2e.test_organisation import sign_in
from tests.meetings.helpers import next_weekday, schedule


def in_vietnamese(person):
    person.language = "vi"
    person.save(update_fields=["language"])


def test_dates_are_shown_and_typed_day_first_and_sent_as_iso(world, page):
    in_vietnamese(world.head)
    sign_in(page, world.head)
    page.goto("/meetings/events/new/")
    shown = page.locator("#id_start_date_shown")
    expect(shown).to_have_attribute("placeholder", "dd/mm/yyyy")
    expect(page.locator("#id_start_date")).to_have_attribute("type", "hidden")
    page.fill("#id_title_vi", "Ra mắt SM Home")
    page.fill("#id_title_en", "SM Home launch")
    shown.fill("24/12/2026")
    shown.press("Tab")
    expect(page.locator("#id_start_date")).to_have_value("2026-12-24")
    expect(shown).to_have_value("24/12/2026")

    end = page.locator("#id_end_date_shown")
    end.fill("25/12/2026")
    end.press("Tab")
    end.click()  # the calendar opens on the month of the date typed
    calendar = page.locator(".flatpickr-calendar.open")
    expect(calendar).to_be_visible()
    expect(calendar.locator(".flatpickr-weekday").first).to_have_text("T2")  # weeks start Monday
    expect(calendar.locator(".flatpickr-monthDropdown-months")).to_contain_text("Tháng mười hai")
    calendar.locator(".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)").get_by_text(
        "26", exact=True
    ).click()
    expect(page.locator("#id_end_date")).to_have_value("2026-12-26")
    expect(page.locator("#id_end_date_shown")).to_have_value("26/12/2026")

    page.locator("form.card button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ra mắt SM Home")
    event = Event.objects.get(title_en="SM Home launch")
    assert (event.start_date, event.end_date) == (date(2026, 12, 24), date(2026, 12, 26))

    page.goto(f"/meetings/events/{event.pk}/edit/")
    expect(page.locator("#id_start_date_shown")).to_have_value("24/12/2026")
    expect(page.get_by_label("Từ ngày")).to_have_value("24/12/2026")


def test_a_narrow_button_keeps_its_word_whole(world, page):
    day = next_weekday(1)
    meeting = schedule(world.head, day=day, participants=[world.member])
    in_vietnamese(world.head)
    sign_in(page, world.head)
    page.goto(f"/meetings/{meeting.pk}/{day:%Y-%m-%d}/")
    add = page.get_by_role("button", name="Thêm", exact=True)
    expect(add).to_be_visible()
    lines = add.evaluate(
        "button => { const range = document.createRange(); range.selectNodeContents(button);"
        " return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }"
    )
    assert lines == 1


def test_a_period_preset_fills_the_dates_shown(world, page):
    in_vietnamese(world.head)
    sign_in(page, world.head)
    page.goto("/goals/new/")
    option = page.locator("#id_period option[data-start]").first
    key, start = option.get_attribute("value"), option.get_attribute("data-start")
    page.select_option("#id_period", key)
    year, month, day = start.split("-")
    expect(page.locator("#id_period_start_shown")).to_have_value(f"{day}/{month}/{year}")
    expect(page.locator("#id_period_start")).to_have_value(start)
    expect(page.locator("#id_period")).to_have_value(key)  # still the preset, not "custom"
