"""A coordinator's goals morning, in Vietnamese: a company goal, a department goal aligned under
it, two check-ins, and the progress and forecast on the tree, with numbers written the
Vietnamese way (55 %).
"""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from deptcoord.goals import forecast
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.periods import quarter_of
from tests.e2e.helpers import fill_date
from tests.e2e.test_organisation import sign_in


def vietnamese_percent(value: float) -> re.Pattern:
    """A whole percentage as Vietnamese writes it: "55 %" (with a no-break space)."""
    return re.compile(rf"\b{round(value)}\s%")


def submit(page) -> None:
    page.locator("main form.card button[type=submit]").click()


def create_goal(page, title_en: str, title_vi: str, level: str, department: str = "") -> Goal:
    page.fill("#id_title_en", title_en)
    page.fill("#id_title_vi", title_vi)
    page.select_option("#id_level", level)
    page.select_option("#id_department", department)
    submit(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title_vi)
    return Goal.objects.get(title_en=title_en)


def check_in_on_card(page, key_result: KeyResult, value: str, day=None) -> None:
    """Check in from the goal page's key-result card (htmx sends the card back)."""
    card = page.locator(f"#kr-card-{key_result.pk}")
    card.locator("summary").first.click()
    card.locator("input[name=value]").fill(value)
    if day is not None:
        card.locator("details details summary").click()
        fill_date(page, f"#kr{key_result.pk}-day", day.strftime("%d/%m/%Y"))  # a Vietnamese page
    card.locator("button[type=submit]").click()
    expect(page.locator(f"#kr-card-{key_result.pk} .alert-success")).to_be_visible()


def test_goals_from_company_to_department_with_check_ins_in_vietnamese(world, page):
    sign_in(page, world.admin)
    page.get_by_role("button", name="VI").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.get_by_role("link", name="Mục tiêu").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mục tiêu")
    page.get_by_role("link", name="Thêm mục tiêu").first.click()
    company = create_goal(page, "Launch SM Home", "Ra mắt loa SM Home", "company")

    page.locator(f"a[href='/goals/new/?parent={company.pk}']").click()
    expect(page.locator("#id_parent")).to_have_value(str(company.pk))
    marketing = create_goal(
        page, "Make SM Home known", "Đưa SM Home đến khách hàng", "department", str(world.own.pk)
    )
    assert marketing.parent == company

    page.locator(f"a[href='/goals/{marketing.pk}/key-results/new/']").first.click()
    page.fill("#id_title_en", "People reached")
    page.fill("#id_title_vi", "Số người tiếp cận")
    page.fill("#id_start_value", "0")
    page.fill("#id_target_value", "100")
    submit(page)
    reach = KeyResult.objects.get(goal=marketing)

    today = timezone.localdate()
    earlier = max(quarter_of(today).start, today - timedelta(days=20))
    check_in_on_card(page, reach, "30", day=earlier)
    check_in_on_card(page, reach, "55")
    expect(page.locator(f"#kr-card-{reach.pk} .kr-values")).to_contain_text("55")
    expect(page.locator(f"#kr-card-{reach.pk} .alert-success")).to_contain_text(
        "Đã lưu cập nhật tiến độ"
    )

    reach.refresh_from_db()
    expected = forecast.forecast_key_result(
        forecast.KeyResultTrack(
            0,
            100,
            forecast.Direction.INCREASE,
            reach.starts_on,
            reach.due_on,
            tuple(forecast.CheckIn(c.day, c.value) for c in reach.check_ins.all()),
        ),
        as_of=today,
        recent_check_ins=6,
    )
    page.locator("#nav-main a[href='/goals/']").click()
    top = page.locator(".goal-tree > .goal-node").first
    expect(top.locator(".goal-title").first).to_have_text("Ra mắt loa SM Home")
    row = top.locator(".goal-row").first
    expect(row.locator(".goal-progress-value")).to_have_text(vietnamese_percent(55))
    expect(row.locator(".goal-forecast")).to_contain_text(
        vietnamese_percent(expected.projected_progress_percent)
    )
    branch = top.locator(".goal-children .goal-node").first
    expect(branch.locator(".goal-title")).to_have_text("Đưa SM Home đến khách hàng")
    expect(branch.locator(".goal-progress-value")).to_have_text(vietnamese_percent(55))

    toggle = top.locator("[data-goal-toggle]").first
    toggle.click()
    expect(top.locator(".goal-children").first).to_be_hidden()
    toggle.click()
    expect(branch).to_be_visible()
