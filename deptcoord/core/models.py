"""Uploads waiting for their import to be confirmed, and the record of periodic job runs."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportUpload(models.Model):
    """A spreadsheet uploaded for import: previewed first, applied only when confirmed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    uploaded_by_id = models.BigIntegerField(_("uploaded by"), null=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import upload")
        verbose_name_plural = _("import uploads")

    def __str__(self):
        return f"{self.kind}: {self.filename}"


class PeriodicRun(models.Model):
    """One periodic job for one period: the unique key stops two schedulers sending twice."""

    job = models.CharField(_("job"), max_length=100)
    period = models.CharField(_("period"), max_length=40)
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="periodic_run_once_per_period")
        ]

    def __str__(self):
        return f"{self.job} {self.period}"


class WorkerHeartbeat(models.Model):
    """A background worker's last sign of life: work held by a silent worker was interrupted."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process"))
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id
