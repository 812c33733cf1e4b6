"""The board and the timeline by hand, in Vietnamese: a card dragged to another column and
moved from the keyboard; a refused drop puts the card back with the reason; a timeline bar
dragged later shows the steps it pushes, and one click saves it and moves them."""

from datetime import timedelta

from django.db.models import F
from django.utils import translation
from playwright.sync_api import expect

from deptcoord.core.versioning import STALE_VERSION
from deptcoord.work.models import Step
from tests.e2e.test_forms_vietnamese import in_vietnamese
from tests.e2e.test_organisation import sign_in
from tests.work.helpers import link, monday, project, step


def _plan(world):
    plan = project(world)
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=4))
    design.title_vi = "Thiết kế"
    design.save()
    dealers = step(
        world.other,
        "Dealer briefing",
        plan,
        start=start + timedelta(days=7),
        due=start + timedelta(days=8),
        assignee=world.other_member,
    )
    link(design, dealers)
    return plan, design, dealers


def _drag(page, source, target, dx=0):
    """Press, move in steps and release, as a hand does (SortableJS and the Gantt need it)."""
    box = source.bounding_box()
    x, y = box["x"] + min(box["width"] / 2, 40), box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 10, y + 5, steps=4)
    if target is not None:
        goal = target.bounding_box()
        page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + 30, steps=15)
    else:
        page.mouse.move(x + dx, y, steps=15)
    page.mouse.up()


def test_board_cards_move_by_drag_and_by_keyboard_and_a_refused_drop_snaps_back(world, page):
    plan, design, _dealers = _plan(world)
    in_vietnamese(world.coordinator)
    sign_in(page, world.coordinator)
    page.goto(f"/work/projects/{plan.pk}/board/")
    card = page.locator(f"#card-{design.pk}")
    doing = page.get_by_test_id("column-in_progress")

    _drag(page, card, doing)
    expect(doing.locator(f"#card-{design.pk}")).to_be_visible()
    expect(card).to_have_attribute("data-status", "in_progress")
    design.refresh_from_db()
    assert design.status == "in_progress"
    page.reload()
    expect(doing.locator(f"#card-{design.pk}")).to_be_visible()

    # From the keyboard: the menu names the columns; one choice moves the card, focus stays.
    page.get_by_test_id(f"move-{design.pk}").focus()
    page.keyboard.press("ArrowDown")  # opens the menu; moves nothing
    expect(page.get_by_role("button", name="Bị chặn")).to_be_visible()
    expect(doing.locator(f"#card-{design.pk}")).to_be_visible()
    page.get_by_role("button", name="Bị chặn").focus()
    page.keyboard.press("Enter")
    blocked = page.get_by_test_id("column-blocked")
    expect(blocked.locator(f"#card-{design.pk}")).to_be_visible()
    expect(page.get_by_test_id(f"move-{design.pk}")).to_be_focused()
    design.refresh_from_db()
    assert design.status == "blocked"

    # Someone else changes the step meanwhile: the drop is refused and the card goes back.
    Step.objects.filter(pk=design.pk).update(version=F("version") + 1)
    _drag(page, card, page.get_by_test_id("column-done"))
    with translation.override("vi"):
        reason = str(STALE_VERSION)
    expect(page.get_by_test_id(f"refusal-{design.pk}")).to_have_text(reason)
    expect(blocked.locator(f"#card-{design.pk}")).to_be_visible()
    design.refresh_from_db()
    assert design.status == "blocked"


def test_a_timeline_bar_dragged_later_previews_and_moves_the_pushed_steps(world, page):
    plan, design, dealers = _plan(world)
    start = design.start
    in_vietnamese(world.coordinator)
    sign_in(page, world.coordinator)
    page.goto(f"/work/projects/{plan.pk}/timeline/")
    page.get_by_role("button", name="Ngày", exact=True).click()
    bar = page.locator(f'.bar-wrapper[data-id="s{design.pk}"] .bar')
    bar.scroll_into_view_if_needed()
    where = bar.bounding_box()
    placed = bar.get_attribute("x")
    per_day = where["width"] / 5  # Monday to Friday
    dialog = page.locator("#reschedule-dialog")

    # Cancel puts the bar back where it was; nothing is saved.
    _drag(page, bar, None, dx=per_day * 7)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Hủy", exact=True).last.click()
    expect(dialog).to_be_hidden()
    expect(bar).to_have_attribute("x", placed)
    design.refresh_from_db()
    assert design.due == start + timedelta(days=4)

    _drag(page, bar, None, dx=per_day * 7)
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("push-summary")).to_contain_text("1 bước phía sau")
    expect(dialog.get_by_test_id("push-row")).to_contain_text("Dealer briefing")
    expect(dialog.get_by_test_id("push-row")).to_contain_text("Phòng Kinh doanh")
    new_due = dialog.locator("input[name=due]").input_value()
    dialog.get_by_role("button", name="Lưu và dời các bước đó").click()
    expect(page.locator(".toast-stack")).to_contain_text("Đã dời 1 bước phía sau")

    design.refresh_from_db()
    dealers.refresh_from_db()
    assert design.due.isoformat() == new_due and design.due > start + timedelta(days=4)
    assert dealers.start > design.due and dealers.due > start + timedelta(days=8)
