"""The coordinator plans the demo company's launch: one goal is out of reach, the suggested
extra hours are tried as a what-if, the goal becomes reachable, and the scenario is applied."""

import re
from datetime import timedelta

from django.core.management import call_command
from playwright.sync_api import expect

from deptcoord.demo.planning import PLAN_WEEKS
from deptcoord.goals.models import Goal
from deptcoord.org.models import Membership
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Step
from tests.e2e.helpers import fill_date
from tests.e2e.test_organisation import sign_in
from tests.factories import PASSWORD

EVENT_GOAL = "SM Home launch event ready"


def test_plan_the_launch_try_the_extra_hours_and_apply(db, page, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.PLANNER_SECONDS = 1
    settings.PLANNER_SUGGESTION_SECONDS = 0.3
    call_command("load_demo")
    coordinator = Membership.objects.get(department__code="MKT", role="coordinator").person
    coordinator.user.set_password(PASSWORD)
    coordinator.user.save()
    demo_run = PlanRun.objects.get()
    sign_in(page, coordinator)

    page.goto(f"/org/departments/{demo_run.department_id}/")
    page.get_by_role("link", name="Plan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New plan")
    fill_date(page, "#id_start", demo_run.start.isoformat())
    fill_date(page, "#id_end", (demo_run.start + timedelta(weeks=PLAN_WEEKS, days=-1)).isoformat())
    page.get_by_role("button", name="Run the planner").click()

    # The solve is a background job; the run page polls until its result is there.
    verdict = page.get_by_test_id("verdict").filter(has_text=EVENT_GOAL)
    expect(verdict).to_contain_text("Not reachable", timeout=60000)
    suggestion = page.get_by_test_id("suggestion").filter(
        has_text=re.compile(r"Add \d+ hours a week")
    )
    expect(suggestion).to_contain_text(EVENT_GOAL)
    suggestion.get_by_role("button", name="Try this").click()

    expect(page.locator(".breadcrumb")).to_contain_text("What-if scenario")
    expect(verdict).to_contain_text("Reachable", timeout=60000)
    expect(verdict).not_to_contain_text("Not reachable")
    scenario = PlanRun.objects.exclude(pk=demo_run.pk).get(parent__isnull=False)

    page.get_by_role("link", name="Compare scenarios").click()
    expect(page.locator("table")).to_contain_text("As things are")
    page.go_back()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Apply this plan").click()
    expect(page.locator("#apply-title")).to_contain_text("Applied on")
    scenario.refresh_from_db()
    assert scenario.applied_at is not None and scenario.apply_report["conflicts"] == []
    event_goal = Goal.objects.get(title_en=EVENT_GOAL)
    event_steps = list(Step.objects.filter(project__code="SMH-EVENT"))
    assert max(step.due for step in event_steps) <= event_goal.period_end
    assert all(step.start and step.assignee_id for step in event_steps)
