"""Department standards: ongoing thresholds, measured every day, week, month or quarter."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.goals.models.choices import STANDARD_METRICS, Metric, value_fields


class Standard(VersionedModel):
    """A threshold a department keeps, e.g. "tickets answered within 24 h ≥ 95 %"."""

    class Comparison(models.TextChoices):
        AT_LEAST = "at_least", _("At least")
        AT_MOST = "at_most", _("At most")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="standards",
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    metric = models.CharField(
        _("measured as"),
        max_length=20,
        choices=[(metric.value, metric.label) for metric in STANDARD_METRICS],
        default=Metric.PERCENT,
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    comparison = models.CharField(
        _("comparison"), max_length=10, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    threshold = models.DecimalField(_("threshold"), **value_fields())
    frequency = models.CharField(
        _("measured"), max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    owner = models.ForeignKey(
        "org.Person", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="standards"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        ordering = ["department__code", "title_en", "id"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def comparison_sign(self) -> str:
        """≥ or ≤, for compact display."""
        return "≥" if self.comparison == self.Comparison.AT_LEAST else "≤"


class Measurement(models.Model):
    """The value of a standard for one period (a day, week, month or quarter), once per period."""

    standard = models.ForeignKey(
        Standard,
        verbose_name=_("standard"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    period_start = models.DateField(_("period"))
    value = models.DecimalField(_("value"), **value_fields())
    breached = models.BooleanField(_("breached"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measurements",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["standard_id", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "period_start"], name="measurement_once_per_period"
            )
        ]

    def __str__(self):
        return f"{self.standard}: {self.value} ({self.period_start})"
