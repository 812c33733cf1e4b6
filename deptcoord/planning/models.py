"""Plan runs and their scenarios: data and invariants only (the engine lives beside them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel

# A time frame longer than this is refused: calendars that far out are guesses.
MAX_TIME_FRAME_DAYS = 730


class PlanRun(VersionedModel):
    """One run of the planner over a department or a project for a time frame.

    ``problem`` is the engine's input as read from the database, so a what-if (``parent`` +
    ``change``) re-plans exactly what its parent planned; ``step_versions`` are the versions of
    the steps it read, so applying it never overwrites a step edited since.
    """

    class Scope(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        PROJECT = "project", _("Project")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    name = models.CharField(_("name"), max_length=200)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="plan_runs",
    )
    project = models.ForeignKey(
        "work.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plan_runs",
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals"), blank=True, related_name="plan_runs"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    best_so_far = models.JSONField(_("best plan so far"), default=dict, blank=True)
    problem = models.JSONField(_("problem"), default=dict, blank=True)
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    proven_optimal = models.BooleanField(_("proven optimal"), default=False)
    method = models.CharField(_("method"), max_length=20, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The background worker running it: a run held by a worker that went silent was interrupted.
    worker = models.CharField(_("worker"), max_length=64, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("scenario of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scenarios",
    )
    change = models.JSONField(_("change"), default=dict, blank=True)
    step_versions = models.JSONField(_("step versions read"), default=dict, blank=True)
    created_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="plan_runs",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    applied_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    apply_report = models.JSONField(_("apply report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("plan run")
        verbose_name_plural = _("plan runs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["department", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="plan_run_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="plan_run_progress_percent"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_finished(self) -> bool:
        """Whether the run has stopped (succeeded or failed)."""
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)
