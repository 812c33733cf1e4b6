"""Projects across departments and the recurring activities that make their steps."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.work.models.common import HOURS, MONEY


class Project(VersionedModel):
    """Work toward one or more goals, led by one department with others taking part."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        ON_HOLD = "on_hold", _("On hold")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    code = models.CharField(_("code"), max_length=20, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals served"), blank=True, related_name="projects"
    )
    lead_department = models.ForeignKey(
        "org.Department",
        verbose_name=_("lead department"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    departments = models.ManyToManyField(
        "org.Department",
        verbose_name=_("participating departments"),
        blank=True,
        related_name="projects",
    )
    coordinator = models.ForeignKey(
        "org.Person",
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_projects",
    )
    invited = models.ManyToManyField(
        "org.Person",
        verbose_name=_("invited guests"),
        blank=True,
        related_name="invited_projects",
    )
    start = models.DateField(_("starts"))
    end = models.DateField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    budget = models.DecimalField(_("planned budget"), default=Decimal("0"), **MONEY)
    currency = models.CharField(_("currency"), max_length=3, default="VND")
    budget_alert_percent = models.PositiveSmallIntegerField(
        _("alert at this share of the budget (percent)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    budget_alerted_at = models.DateTimeField(_("budget alert sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start", "code"]
        indexes = [models.Index(fields=["status", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="project_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(budget__gte=0), name="project_budget_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.code} · {self.title}"

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def is_open(self) -> bool:
        """Whether work on the project is still expected."""
        return self.status in (self.Status.PLANNED, self.Status.ACTIVE, self.Status.ON_HOLD)


class RecurringActivity(VersionedModel):
    """A department activity that comes back on a rule (RFC 5545), generating steps ahead."""

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="recurring_activities",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recurring_activities",
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    rrule = models.CharField(_("recurrence rule"), max_length=500)
    starts_on = models.DateField(_("first occurrence on or after"))
    effort_hours = models.DecimalField(_("effort (hours)"), default=Decimal("0"), **HOURS)
    assignee = models.ForeignKey(
        "org.Person",
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recurring_activities",
    )
    lead_days = models.PositiveSmallIntegerField(
        _("create steps this many days ahead"),
        default=14,
        validators=[MinValueValidator(0), MaxValueValidator(366)],
    )
    is_active = models.BooleanField(_("active"), default=True)
    generated_until = models.DateField(_("steps created up to"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recurring activity")
        verbose_name_plural = _("recurring activities")
        ordering = ["department_id", "title_en", "id"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)
