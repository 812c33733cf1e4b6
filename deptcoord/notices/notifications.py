"""Telling people what needs them: an in-app notification and an e-mail, in their language,
and never about a record they may not see.

Every notification shows under the bell. Each person chooses, per kind, whether it is also
e-mailed at once, gathered into the daily digest, or kept in the app only; until they choose,
each kind reaches them the way it registered as its default. Several notifications of one kind
about one subject that come close together become one entry (and one e-mail).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.functional import lazy

from deptcoord.access import Action, RoleFacts, can
from deptcoord.core.language import language_of, zone_of
from deptcoord.notices.models import Delivery, Notification, NotificationPreference

_kinds: dict[str, object] = {}
_defaults: dict[str, str] = {}
# The defaults apps register their kinds with.
AT_ONCE, DIGEST, APP_ONLY = Delivery.IMMEDIATELY, Delivery.DIGEST, Delivery.OFF
# How close together notifications of one group must come to share one entry.
GROUP_WINDOW = timedelta(minutes=30)
_facts_source: list[Callable[[object], RoleFacts]] = []


def register_facts_source(source: Callable[[object], RoleFacts]) -> None:
    """Say how a recipient's role facts are computed (org does, as it knows the roles)."""
    _facts_source[:] = [source]


def _facts_of(person) -> RoleFacts:
    if not _facts_source:
        raise ImproperlyConfigured("No app told notices how to compute a person's role facts.")
    return _facts_source[0](person)


def register_kind(kind: str, label, default: str = Delivery.IMMEDIATELY) -> None:
    """Name a kind of notification, so people can choose how it reaches them; ``default`` is
    how it reaches those who have not chosen (urgent, personal kinds by e-mail at once)."""
    _kinds[kind] = label
    _defaults[kind] = default


def notification_kinds() -> dict[str, object]:
    """Every registered kind of notification and its (lazily translated) label."""
    return dict(_kinds)


def kind_default(kind: str) -> str:
    """How a kind reaches a person who has not chosen."""
    return _defaults.get(kind, Delivery.IMMEDIATELY)


def delivery_for(person, kind: str) -> str:
    """How ``person`` wants notifications of ``kind``: their choice, or the kind's default."""
    chosen = (
        NotificationPreference.objects.filter(person=person, kind=kind)
        .values_list("delivery", flat=True)
        .first()
    )
    return chosen or kind_default(kind)


def translated(value: Callable[[], object]):
    """A parameter read in the language the message is written in (a record's two titles)."""
    return lazy(lambda: str(value()), str)()


@dataclass(frozen=True)
class Group:
    """Notifications of one kind with the same ``key`` that come within ``GROUP_WINDOW`` of the
    first (and are still unread) share one entry, which then reads ``message`` (a plural with
    ``%(count)s``) filled from ``params``."""

    key: str
    message: object
    params: dict = field(default_factory=dict)
    url: str = ""


def _shown(value):
    """Dates and times as the reader writes them, in their time zone."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(local, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, time):
        return time_format(value, "TIME_FORMAT")
    return value


def _render(message, params: dict, language: str, reader) -> str:
    with translation.override(language), timezone.override(zone_of(reader)):
        if not params:
            return str(message)
        # A lazy plural picks its form from the count, so it is filled before it is read.
        return str(message % {key: _shown(value) for key, value in params.items()})


def _both(message, params: dict, reader) -> dict:
    return {
        "message_en": _render(message, params, "en", reader)[:500],
        "message_vi": _render(message, params, "vi", reader)[:500],
    }


def _join_group(recipient, kind: str, group: Group, actor) -> Notification | None:
    """Fold a new notification into the open entry of its group; None when there is none."""
    entry = (
        Notification.objects.select_for_update()
        .filter(
            recipient=recipient,
            kind=kind,
            group_key=group.key,
            read_at__isnull=True,
            created_at__gte=timezone.now() - GROUP_WINDOW,
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if entry is None:
        return None
    entry.count += 1
    params = {**group.params, "count": entry.count}
    for name, value in _both(group.message, params, recipient).items():
        setattr(entry, name, value)
    entry.url = group.url or entry.url
    if entry.actor_id != getattr(actor, "pk", None):
        entry.actor = None
    resend = entry.delivery == Delivery.IMMEDIATELY and entry.emailed_at is not None
    entry.emailed_at = None if entry.delivery != Delivery.OFF else entry.emailed_at
    entry.save(update_fields=["count", "message_en", "message_vi", "url", "actor", "emailed_at"])
    if resend:
        _email_on_commit(entry)
    return entry


def _email_on_commit(notification: Notification) -> None:
    from deptcoord.notices.tasks import send_notification_email

    transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))


def notify(
    *,
    recipient,
    kind: str,
    message,
    params: dict | None = None,
    url: str = "",
    target=None,
    actor=None,
    group: Group | None = None,
) -> Notification | None:
    """Notify one person; returns None (and sends nothing) when they may not see ``target``.

    ``message`` is a lazily translated sentence with ``%(name)s`` placeholders filled from
    ``params`` (dates and times are written as each reader writes them, in their time zone);
    it is stored in English and Vietnamese so each reader sees their language. Pass records
    kept in both languages as the records (or ``translated``): each language writes its own
    title. ``actor`` is
    the person who acted: their name is the e-mail's sender. With a ``group``, notifications
    close together become one entry and one e-mail.
    """
    if recipient is None or not recipient.is_active:
        return None
    if target is not None and not can(_facts_of(recipient), Action.VIEW, target):
        return None
    params = params or {}
    actor = actor if getattr(actor, "pk", None) else None
    if group is not None:
        with transaction.atomic():
            joined = _join_group(recipient, kind, group, actor)
        if joined is not None:
            return joined
    delivery = delivery_for(recipient, kind) if recipient.email else Delivery.OFF
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor,
        kind=kind,
        url=url,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        delivery=delivery,
        group_key=group.key if group is not None else "",
        **_both(message, params, recipient),
    )
    if delivery == Delivery.IMMEDIATELY:
        _email_on_commit(notification)
    return notification


def mark_read(*, recipient, notification_ids=None) -> int:
    """Mark the recipient's notifications read (all of them when no ids are given)."""
    unread = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def email_language(person) -> str:
    """The language a person's e-mails are written in."""
    return language_of(person)
