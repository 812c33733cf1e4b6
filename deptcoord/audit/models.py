"""Audit entries: append-only, each sealed with the hash of the one before it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One recorded change or security event (who, when, what, from what to what)."""

    class Kind(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        DEACTIVATE = "deactivate", _("deactivated")
        SECURITY = "security", _("security event")

    created_at = models.DateTimeField(_("when"), db_index=True)
    actor_id = models.BigIntegerField(_("actor"), null=True, blank=True, db_index=True)
    actor_label = models.CharField(_("who"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    action = models.CharField(_("action"), max_length=100)
    target_type = models.CharField(_("record type"), max_length=100, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    target_label = models.CharField(_("record name"), max_length=300, blank=True)
    department_id = models.BigIntegerField(_("department"), null=True, blank=True, db_index=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip = models.CharField(_("address"), max_length=64, blank=True)
    via = models.CharField(_("channel"), max_length=20, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    @property
    def actor_name(self) -> str:
        """Who acted, without their e-mail address."""
        return self.actor_label.split(" <", 1)[0]


class AuditHead(models.Model):
    """The single row holding the newest hash; locking it keeps the chain in one line."""

    last_entry_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self):
        return f"{self.last_entry_id}:{self.last_hash[:12]}"
