"""The demo's launch plan: Marketing's event goal is not reachable, and more hours make it."""

import time

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs and API schemas before time is frozen)
from deptcoord.audit.services import verify_chain
from deptcoord.demo import planning as planning_demo
from deptcoord.planning.models import PlanRun


@freeze_time("2026-11-26 09:00", tz_offset=7)
def test_the_launch_plan_loads_once_with_one_goal_out_of_reach(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    began = time.perf_counter()
    call_command("load_demo")
    assert time.perf_counter() - began < 30  # the whole demo; the plan itself takes ~1 s
    run = PlanRun.objects.get()
    assert run.status == PlanRun.Status.SUCCEEDED
    labels = run.problem["labels"]["goals"]
    verdicts = {labels[v["goal_id"]]["en"]: v["achievable"] for v in run.result["plan"]["goals"]}
    assert verdicts["SM Home launch campaign live"] is True
    assert verdicts["SM Home launch event ready"] is False
    extra = [s for s in run.result["suggestions"] if s["kind"] == "extra_capacity"]
    assert extra and extra[0]["verdict"]["achievable"] is True
    assert 0 < extra[0]["extra_hours_per_week"] <= 16
    planning_demo.load(timezone.localdate())
    assert PlanRun.objects.count() == 1
    assert verify_chain() == []
