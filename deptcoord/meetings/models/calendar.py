"""The company calendar's events and each person's private calendar feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel


class Event(VersionedModel):
    """Something on the company calendar (a launch, a campaign, a trade fair, a deadline)."""

    class Kind(models.TextChoices):
        LAUNCH = "launch", _("Product launch")
        CAMPAIGN = "campaign", _("Campaign")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        DEADLINE = "deadline", _("Deadline")
        OTHER = "other", _("Other")

    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    departments = models.ManyToManyField(
        "org.Department",
        verbose_name=_("departments involved"),
        blank=True,
        related_name="events",
    )
    owner = models.ForeignKey(
        "org.Person", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="events"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)


class CalendarFeedToken(models.Model):
    """A person's secret calendar feed address; only its hash is kept. Revoked tokens stay
    (revoked) for the record; regenerating revokes the old one."""

    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_tokens",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    hint = models.CharField(_("last characters"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.person} …{self.hint}"
