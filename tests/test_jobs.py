"""Background jobs: the scheduler enqueues each periodic job once per period; workers run them."""

import os
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from deptcoord.core.models import ImportUpload, PeriodicRun
from deptcoord.core.periodic import enqueue_due
from deptcoord.core.tasks import prune_old_records


def test_each_periodic_job_runs_once_per_period(db):
    now = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.get_current_timezone())
    with TestCase.captureOnCommitCallbacks(execute=True):
        first = enqueue_due(now)
        same_hour = enqueue_due(now + timedelta(minutes=30))
        again = enqueue_due(now + timedelta(hours=3))
        next_day = enqueue_due(now + timedelta(days=1))
    assert "core.prune_old_records" in first
    assert same_hour == []
    # Hourly jobs (meeting reminders) run again in a later hour; daily ones do not.
    assert "core.prune_old_records" not in again
    assert "core.prune_old_records" in next_day
    assert PeriodicRun.objects.filter(job="core.prune_old_records").count() == 2


def test_prune_forgets_old_uploads(db):
    old = ImportUpload.objects.create(kind="people", filename="a.csv", content=b"x")
    ImportUpload.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    fresh = ImportUpload.objects.create(kind="people", filename="b.csv", content=b"x")
    result = prune_old_records.call()
    assert result["uploads"] == 1
    assert list(ImportUpload.objects.values_list("pk", flat=True)) == [fresh.pk]


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="with Redis, jobs run on RQ")
@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_enqueued_jobs(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    ImportUpload.objects.create(kind="people", filename="a.csv", content=b"x")
    ImportUpload.objects.update(created_at=timezone.now() - timedelta(days=30))
    with transaction.atomic():
        result = prune_old_records.enqueue()
    assert ImportUpload.objects.count() == 1  # queued, not run yet
    call_command("db_worker", "--batch", "--interval", "0")
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert ImportUpload.objects.count() == 0


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="runs in the PostgreSQL + Redis pass")
@pytest.mark.django_db(transaction=True)
def test_redis_worker_runs_enqueued_jobs(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": settings.TASK_QUEUES}
    }
    ImportUpload.objects.create(kind="people", filename="a.csv", content=b"x")
    ImportUpload.objects.update(created_at=timezone.now() - timedelta(days=30))
    result = prune_old_records.enqueue()
    call_command("rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job")
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert ImportUpload.objects.count() == 0
