"""The demo tells one story: the planner plans the launch project's Marketing steps, the launch
sync's action items are launch steps, the stretch assignment is one, notes link the project."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs and API schemas before time is frozen)
from deptcoord.meetings.models import ActionItem
from deptcoord.people.models import DevelopmentAction
from deptcoord.planning.models import PlanRun
from deptcoord.records.models import RecordLink
from deptcoord.work.models import Project


@freeze_time("2026-11-26 09:00", tz_offset=7)
def test_the_chapters_share_the_launch_project(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    launch = Project.objects.get(code="SMH-LAUNCH")
    run = PlanRun.objects.get()
    planned = {label["project"] for label in run.problem["labels"]["steps"].values()}
    assert "SMH-LAUNCH" in planned
    assert not Project.objects.filter(code="SMH-CAMP").exists()
    actions = ActionItem.objects.exclude(step=None)
    assert actions.exists()
    assert all(item.step.project_id == launch.pk for item in actions)
    stretch = DevelopmentAction.objects.get(kind=DevelopmentAction.Kind.STRETCH)
    assert stretch.step.project_id == launch.pk
    assert RecordLink.objects.filter(
        note__isnull=False,
        target_type=ContentType.objects.get_for_model(Project),
        target_id=launch.pk,
    ).exists()
    call_command("load_demo")
    assert PlanRun.objects.count() == 1
    assert Project.objects.filter(code="SMH-LAUNCH").count() == 1
