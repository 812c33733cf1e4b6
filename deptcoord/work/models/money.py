"""Time spent on steps and money spent on projects."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel
from deptcoord.work.models.common import MONEY
from deptcoord.work.models.projects import Project
from deptcoord.work.models.steps import Step


class TimeEntry(VersionedModel):
    """Time a person spent on a step on one day."""

    step = models.ForeignKey(
        Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="time_entries"
    )
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="time_entries",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["person", "date"]), models.Index(fields=["step", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
                name="time_entry_hours_in_a_day",
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.date} · {self.hours} h"


class Expense(VersionedModel):
    """Money spent on a project."""

    class Category(models.TextChoices):
        ADVERTISING = "advertising", _("Advertising")
        EVENTS = "events", _("Events")
        TRAVEL = "travel", _("Travel")
        EQUIPMENT = "equipment", _("Equipment")
        SERVICES = "services", _("Services and agencies")
        MATERIALS = "materials", _("Materials and printing")
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="expenses"
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), **MONEY)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["project", "date"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="expense_positive"),
        ]

    def __str__(self):
        return f"{self.project.code} · {self.date} · {self.amount}"
