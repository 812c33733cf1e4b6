"""Versions on editable records: a save made from a stale version is refused, never merged."""

from django.db import models
from django.utils.translation import gettext_lazy as _

STALE_VERSION = _(
    "Someone else changed this record after you opened it. Reload it to see their changes, "
    "then make yours again."
)


class StaleVersionError(Exception):
    """The record changed since the version the person edited."""

    def __init__(self, current_version: int):
        super().__init__(str(STALE_VERSION))
        self.current_version = current_version
        self.message = STALE_VERSION


class VersionedModel(models.Model):
    """An editable record that carries a version, raised by one on every save."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class VersionRequired(Exception):
    """An update over the API that says neither which version it edited nor If-Match."""


# What an API endpoint hands a service when the client sent no version: the service refuses
# it after its own access check, so a person who may not write still hears "forbidden".
NO_VERSION_SENT = object()


def check_version(obj: VersionedModel, expected) -> None:
    """Refuse the write when the person edited an older version, or did not say which."""
    if expected is NO_VERSION_SENT:
        raise VersionRequired
    if expected is not None and int(expected) != obj.version:
        raise StaleVersionError(obj.version)


def lock(model: type[models.Model], pk) -> models.Model:
    """The row, locked for the rest of the transaction where the database supports it."""
    return model._default_manager.select_for_update().get(pk=pk)
