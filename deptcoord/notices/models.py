"""In-app notifications, how each kind reaches a person, and their e-mail settings.

The tables were created under the reports app and keep their names.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language


def new_key() -> str:
    """A fresh random key (unsubscribe links carry it; using one replaces it)."""
    return secrets.token_hex(16)


class Delivery(models.TextChoices):
    """How a kind of notification reaches a person besides the bell."""

    IMMEDIATELY = "immediately", _("E-mail at once")
    DIGEST = "digest", _("In the daily digest")
    OFF = "off", _("In the app only")


class Notification(models.Model):
    """A message to one person about one record, kept in both languages."""

    recipient = models.ForeignKey(
        "org.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    actor = models.ForeignKey(
        "org.Person",
        verbose_name=_("acted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=60)
    message_en = models.CharField(_("message (English)"), max_length=500)
    message_vi = models.CharField(_("message (Vietnamese)"), max_length=500)
    url = models.CharField(_("link"), max_length=500, blank=True)
    target_type = models.CharField(_("record type"), max_length=100, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    delivery = models.CharField(
        _("e-mail"), max_length=12, choices=Delivery.choices, default=Delivery.IMMEDIATELY
    )
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    # Notifications of one kind about one subject that come close together share one entry.
    group_key = models.CharField(_("group"), max_length=120, blank=True)
    count = models.PositiveIntegerField(_("how many"), default=1)

    class Meta:
        db_table = "reports_notification"
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="reports_not_recipie_35b754_idx")
        ]

    def __str__(self):
        return self.message

    @property
    def message(self) -> str:
        """The message in the viewer's language."""
        return in_language(self.message_en, self.message_vi)


class NotificationPreference(models.Model):
    """How one person wants one kind of notification delivered."""

    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=60)
    delivery = models.CharField(_("e-mail"), max_length=12, choices=Delivery.choices)

    class Meta:
        db_table = "reports_notificationpreference"
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.kind}: {self.delivery}"


class EmailSettings(models.Model):
    """A person's morning e-mail: the briefing opt-in, its hour, and the unsubscribe key."""

    person = models.OneToOneField(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="email_settings",
    )
    morning_briefing = models.BooleanField(_("morning briefing by e-mail"), default=False)
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the morning e-mail"),
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
    )
    last_digest_on = models.DateField(_("last morning e-mail"), null=True, blank=True)
    unsubscribe_key = models.CharField(max_length=32, default=new_key)

    class Meta:
        db_table = "reports_emailsettings"
        verbose_name = _("e-mail settings")
        verbose_name_plural = _("e-mail settings")

    def __str__(self):
        return str(self.person_id)
