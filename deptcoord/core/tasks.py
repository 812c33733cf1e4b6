"""Housekeeping jobs: forget old uploads and old job results."""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from deptcoord.core.models import ImportUpload, PeriodicRun


@task
def prune_old_records() -> dict:
    """Delete import uploads and periodic-run keys older than the configured ages."""
    now = timezone.now()
    uploads, _ = ImportUpload.objects.filter(
        created_at__lt=now - timedelta(days=settings.IMPORT_UPLOAD_MAX_AGE_DAYS)
    ).delete()
    runs, _ = PeriodicRun.objects.filter(
        enqueued_at__lt=now - timedelta(days=settings.TASK_RESULT_MAX_AGE_DAYS)
    ).delete()
    return {"uploads": uploads, "periodic_runs": runs}
