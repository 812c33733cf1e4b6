"""Goals from company to person, their measurable key results and the check-ins on them."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.goals.models.choices import Confidence, value_fields
from deptcoord.goals.models.measures import MeasuredResult


class Goal(VersionedModel):
    """A goal at one level (company, department, team or person), aligned under a parent goal.

    Its figures roll up from its key results and contributing goals; the goals services store
    them after every change beneath it, so trees and lists read them instead of recomputing.
    """

    class Level(models.TextChoices):
        COMPANY = "company", _("Company")
        DEPARTMENT = "department", _("Department")
        TEAM = "team", _("Team")
        PERSON = "person", _("Person")

    class Category(models.TextChoices):
        MARKETING_STRATEGY = "marketing_strategy", _("Marketing strategy")
        PRODUCT_LAUNCH = "product_launch", _("Product launch")
        SALES_TARGET = "sales_target", _("Sales target")
        CUSTOMER = "customer", _("Customer")
        FINANCE = "finance", _("Finance")
        OPERATIONS = "operations", _("Operations")
        OTHER = "other", _("Other")

    class Kind(models.TextChoices):
        OKR = "okr", _("OKR")
        KPI = "kpi", _("KPI")

    class Commitment(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        ASPIRATIONAL = "aspirational", _("Aspirational")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        ACHIEVED = "achieved", _("Achieved")
        MISSED = "missed", _("Missed")
        CANCELLED = "cancelled", _("Cancelled")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        MEDIUM = 2, _("Medium")
        LOW = 3, _("Low")

    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    category = models.CharField(
        _("category"), max_length=30, choices=Category.choices, default=Category.OTHER
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OKR)
    commitment = models.CharField(
        _("commitment"), max_length=20, choices=Commitment.choices, default=Commitment.COMMITTED
    )
    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="goals",
    )
    owner = models.ForeignKey(
        "org.Person", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="goals"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("aligned under"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    weight = models.DecimalField(
        _("weight in the parent goal"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(0)],
    )
    private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_(
            "Read only inside its department (and by those aligned with it); other goals are "
            "read company-wide."
        ),
    )
    template = models.ForeignKey(
        "goals.GoalTemplate",
        verbose_name=_("rolled out from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # figures
    progress = models.FloatField(_("progress (%)"), null=True, blank=True)
    forecast_progress = models.FloatField(_("forecast progress (%)"), null=True, blank=True)
    at_risk = models.BooleanField(_("at risk"), default=False)
    confidence = models.CharField(
        _("confidence"), max_length=20, choices=Confidence.choices, blank=True
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["priority", "title_en", "id"]
        indexes = [
            models.Index(fields=["level", "department"]),
            models.Index(fields=["period_start", "period_end"]),
            models.Index(fields=["template", "owner", "period_start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="goal_period_ends_after_start",
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="goal_weight_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def is_open(self) -> bool:
        """Whether check-ins are still expected (a draft or an active goal)."""
        return self.status in (self.Status.DRAFT, self.Status.ACTIVE)


class KeyResult(VersionedModel, MeasuredResult):
    """A measurable result that shows a goal is reached: from a start value to a target.

    The fields under "latest" and "outlook" are written by the goals services from the
    check-ins and the forecast, so lists never recompute them.
    """

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="key_results"
    )
    owner = models.ForeignKey(
        "org.Person",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="key_results",
    )
    start_date = models.DateField(_("starts"), null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    # latest
    current_value = models.DecimalField(_("current value"), **value_fields())
    confidence = models.CharField(
        _("confidence"), max_length=20, choices=Confidence.choices, blank=True
    )
    last_check_in_on = models.DateField(_("last check-in"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)
    # outlook
    forecast_value = models.FloatField(_("forecast"), null=True, blank=True)
    forecast_low = models.FloatField(_("forecast (low)"), null=True, blank=True)
    forecast_high = models.FloatField(_("forecast (high)"), null=True, blank=True)
    forecast_method = models.CharField(_("forecast method"), max_length=20, blank=True)
    forecast_on = models.DateField(_("forecast as of"), null=True, blank=True)
    at_risk = models.BooleanField(_("at risk"), default=False)
    shortfall_percent = models.FloatField(_("shortfall (%)"), null=True, blank=True)
    lag_points = models.FloatField(_("behind time (points)"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("key result")
        verbose_name_plural = _("key results")
        ordering = ["goal_id", "id"]
        indexes = [models.Index(fields=["owner", "last_check_in_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=0), name="key_result_weight_positive"
            ),
        ]

    @property
    def starts_on(self):
        """The first day of the key result (its own, or its goal's)."""
        return self.start_date or self.goal.period_start

    @property
    def due_on(self):
        """The day the target is due (its own, or the end of its goal's period)."""
        return self.due_date or self.goal.period_end


class CheckIn(models.Model):
    """A value reported on a key result on a day, with the owner's confidence and a note."""

    key_result = models.ForeignKey(
        KeyResult,
        verbose_name=_("key result"),
        on_delete=models.CASCADE,
        related_name="check_ins",
    )
    day = models.DateField(_("day"))
    value = models.DecimalField(_("value"), **value_fields())
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="check_ins",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["day", "id"]
        indexes = [models.Index(fields=["key_result", "day"])]

    def __str__(self):
        return f"{self.key_result}: {self.value} ({self.day})"
