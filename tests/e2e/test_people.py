"""A coordinator's people morning: assess a member, see the gap, write a development plan with
a mentor, issue a written warning; the member acknowledges it; a peer cannot find it by URL,
by the feedback list or through the API."""

from django.utils import timezone
from playwright.sync_api import expect

from deptcoord.people.models import DevelopmentPlan, Feedback
from tests.e2e.test_organisation import sign_in
from tests.people.conftest import catalogue  # noqa: F401  (the fixture)


def tab_for(browser, live_server, person):
    """A signed-in tab of its own for another person."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15000)
    tab = context.new_page()
    sign_in(tab, person)
    return tab


def test_assess_plan_warn_acknowledge_and_hide(
    world,
    catalogue,  # noqa: F811  (the fixture imported above)
    page,
    browser,
    live_server,
):
    sign_in(page, world.coordinator)
    page.goto(f"/people/person/{world.member.pk}/skills/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skills of Member")
    page.select_option("#id_skill", str(catalogue.seo.pk))
    page.select_option("#id_level", "2")
    page.fill("#id_note", "Keyword research still shaky")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.locator(".alert-success")).to_contain_text("Assessment saved")
    seo_row = page.locator("section[aria-labelledby=levels-title] tr", has_text="SEO")
    expect(seo_row).to_contain_text("Gap")

    page.goto(f"/people/person/{world.member.pk}/")
    expect(page.locator("#skills-title").locator("..").locator("..")).to_contain_text("SEO (2/4)")
    page.get_by_role("link", name="New plan").click()
    page.fill("#id_goal", "Own the SEO of the SM Home landing pages")
    page.get_by_role("button", name="Save plan").click()
    expect(page.locator(".alert-success")).to_contain_text("Development plan saved")
    page.select_option("#id_action-kind", "mentoring")
    page.fill("#id_action-title", "Weekly keyword review")
    page.select_option("#id_action-skill", str(catalogue.seo.pk))
    page.select_option("#id_action-mentor", str(world.peer.pk))
    page.get_by_role("button", name="Add action").click()
    expect(page.locator("#actions-title").locator("..").locator("..")).to_contain_text(
        "Mentor: Peer"
    )
    plan = DevelopmentPlan.objects.get(person=world.member)
    assert plan.actions.get().mentor == world.peer

    page.goto(f"/people/person/{world.member.pk}/")
    page.get_by_role("link", name="Warning").click()
    expect(page.locator("#id_kind")).to_have_value("warning")
    page.select_option("#id_visibility", "private")
    page.select_option("#id_level", str(catalogue.written.pk))
    page.fill("#id_body", "Three launch deadlines missed without notice.")
    page.fill("#id_reason", "Deadlines of 3, 10 and 17 November.")
    page.get_by_role("button", name="Save feedback").click()
    expect(page.locator("main")).to_contain_text("Awaiting acknowledgement")
    warning = Feedback.objects.get(kind="warning")

    member_tab = tab_for(browser, live_server, world.member)
    member_tab.goto(f"/people/feedback/{warning.pk}/")
    expect(member_tab.locator("main")).to_contain_text("Three launch deadlines missed")
    member_tab.get_by_role("button", name="Acknowledge this warning").click()
    expect(member_tab.locator(".alert-success")).to_contain_text("Warning acknowledged")
    expect(member_tab.locator("main")).to_contain_text("Final: it can only be annotated.")
    expect(member_tab.locator("#reads-title").locator("..").locator("..")).to_contain_text(
        "Coordinator"
    )
    warning.refresh_from_db()
    assert warning.acknowledged_at <= timezone.now()

    peer_tab = tab_for(browser, live_server, world.peer)
    response = peer_tab.goto(f"/people/feedback/{warning.pk}/")
    assert response.status == 404
    peer_tab.goto("/people/feedback/?kind=warning")
    expect(peer_tab.locator("main")).not_to_contain_text("Member")
    api = peer_tab.request.get(f"/api/v1/feedback/{warning.pk}")
    assert api.status == 404
    listed = peer_tab.request.get("/api/v1/feedback?kind=warning").json()
    assert listed["items"] == []
