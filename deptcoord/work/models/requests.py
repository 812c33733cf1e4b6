"""Requests for work from one department to another."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel
from deptcoord.work.models.common import HOURS
from deptcoord.work.models.projects import Project
from deptcoord.work.models.steps import Step


class Request(VersionedModel):
    """One department asks another for work; accepted, it becomes a step."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    from_department = models.ForeignKey(
        "org.Department",
        verbose_name=_("from department"),
        on_delete=models.PROTECT,
        related_name="requests_sent",
    )
    to_department = models.ForeignKey(
        "org.Department",
        verbose_name=_("to department"),
        on_delete=models.PROTECT,
        related_name="requests_received",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    title = models.CharField(_("what"), max_length=200)
    reason = models.TextField(_("why"), blank=True)
    due = models.DateField(_("needed by"))
    effort_hours = models.DecimalField(_("effort (hours)"), default=Decimal("0"), **HOURS)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default="pending")
    proposed_due = models.DateField(_("proposed date"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    step = models.ForeignKey(
        Step,
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    requested_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="requests_made",
    )
    answered_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests_answered",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["to_department", "state"]),
            models.Index(fields=["from_department", "state"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_pending(self) -> bool:
        """Whether the request still waits for an answer."""
        return self.state == self.State.PENDING
