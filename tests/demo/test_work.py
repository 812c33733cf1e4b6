"""The demo company's SM Home launch project across four departments."""

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs and API schemas before time is frozen)
from deptcoord.audit.services import verify_chain
from deptcoord.demo import work as work_demo
from deptcoord.demo.launch_plan import EXPENSES
from deptcoord.notices.models import Notification
from deptcoord.org.facts import role_facts_for_person
from deptcoord.work import selectors
from deptcoord.work.models import Expense, Project, RecurringActivity, Request, Step, TimeEntry


@freeze_time("2026-11-26 09:00", tz_offset=7)
def test_the_launch_project_loads_once(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    work_demo.load(timezone.localdate())
    project = Project.objects.get(code="SMH-LAUNCH")
    assert project.lead_department.code == "PRD"
    # the Digital team joins for a stretch assignment (the people chapter)
    assert set(project.departments.values_list("code", flat=True)) == {
        "PRD",
        "MKT",
        "SAL",
        "CS",
        "MKT-DIG",
    }
    steps = Step.objects.filter(project=project)
    assert steps.count() >= 25
    assert set(steps.values_list("department__code", flat=True)) >= {"PRD", "MKT", "SAL", "CS"}
    flagged = steps.filter(flagged=True)
    assert set(flagged.values_list("department__code", flat=True)) <= {"MKT", "SAL", "CS"}
    assert flagged.exists()
    assert {step.flagged_by.title_en for step in flagged} == {"Quality test of the pilot batch"}
    assert Notification.objects.filter(kind="work.slip").exists()
    assert set(Request.objects.values_list("state", flat=True)) == {
        "pending",
        "accepted",
        "declined",
        "withdrawn",
    }
    assert RecurringActivity.objects.filter(title_en="Weekly sales report").exists()
    assert Step.objects.filter(recurring__title_en="Weekly sales report").exists()
    assert Expense.objects.filter(project=project).count() == len(EXPENSES)
    project.refresh_from_db()
    assert project.budget_alerted_at is not None
    assert Notification.objects.filter(kind="work.budget").exists()
    assert TimeEntry.objects.exists()
    facts = role_facts_for_person(project.coordinator)
    timeline = selectors.timeline(facts, project)
    assert timeline.critical_ids
    assert verify_chain() == []
