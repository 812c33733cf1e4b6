"""In-app notifications: what happened, for whom, and where to handle it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.org.models import in_language


class Notification(models.Model):
    """A message to one person about one record, kept in both languages."""

    recipient = models.ForeignKey(
        "org.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=60)
    message_en = models.CharField(_("message (English)"), max_length=500)
    message_vi = models.CharField(_("message (Vietnamese)"), max_length=500)
    url = models.CharField(_("link"), max_length=500, blank=True)
    target_type = models.CharField(_("record type"), max_length=100, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.message

    @property
    def message(self) -> str:
        """The message in the viewer's language."""
        return in_language(self.message_en, self.message_vi)
