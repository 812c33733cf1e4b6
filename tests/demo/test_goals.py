"""The demo company's goals: the SM Home launch from company to person, with its standards."""

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs and API schemas before time is frozen)
from deptcoord.audit.services import verify_chain
from deptcoord.demo import goals as goals_demo
from deptcoord.goals.models import Goal, GoalTemplate, KeyResult, Measurement, Standard
from deptcoord.notices.models import Notification


@freeze_time("2026-11-26 09:00", tz_offset=7)
def test_the_launch_story_loads_once(db, settings, tmp_path):
    """Mid-quarter (the story needs some weeks of check-ins), as on a Thursday morning."""
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    today = timezone.localdate()
    goals_demo.load(today)
    company = Goal.objects.get(level="company")
    assert company.title_vi == "Ra mắt thành công loa thông minh SM Home"
    departments = set(company.children.values_list("department__code", flat=True))
    assert departments == {"MKT", "SAL", "PRD", "CS"}
    assert Goal.objects.filter(level="team", department__code="MKT-DIG").exists()
    private = Goal.objects.filter(private=True)
    assert [goal.department.code for goal in private] == ["PRD"]  # the others read company-wide
    template = GoalTemplate.objects.get()
    personal = Goal.objects.filter(template=template, period_start__month=today.month)
    assert personal.count() == 12 and {goal.owner.title_en for goal in personal} == {
        "Account executive"
    }
    confidences = set(KeyResult.objects.values_list("confidence", flat=True))
    assert {"on_track", "at_risk", "off_track"} <= confidences
    assert KeyResult.objects.filter(at_risk=True).exists()
    assert {standard.title_en for standard in Standard.objects.all()} == {
        "Customer tickets answered within 24 h",
        "Monthly sales",
    }
    assert Measurement.objects.filter(breached=True).count() == 2
    assert Notification.objects.filter(kind="goals.standard_breached").exists()
    assert 0 < company.progress < 100 and company.forecast_progress is not None
    assert verify_chain() == []
    count = Goal.objects.count()
    goals_demo.load(today)
    assert Goal.objects.count() == count
