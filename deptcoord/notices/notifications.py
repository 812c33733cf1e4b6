"""Telling people what needs them: an in-app notification and an e-mail, in their language,
and never about a record they may not see.

Every notification shows under the bell. Each person chooses, per kind, whether it is also
e-mailed at once, gathered into the daily digest, or kept in the app only.
"""

from collections.abc import Callable
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

from deptcoord.access import Action, RoleFacts, can
from deptcoord.notices.models import Delivery, Notification, NotificationPreference

_kinds: dict[str, object] = {}
_facts_source: list[Callable[[object], RoleFacts]] = []


def register_facts_source(source: Callable[[object], RoleFacts]) -> None:
    """Say how a recipient's role facts are computed (org does, as it knows the roles)."""
    _facts_source[:] = [source]


def _facts_of(person) -> RoleFacts:
    if not _facts_source:
        raise ImproperlyConfigured("No app told notices how to compute a person's role facts.")
    return _facts_source[0](person)


def register_kind(kind: str, label) -> None:
    """Name a kind of notification, so people can choose how it reaches them."""
    _kinds[kind] = label


def notification_kinds() -> dict[str, object]:
    """Every registered kind of notification and its (lazily translated) label."""
    return dict(_kinds)


def delivery_for(person, kind: str) -> str:
    """How ``person`` wants notifications of ``kind``: at once by e-mail unless they chose."""
    chosen = (
        NotificationPreference.objects.filter(person=person, kind=kind)
        .values_list("delivery", flat=True)
        .first()
    )
    return chosen or Delivery.IMMEDIATELY


def _in_words(value):
    """A parameter as the active language writes it: dates and times in its format (a caller
    passes the date itself, not a text already written in another language)."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(local, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, time):
        return time_format(value, "TIME_FORMAT")
    return value


def _render(message, params: dict, language: str) -> str:
    with translation.override(language):
        if not params:
            return str(message)
        return str(message) % {name: _in_words(value) for name, value in params.items()}


def notify(
    *, recipient, kind: str, message, params: dict | None = None, url: str = "", target=None
) -> Notification | None:
    """Notify one person; returns None (and sends nothing) when they may not see ``target``.

    ``message`` is a lazily translated sentence with ``%(name)s`` placeholders filled from
    ``params``; it is stored in English and Vietnamese so each reader sees their language.
    Pass dates and times as such, and records kept in both languages as the records: each
    is written in each language (a text already written in one language reads the same in
    both).
    """
    if recipient is None or not recipient.is_active:
        return None
    if target is not None and not can(_facts_of(recipient), Action.VIEW, target):
        return None
    params = params or {}
    delivery = delivery_for(recipient, kind) if recipient.email else Delivery.OFF
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        message_en=_render(message, params, "en")[:500],
        message_vi=_render(message, params, "vi")[:500],
        url=url,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        delivery=delivery,
    )
    if delivery == Delivery.IMMEDIATELY:
        from deptcoord.notices.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def mark_read(*, recipient, notification_ids=None) -> int:
    """Mark the recipient's notifications read (all of them when no ids are given)."""
    unread = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def email_language(person) -> str:
    """The language a person's e-mails are written in."""
    return person.language or settings.LANGUAGE_CODE
