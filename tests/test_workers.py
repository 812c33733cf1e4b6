"""Work held by a worker that died (a crash, kill -9) is ended, never left "running" for ever."""

import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from deptcoord.core.models import WorkerHeartbeat
from deptcoord.core.tasks import prune_old_records
from deptcoord.core.workers import ALIVE_WITHIN, beat, live_worker_ids, recover_interrupted
from deptcoord.notices.models import Notification
from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import run_plan
from tests.factories import build_world
from tests.planning.helpers import build_plan, start_run


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }


def silent(worker_id: str) -> None:
    """A worker last heard from before the alive window."""
    beat(worker_id)
    WorkerHeartbeat.objects.filter(worker_id=worker_id).update(
        seen_at=timezone.now() - ALIVE_WITHIN - timedelta(seconds=1)
    )


def running_on(task_result, worker_id: str) -> DBTaskResult:
    row = DBTaskResult.objects.get(pk=task_result.id)
    row.claim(worker_id)
    return row


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="with Redis, jobs run on RQ")
def test_tasks_of_a_silent_worker_fail_and_the_safe_ones_run_again(
    db, database_queue, django_capture_on_commit_callbacks
):
    silent("dead-1")
    beat("alive-1")
    with django_capture_on_commit_callbacks(execute=True):
        repeatable = running_on(prune_old_records.enqueue(), "dead-1")
        once_only = running_on(run_plan.enqueue(999), "dead-1")
        held = running_on(prune_old_records.enqueue(), "alive-1")
        assert recover_interrupted()["tasks"] == 2
    for row in (repeatable, once_only, held):
        row.refresh_from_db()
    assert repeatable.status == once_only.status == "FAILED"
    assert "Interrupted" in repeatable.exception_class_path
    assert held.status == "RUNNING"
    # The housekeeping job is safe to repeat, so it is queued again; the plan run is not.
    queued = DBTaskResult.objects.ready()
    assert [row.task_path for row in queued] == [prune_old_records.module_path]
    # A second recovery (another worker's) finds nothing left to end.
    assert recover_interrupted() == {"tasks": 0, "records": 0}


def test_a_plan_run_of_a_silent_worker_is_interrupted_and_its_author_told(world):
    plan = build_plan(world)
    lost, kept = start_run(world, plan), start_run(world, plan)
    silent("dead-2")
    beat("alive-2")
    PlanRun.objects.filter(pk=lost.pk).update(status=PlanRun.Status.RUNNING, worker="dead-2")
    PlanRun.objects.filter(pk=kept.pk).update(status=PlanRun.Status.RUNNING, worker="alive-2")
    assert recover_interrupted()["records"] == 1
    lost.refresh_from_db()
    kept.refresh_from_db()
    assert lost.status == PlanRun.Status.FAILED and kept.status == PlanRun.Status.RUNNING
    assert lost.error.startswith("The planner was interrupted by a server restart")
    note = Notification.objects.get(recipient=world.coordinator, kind="planning.run_finished")
    assert "interrupted" in note.message_en
    assert recover_interrupted()["records"] == 0  # told once


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="with Redis, jobs run on RQ")
def test_a_starting_worker_ends_what_the_crashed_one_held_and_leaves_no_heartbeat(
    transactional_db, database_queue
):
    world = build_world()  # committed: the worker reads through connections of its own
    plan = build_plan(world)
    lost = start_run(world, plan)
    silent("crashed-3")
    PlanRun.objects.filter(pk=lost.pk).update(status=PlanRun.Status.RUNNING, worker="crashed-3")
    call_command("run_worker", "--batch", stdout=open(os.devnull, "w"))  # noqa: SIM115
    lost.refresh_from_db()
    assert lost.status == PlanRun.Status.FAILED
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["crashed-3"]


def test_a_recent_heartbeat_of_a_process_gone_from_this_machine_is_not_alive(db):
    import subprocess
    import sys

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    beat("restarted-before")
    WorkerHeartbeat.objects.filter(worker_id="restarted-before").update(pid=gone.pid)
    beat("still-here")
    assert live_worker_ids() == {"still-here"}
