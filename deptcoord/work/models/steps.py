"""The steps each department owns, the links between them and their discussion."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.work.models.common import HOURS, Priority
from deptcoord.work.models.projects import Project, RecurringActivity


class Step(VersionedModel):
    """One piece of work owned by one department, in a project or on its own (a department
    activity, a recurring occurrence, a meeting's action item)."""

    class Status(models.TextChoices):
        TODO = "todo", _("To do")
        IN_PROGRESS = "in_progress", _("In progress")
        BLOCKED = "blocked", _("Blocked")
        DONE = "done", _("Done")

    Priority = Priority

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="steps",
    )
    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="steps",
    )
    assignee = models.ForeignKey(
        "org.Person",
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_steps",
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    effort_hours = models.DecimalField(_("effort (hours)"), default=Decimal("0"), **HOURS)
    start = models.DateField(_("starts"), null=True, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="todo")
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    is_milestone = models.BooleanField(_("milestone"), default=False)
    # who can do it: people assessed at least `required_level` (0–5) in `required_skill`
    required_skill = models.ForeignKey(
        "org.Skill",
        verbose_name=_("required skill"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="steps",
    )
    required_level = models.PositiveSmallIntegerField(
        _("required level"), null=True, blank=True, validators=[MaxValueValidator(5)]
    )
    # slips: a step pushed by a slipped step upstream owned by another department
    flagged = models.BooleanField(_("flagged"), default=False)
    flag_reason = models.TextField(_("why flagged"), blank=True)
    flagged_at = models.DateTimeField(_("flagged at"), null=True, blank=True)
    flagged_by = models.ForeignKey(
        "self",
        verbose_name=_("pushed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flagged_steps",
    )
    slip_days = models.IntegerField(_("slipped by (working days)"), default=0)
    overdue_noted_on = models.DateField(_("overdue noted on"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)
    # where it came from
    recurring = models.ForeignKey(
        RecurringActivity,
        verbose_name=_("recurring activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steps",
    )
    occurrence = models.DateField(_("occurrence"), null=True, blank=True)
    created_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["due", "priority", "id"]
        indexes = [
            models.Index(fields=["project", "status"]),
            models.Index(fields=["department", "status"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["status", "due"]),
            # the open steps by due date, in the order Today lists the late and the coming ones
            models.Index(
                fields=["due", "priority", "id"],
                condition=~models.Q(status="done"),
                name="work_step_open_by_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(due__gte=models.F("start")),
                name="step_due_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="step_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(effort_hours__gte=0), name="step_effort_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(required_skill__isnull=True, required_level__isnull=True)
                | models.Q(required_skill__isnull=False, required_level__lte=5),
                name="step_required_level_with_skill",
            ),
            models.UniqueConstraint(
                fields=["recurring", "occurrence"], name="step_one_per_occurrence"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def is_done(self) -> bool:
        """Whether the step is finished."""
        return self.status == self.Status.DONE


class Dependency(VersionedModel):
    """Finish-to-start: the successor starts after the predecessor finishes, plus a lag in
    working days. Links may cross projects and departments."""

    predecessor = models.ForeignKey(
        Step,
        verbose_name=_("predecessor"),
        on_delete=models.CASCADE,
        related_name="successor_links",
    )
    successor = models.ForeignKey(
        Step,
        verbose_name=_("successor"),
        on_delete=models.CASCADE,
        related_name="predecessor_links",
    )
    lag_days = models.SmallIntegerField(
        _("lag (working days)"),
        default=0,
        validators=[MinValueValidator(-365), MaxValueValidator(365)],
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        ordering = ["successor_id", "predecessor_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="dependency_once_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(predecessor=models.F("successor")),
                name="dependency_not_on_itself",
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class StepComment(VersionedModel):
    """A message in a step's discussion; people named with @ are notified."""

    step = models.ForeignKey(
        Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="step_comments",
    )
    body = models.TextField(_("comment"))
    mentions = models.ManyToManyField(
        "org.Person", verbose_name=_("mentioned"), blank=True, related_name="step_mentions"
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.author} · {self.created_at:%Y-%m-%d}"
