"""The main pages of the demo company pass axe-core's checks (WCAG 2.1 A and AA, and the best
practices on landmarks) in English and Vietnamese, in the light and the dark theme: no critical
or serious violation. A coordinator reads every page, signed in once."""

import re
import time
from collections import Counter
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import expect

from deptcoord.meetings.models import Meeting
from deptcoord.org.models import Membership, Person
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Project
from tests.e2e.test_vietnamese_tour import COUNT_HTMX, SETTLED
from tests.e2e.tour_pages import OWN, RECORDS, occurrence, pk

AXE = Path(__file__).parent / "vendor/axe-core/axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
WIDER_THAN_SCREEN = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
THEME = "localStorage.setItem('deptcoord-theme', '{}');"

# axe's verdicts on a page, without the page's text: rule, impact, and where.
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def main_pages() -> list[tuple[str, str]]:
    """(name, URL) of the pages read, each with the coordinator's own demo record."""
    # The project with a timeline: its steps have dates.
    project = pk(Project, steps__start__isnull=False)
    plan = PlanRun.objects.order_by("pk").first()
    meeting = Meeting.objects.filter(pk=occurrence()["pk"]).get()
    urls = [
        ("today", reverse("today")),
        ("goals list", reverse("goals:list")),
        ("goal tree", reverse("goals:tree")),
        ("goal", reverse("goals:goal_detail", kwargs=RECORDS["goals:goal_detail"]())),
        ("key result", reverse("goals:key_result_detail", kwargs=RECORDS["goals:check_in"]())),
        ("projects", reverse("work:projects")),
        ("project", reverse("work:project", kwargs=project)),
        ("board", reverse("work:project_board", kwargs=project)),
        ("timeline", reverse("work:project_timeline", kwargs=project)),
        ("my steps", reverse("work:my_steps")),
        ("workload", reverse("work:workload")),
        ("meetings", reverse("meetings:list")),
        ("meeting", reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})),
        ("calendar", reverse("meetings:calendar")),
        ("find a time", reverse("meetings:find_time")),
        ("people", reverse("org:people")),
        ("person", reverse("people:person", kwargs=RECORDS["people:person"]())),
        ("skills matrix", reverse("people:matrix")),
        ("status reports", reverse("reports:list")),
        ("status report", reverse("reports:detail", kwargs=RECORDS["reports:detail"]())),
        ("records", reverse("records:search") + "?q=plan"),
        ("notifications", reverse("notices:notifications")),
        ("department", reverse("org:department_detail", kwargs=RECORDS["org:department_detail"]())),
        ("planning runs", reverse("planning:list")),
    ]
    if plan is not None:
        urls.append(("plan run", reverse("planning:detail", kwargs={"pk": plan.pk})))
    return urls


def audit(tab, name: str, url: str) -> list[dict]:
    """axe's violations on one page, each with the page's name."""
    response = tab.goto(url)
    assert response.status == 200, f"{name}: {url} answered {response.status}"
    tab.wait_for_function(SETTLED)
    # Charts and the timeline draw once their scripts run; let animations end.
    tab.wait_for_timeout(150)
    tab.add_script_tag(path=str(AXE))
    return [{**found, "page": name} for found in tab.evaluate(RUN_AXE)]


def phone_reaches_bell_and_search(browser, live_server, signed_in):
    """On a phone 360 px wide, the bell and the search are in the top bar with the menu closed,
    the bell's list fits the screen, and the page does not scroll sideways."""
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=PHONE, storage_state=signed_in
    )
    tab = context.new_page()
    tab.goto("/")
    expect(tab.locator("#nav-main")).to_be_hidden()
    bell = tab.locator("header #bell > button")
    expect(bell).to_be_visible()
    expect(bell).to_have_attribute("aria-label", re.compile("Thông báo"))
    bell.click()
    menu = tab.locator("header #bell .dropdown-menu")
    expect(menu).to_be_visible()
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert tab.evaluate(WIDER_THAN_SCREEN) == 0
    tab.keyboard.press("Escape")
    tab.locator("header").get_by_role("link", name="Tìm trong mọi thứ bạn được xem").click()
    expect(tab.locator("main input[name=q]")).to_be_visible()
    assert tab.evaluate(WIDER_THAN_SCREEN) == 0
    context.close()


def timeline_by_keyboard(browser, live_server, signed_in, pages):
    """Every bar of the timeline is a link in the tab order, named by its step; Enter opens it."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport=DESKTOP, storage_state=signed_in
    )
    tab = context.new_page()
    tab.goto(dict(pages)["timeline"])
    bars = tab.locator("#gantt .bar-wrapper[role=link][tabindex='0']")
    expect(bars.first).to_be_attached()
    rows = tab.locator("[aria-labelledby=schedule-title] tbody tr")
    assert bars.count() == rows.count()
    expect(tab.locator("#gantt .gantt-container")).to_have_attribute("tabindex", "0")
    first = bars.first
    title = rows.first.locator("td a").first.inner_text()
    expect(first).to_have_attribute("aria-label", re.compile(re.escape(title)))
    first.focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)
    context.close()


def test_main_pages_pass_axe_in_both_languages_and_themes(browser, live_server, tmp_path, settings):
    from tests.e2e.test_vietnamese_tour import demo_company

    started = time.monotonic()
    password = demo_company(tmp_path, settings)
    Person.objects.update(language="")  # each tab reads in its browser's language
    coordinator = Membership.objects.filter(department__code=OWN, role="coordinator").first().person
    pages = main_pages()

    signed_in = None
    violations, rules, elements = [], Counter(), Counter()
    for locale, language in (("en-GB", "en"), ("vi-VN", "vi")):
        for theme in ("light", "dark"):
            context = browser.new_context(
                base_url=live_server.url,
                locale=locale,
                viewport=DESKTOP,
                bypass_csp=True,  # axe is added as a script of the test's own
                storage_state=signed_in,
            )
            context.add_init_script(COUNT_HTMX)
            context.add_init_script(THEME.format(theme))
            context.set_default_timeout(15000)
            tab = context.new_page()
            if signed_in is None:
                tab.goto("/accounts/login/")
                tab.fill("#id_login", coordinator.email)
                tab.fill("#id_password", password)
                tab.locator("main form button[type=submit]").click()
                expect(tab).to_have_url(re.compile(r"/$"))
                signed_in = context.storage_state()
            tab.goto("/")
            expect(tab.locator("html")).to_have_attribute("lang", language)
            expect(tab.locator("html")).to_have_attribute("data-bs-theme", theme)
            for name, url in pages:
                for found in audit(tab, name, url):
                    where = f"{name} ({language}, {theme})"
                    rules[found["impact"]] += 1
                    elements[found["impact"]] += len(found["targets"])
                    if found["impact"] in ("critical", "serious"):
                        violations += [f"{found['id']}: {where}: {t}" for t in found["targets"]]
            context.close()

    phone_reaches_bell_and_search(browser, live_server, signed_in)
    timeline_by_keyboard(browser, live_server, signed_in, pages)

    print(
        f"\n{len(pages)} pages × 2 languages × 2 themes in {time.monotonic() - started:.0f}s;",
        f"violations by impact {dict(rules)} on elements {dict(elements)}",
    )
    assert violations == [], f"{len(violations)} critical or serious:\n" + "\n".join(violations)
