"""What a key result measures and where it should get to, shared by key results and the key
results of goal templates."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.goals.models.choices import Direction, Metric, value_fields


class MeasuredResult(models.Model):
    """A bilingual title, a metric, a start value, a target, a direction and a weight."""

    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    metric = models.CharField(
        _("measured as"), max_length=20, choices=Metric.choices, default=Metric.NUMBER
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    milestones = models.TextField(_("milestones"), blank=True)
    start_value = models.DecimalField(_("start value"), **value_fields())
    target_value = models.DecimalField(_("target"), **value_fields())
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(0)],
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def milestone_names(self) -> list[str]:
        """The milestones in order, for a milestone key result."""
        return [line.strip() for line in self.milestones.splitlines() if line.strip()]
