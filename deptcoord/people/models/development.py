"""Development plans: what a person works on over a period, and the actions that get them there."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel


class DevelopmentPlan(VersionedModel):
    """A person's development goal for a period, with actions (training, mentoring, stretch)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="development_plans",
    )
    period_start = models.DateField(_("starts"))
    period_end = models.DateField(_("ends"))
    goal = models.TextField(_("development goal"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="active")
    created_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="development_plans_written",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-period_start", "-id"]

    def __str__(self):
        first_line = self.goal.strip().splitlines()[0] if self.goal.strip() else "—"
        return f"{self.person}: {first_line[:80]}"


class DevelopmentAction(VersionedModel):
    """One step of a development plan: a training, mentoring by a named colleague, or a stretch
    assignment; due on a date and ticked off when done."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        MENTORING = "mentoring", _("Mentoring")
        STRETCH = "stretch", _("Stretch assignment")

    plan = models.ForeignKey(
        DevelopmentPlan,
        verbose_name=_("development plan"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("what"), max_length=200)
    skill = models.ForeignKey(
        "org.Skill",
        verbose_name=_("skill"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="development_actions",
    )
    mentor = models.ForeignKey(
        "org.Person",
        verbose_name=_("mentor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentoring_actions",
    )
    step = models.ForeignKey(
        "work.Step",
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="development_actions",
        help_text=_("The step of a project that is the stretch assignment."),
    )
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("development action")
        verbose_name_plural = _("development actions")
        ordering = ["due", "id"]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        """Whether the action has been ticked off."""
        return self.done_on is not None
