"""Goal templates: a personal goal with its key results, rolled out to many people at once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.goals.models.goals import Goal
from deptcoord.goals.models.measures import MeasuredResult


class GoalTemplate(VersionedModel):
    """The structure of a personal goal a department gives to many people, period after period
    (e.g. "each account executive: monthly revenue ≥ 300 triệu ₫")."""

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="goal_templates",
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(
        _("category"), max_length=30, choices=Goal.Category.choices, default=Goal.Category.OTHER
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Goal.Kind.choices, default=Goal.Kind.KPI
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal template")
        verbose_name_plural = _("goal templates")
        ordering = ["department__code", "title_en", "id"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)


class TemplateKeyResult(MeasuredResult):
    """A key result every goal rolled out from the template gets."""

    template = models.ForeignKey(
        GoalTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="key_results",
    )

    class Meta:
        verbose_name = _("template key result")
        verbose_name_plural = _("template key results")
        ordering = ["template_id", "id"]
