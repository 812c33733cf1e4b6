"""A Vietnamese organiser drags a weekly meeting's occurrence to another day and hour on the
calendar; a drop from a stale calendar snaps back with the reason; find-a-time shows each
person's hours and why days are left out."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from deptcoord.meetings.models import Meeting
from deptcoord.meetings.series import occurrence_of
from deptcoord.org.models import CompanyDayOff
from tests.factories import PASSWORD
from tests.meetings.helpers import next_weekday, schedule

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def _box(locator):
    """Where the element is drawn, once the calendar has drawn it."""
    locator.wait_for(state="visible")
    for _ in range(20):
        box = locator.bounding_box()
        if box is not None:
            return box
        locator.page.wait_for_timeout(100)
    raise AssertionError(f"{locator} is not drawn")


def _drag(page, source, column, from_time, to_time):
    """Drag the event by its top into the day's column and, like a person watching the time
    the dragged copy shows, nudge it until it reads ``to_time``; then release."""
    page.wait_for_load_state("networkidle")  # the calendar has its events and draws no more
    expect(source).to_be_visible()
    source.evaluate(
        "e => window.scrollBy({top: e.getBoundingClientRect().top - 250, behavior: 'instant'})"
    )
    box = _box(source)
    lanes = "td.fc-timegrid-slot-lane[data-time='{}:00']"
    top = _box(page.locator(lanes.format(from_time)))["y"]
    lane = _box(page.locator(lanes.format(to_time)))
    column = _box(page.locator(f"td.fc-timegrid-col[data-date='{column.isoformat()}']"))
    x, y = column["x"] + column["width"] / 2, box["y"] + 6 + lane["y"] - top
    quarter = lane["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 6)
    page.mouse.down()
    page.mouse.move(x, y, steps=12)
    mirror = page.locator(".fc-event-mirror")
    for _ in range(4):
        shown = mirror.inner_text()[:5]
        if shown == to_time:
            break
        y += quarter if shown < to_time else -quarter
        page.mouse.move(x, y, steps=2)
    page.mouse.up()


def test_drag_a_meeting_on_the_calendar_and_see_why_days_are_left_out(world, browser, live_server):
    organiser = world.coordinator
    organiser.language = "vi"
    organiser.timezone = "Asia/Ho_Chi_Minh"
    organiser.save(update_fields=["language", "timezone"])
    tuesday = next_weekday(1)
    wednesday = tuesday + timedelta(days=1)
    meeting = schedule(
        organiser, day=tuesday, rule="FREQ=WEEKLY;COUNT=3", participants=[world.member]
    )
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1440, "height": 1000},
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_login", organiser.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.goto("/meetings/")
    page.locator(".fc-timeGridWeek-button").click()
    page.locator(".fc-next-button").click()
    event = page.locator(f"td.fc-timegrid-col[data-date='{tuesday.isoformat()}'] .fc-event")
    expect(event).to_contain_text("Launch sync")
    # after the move the calendar reads the period again and draws the events anew: the next
    # drag starts once it has (it would grab an event about to be replaced)
    with page.expect_response(lambda response: "calendar.json" in response.url):
        _drag(page, event, wednesday, "09:00", "14:00")

    message = page.get_by_test_id("calendar-message")
    expect(message).to_contain_text("Đã dời cuộc họp")
    moved = page.locator(f"td.fc-timegrid-col[data-date='{wednesday.isoformat()}'] .fc-event")
    expect(moved).to_contain_text("14:00")
    meeting.refresh_from_db()
    found = occurrence_of(meeting, tuesday)
    assert found.moved
    assert found.start.astimezone(ZONE) == datetime.combine(wednesday, time(14), ZONE)
    assert found.end - found.start == timedelta(hours=1)

    # Someone else changes the series meanwhile: the next drop is refused and snaps back.
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 5)
    _drag(page, moved, wednesday, "14:00", "16:00")
    expect(message).to_contain_text("Người khác đã thay đổi")
    expect(message).to_have_attribute("role", "alert")
    expect(moved).to_contain_text("14:00")
    assert occurrence_of(meeting, tuesday).start.astimezone(ZONE).time() == time(14)

    # Find a time on a phone: the grid scrolls in its own box and a holiday is named.
    monday = next_weekday(0, weeks=2)
    CompanyDayOff.objects.create(date=monday, name="Du lịch công ty")
    page.set_viewport_size({"width": 390, "height": 844})
    people = "&".join(f"required_people={p.pk}" for p in (organiser, world.member))
    page.goto(
        f"/meetings/find-time/?{people}&duration=60&quorum=100"
        f"&window_start={monday.isoformat()}&window_end={(monday + timedelta(days=4)).isoformat()}"
    )
    grid = page.get_by_test_id("availability")
    expect(grid.locator("tbody tr")).to_have_count(2)
    expect(grid.locator("td.is-proposed").first).to_be_attached()
    expect(page.get_by_test_id("reason").first).to_have_text(
        f"Thứ 2 {monday:%d/%m}: ngày lễ (Du lịch công ty)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
