"""Projects across departments, the steps each department owns, the links between them, requests
for work between departments, recurring activities, time spent and money spent.

Models hold the data and its invariants only; every write goes through ``work.services``.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel
from deptcoord.org.models import in_language

MONEY = {"max_digits": 16, "decimal_places": 2}
HOURS = {"max_digits": 8, "decimal_places": 2}


class Priority(models.IntegerChoices):
    """How urgent a step is (lower sorts first)."""

    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


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
