"""Meetings (one-off or a recurring series), who takes part, and changes to single occurrences."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.org.models import TIMEZONE_CHOICES


class Response(models.TextChoices):
    """An invitee's answer, named as iCalendar's PARTSTAT."""

    NEEDS_ACTION = "needs_action", _("Not answered")
    ACCEPTED = "accepted", _("Accepted")
    TENTATIVE = "tentative", _("Maybe")
    DECLINED = "declined", _("Declined")


class Meeting(VersionedModel):
    """A meeting, or a series of them when ``rrule`` is set (RFC 5545, in ``time_zone``).

    ``starts_at``/``ends_at`` are the first occurrence; ``sequence`` is raised on every change
    sent to invitees (iCalendar SEQUENCE). ``follows`` links a series split "from a date on"
    to the series it continues.
    """

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Meeting")
        ONE_ON_ONE = "one_on_one", _("1:1")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    organiser = models.ForeignKey(
        "org.Person",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_meetings",
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Ho_Chi_Minh", choices=TIMEZONE_CHOICES
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), max_length=500, blank=True)
    rrule = models.CharField(_("repeats (RRULE)"), max_length=500, blank=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    departments = models.ManyToManyField(
        "org.Department",
        verbose_name=_("departments taking part"),
        blank=True,
        related_name="meetings",
    )
    follows = models.ForeignKey(
        "self",
        verbose_name=_("continues the series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
    )
    reminded_until = models.DateTimeField(_("reminded up to"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def is_series(self) -> bool:
        """Whether the meeting repeats."""
        return bool(self.rrule)

    @property
    def uid(self) -> str:
        """The iCalendar UID: stable for the meeting's whole life."""
        return f"meeting-{self.pk}@deptcoord"


class Participant(models.Model):
    """A person invited to a meeting, required or optional, and their answer."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_participations",
    )
    required = models.BooleanField(_("required"), default=True)
    response = models.CharField(
        _("response"), max_length=20, choices=Response.choices, default=Response.NEEDS_ACTION
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["-required", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="participant_once")
        ]

    def __str__(self):
        return f"{self.person} — {self.meeting}"


class Guest(models.Model):
    """Someone outside the company invited by e-mail."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="guests"
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    name = models.CharField(_("name"), max_length=150, blank=True)
    response = models.CharField(
        _("response"), max_length=20, choices=Response.choices, default=Response.NEEDS_ACTION
    )

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["meeting", "email"], name="guest_once")]

    def __str__(self):
        return self.name or self.email


class OccurrenceChange(VersionedModel):
    """One occurrence of a series moved or cancelled; ``occurrence`` is its original date
    (in the meeting's time zone), which also names it (iCalendar RECURRENCE-ID)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="changes"
    )
    occurrence = models.DateField(_("occurrence"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    starts_at = models.DateTimeField(_("moved to start"), null=True, blank=True)
    ends_at = models.DateTimeField(_("moved to end"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("occurrence change")
        verbose_name_plural = _("occurrence changes")
        ordering = ["occurrence"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "occurrence"], name="occurrence_change_once")
        ]

    def __str__(self):
        return f"{self.meeting} {self.occurrence}"
