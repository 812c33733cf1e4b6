"""A cross-department project in the browser: Marketing leads, Sales and Product take part;
steps in three departments linked by dependencies; Marketing's step slips and Sales'
coordinator sees the flag and the notification; a request is sent and accepted."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from deptcoord.notices.models import Notification
from deptcoord.work.models import Project, Request, Step
from tests.e2e.helpers import fill_date
from tests.e2e.test_organisation import sign_in
from tests.factories import DepartmentFactory, member


def _monday(weeks=1):
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def _add_step(page, project, title, department, start, due, effort="16"):
    page.goto(f"/work/steps/new/?project={project.pk}")
    page.fill("#id_title_en", title)
    page.select_option("#id_department", str(department.pk))
    fill_date(page, "#id_start", start.isoformat())
    fill_date(page, "#id_due", due.isoformat())
    page.fill("#id_effort_hours", effort)
    page.get_by_role("button", name="Add step", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return Step.objects.get(title_en=title)


def _link(page, step, predecessor):
    page.goto(f"/work/steps/{step.pk}/")
    page.select_option("#id_predecessor", str(predecessor.pk))
    page.get_by_role("button", name="Link", exact=True).click()
    expect(page.locator("#links ul").first).to_contain_text(predecessor.title_en)


def test_cross_department_project_slip_and_request(world, page, browser, live_server):
    product = DepartmentFactory(code="PRD", name_en="Product", name_vi="Phòng Sản phẩm")
    product_coordinator = member(product, "coordinator", full_name="Product coordinator")
    start = _monday()

    sign_in(page, world.coordinator)
    page.goto("/work/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Projects")
    page.get_by_role("link", name="New project").first.click()
    page.fill("#id_code", "SMH-LAUNCH")
    page.fill("#id_title_en", "SM Home launch")
    page.fill("#id_title_vi", "Ra mắt SM Home")
    page.select_option("#id_lead_department", str(world.own.pk))
    page.select_option("#id_departments", [str(world.other.pk), str(product.pk)])
    fill_date(page, "#id_start", start.isoformat())
    fill_date(page, "#id_end", (start + timedelta(days=60)).isoformat())
    page.fill("#id_budget", "500000000")
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SM Home launch")
    project = Project.objects.get(code="SMH-LAUNCH")

    visual = _add_step(page, project, "Key visual", world.own, start, start + timedelta(days=4))
    dealers = _add_step(
        page,
        project,
        "Dealer briefing",
        world.other,
        start + timedelta(days=7),
        start + timedelta(days=8),
    )
    packaging = _add_step(
        page,
        project,
        "Packaging print",
        product,
        start + timedelta(days=7),
        start + timedelta(days=11),
    )
    _link(page, dealers, visual)
    _link(page, packaging, visual)

    page.goto(f"/work/projects/{project.pk}/timeline/")
    expect(page.locator("#gantt .bar-wrapper")).to_have_count(3)
    expect(page.locator("tr[data-critical='1']").first).to_be_visible()

    # Marketing's key visual slips a week: edited in place on its page.
    page.goto(f"/work/steps/{visual.pk}/")
    page.get_by_role("link", name="Edit").click()
    fill_date(page, "#id_due", (start + timedelta(days=11)).isoformat())
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_test_id("step-due")).to_contain_text(
        (start + timedelta(days=11)).isoformat()
    )

    sales = browser.new_context(base_url=live_server.url, locale="en-GB")
    sales_page = sales.new_page()
    sign_in(sales_page, world.other_coordinator)
    sales_page.goto("/notifications/")
    expect(sales_page.locator("main")).to_contain_text("“Key visual” (Marketing) slipped by")
    sales_page.goto(f"/work/steps/{dealers.pk}/")
    expect(sales_page.get_by_test_id("slip-flag")).to_contain_text("Key visual")

    # Marketing asks Sales for work; Sales accepts and it becomes a Sales step in the project.
    page.goto("/work/requests/new/")
    page.select_option("#id_from_department", str(world.own.pk))
    page.select_option("#id_to_department", str(world.other.pk))
    page.fill("#id_title", "Dealer quotes for the launch event")
    fill_date(page, "#id_due", (start + timedelta(days=14)).isoformat())
    page.select_option("#id_project", str(project.pk))
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_test_id("request-state")).to_have_text("Pending")
    request = Request.objects.get()

    sales_page.goto(f"/work/requests/{request.pk}/")
    sales_page.select_option("#id_assignee", str(world.other_member.pk))
    sales_page.get_by_role("button", name="Accept and plan it").click()
    expect(sales_page.get_by_test_id("request-state")).to_have_text("Accepted")
    expect(sales_page.get_by_test_id("request-step")).to_have_text(
        "Dealer quotes for the launch event"
    )
    sales.close()
    step = Step.objects.get(title_en="Dealer quotes for the launch event")
    assert (step.department, step.project, step.assignee) == (
        world.other,
        project,
        world.other_member,
    )
    assert Notification.objects.filter(recipient=product_coordinator, kind="work.slip").exists()
