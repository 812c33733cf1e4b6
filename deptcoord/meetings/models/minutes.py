"""An occurrence's agenda, the minutes taken on it, decisions and action items."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel


class AgendaItem(VersionedModel):
    """An item on one occurrence's agenda, with its presenter, time and the notes taken on it.

    On a 1:1, notes are private to its two people unless ``shared_with_hr``.
    """

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    occurrence = models.DateField(_("occurrence"))
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    presenter = models.ForeignKey(
        "org.Person",
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minutes_allotted = models.PositiveSmallIntegerField(_("minutes allotted"), default=10)
    # a suggested topic that did not fit in the meeting's length: listed, not counted
    optional = models.BooleanField(_("optional"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    shared_with_hr = models.BooleanField(_("shared with HR"), default=False)
    goal = models.ForeignKey(
        "goals.Goal",
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "meetings.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    project = models.ForeignKey(
        "work.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    step = models.ForeignKey(
        "work.Step",
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    request = models.ForeignKey(
        "work.Request",
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action_item = models.ForeignKey(
        "meetings.ActionItem",
        verbose_name=_("action item followed up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "occurrence", "position", "pk"]

    def __str__(self):
        return self.title


class Decision(models.Model):
    """A decision taken at an occurrence, kept in the department's records."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    occurrence = models.DateField(_("occurrence"))
    text = models.TextField(_("decision"))
    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_decisions",
    )
    recorded_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # the note that files the decision in the department's records
    note = models.OneToOneField(
        "records.Note",
        verbose_name=_("filed as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_decision",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-occurrence", "-pk"]

    def __str__(self):
        return self.text[:80]


class ActionItem(VersionedModel):
    """Something to do after an occurrence: an assignee and a due date. While open it carries
    over to the series' next occurrences."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    occurrence = models.DateField(_("occurrence"))
    title = models.CharField(_("title"), max_length=200)
    assignee = models.ForeignKey(
        "org.Person",
        verbose_name=_("assignee"),
        on_delete=models.PROTECT,
        related_name="meeting_action_items",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    step = models.ForeignKey(
        "work.Step",
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_action_items",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["occurrence", "pk"]

    def __str__(self):
        return self.title
