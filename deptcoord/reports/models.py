"""Status reports: a department's frozen figures for a period, their recipients and comments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from deptcoord.core.versioning import VersionedModel


class StatusReport(VersionedModel):
    """A department's report for a period: a narrative and the figures frozen at submission."""

    class Kind(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        CUSTOM = "custom", _("Custom period")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", pgettext_lazy("status report", "Accepted")
        NEEDS_REVISION = "needs_revision", _("Needs revision")

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="status_reports",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WEEKLY)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="status_reports_written",
    )
    narrative = models.TextField(_("narrative"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    snapshot = models.JSONField(_("figures"), default=dict, blank=True)
    recipients = models.ManyToManyField(
        "org.Person",
        verbose_name=_("recipients"),
        through="ReportReceipt",
        related_name="status_reports_received",
        blank=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("decision comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["-period_end", "department_id", "-id"]
        indexes = [models.Index(fields=["department", "period_end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="status_report_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.department} {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        """The report's page."""
        from django.urls import reverse

        return reverse("reports:detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        """A draft, or a report sent back for revision, can still change."""
        return self.state in (self.State.DRAFT, self.State.NEEDS_REVISION)

    @property
    def is_published(self) -> bool:
        """Whether the report has been submitted at least once (recipients read it)."""
        return self.state != self.State.DRAFT


class ReportReceipt(models.Model):
    """A recipient of a report: when they read and acknowledged it."""

    report = models.ForeignKey(
        StatusReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="receipts",
    )
    recipient = models.ForeignKey(
        "org.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="report_receipts",
    )
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "recipient"], name="one_receipt_per_recipient"
            )
        ]

    def __str__(self):
        return f"{self.report_id}: {self.recipient_id}"


class ReportComment(models.Model):
    """A comment on a submitted report."""

    report = models.ForeignKey(
        StatusReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="report_comments",
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.body[:60]
