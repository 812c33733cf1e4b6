"""1:1s between a coordinator and a member: shared talking points, private notes, action items."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel


class OneOnOne(VersionedModel):
    """A scheduled 1:1 conversation between a coordinator and a member of their department."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    coordinator = models.ForeignKey(
        "org.Person",
        verbose_name=_("coordinator"),
        on_delete=models.CASCADE,
        related_name="one_on_ones_led",
    )
    member = models.ForeignKey(
        "org.Person",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="one_on_ones",
    )
    scheduled_at = models.DateTimeField(_("scheduled for"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("1:1")
        verbose_name_plural = _("1:1s")
        ordering = ["-scheduled_at", "-id"]

    def __str__(self):
        return f"{self.coordinator} · {self.member}"


class TalkingPoint(models.Model):
    """A topic either side adds to the 1:1, seen by both."""

    one_on_one = models.ForeignKey(
        OneOnOne, verbose_name=_("1:1"), on_delete=models.CASCADE, related_name="talking_points"
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.CharField(_("talking point"), max_length=500)
    is_covered = models.BooleanField(_("covered"), default=False)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("talking point")
        verbose_name_plural = _("talking points")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text


class PrivateNote(models.Model):
    """A note one side keeps about a 1:1; only its author ever sees it."""

    one_on_one = models.ForeignKey(
        OneOnOne, verbose_name=_("1:1"), on_delete=models.CASCADE, related_name="private_notes"
    )
    author = models.ForeignKey(
        "org.Person", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("private note"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.body[:40]


class OneOnOneActionItem(models.Model):
    """Something agreed in a 1:1, with who does it and by when."""

    one_on_one = models.ForeignKey(
        OneOnOne, verbose_name=_("1:1"), on_delete=models.CASCADE, related_name="action_items"
    )
    owner = models.ForeignKey(
        "org.Person", verbose_name=_("owner"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(_("action item"), max_length=300)
    due = models.DateField(_("due"), null=True, blank=True)
    is_done = models.BooleanField(_("done"), default=False)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["is_done", "due", "id"]

    def __str__(self):
        return self.text
