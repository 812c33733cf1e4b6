"""Writes of notices: how notifications reach a person, and unsubscribing."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor
from deptcoord.notices import messages
from deptcoord.notices.models import Delivery, EmailSettings, NotificationPreference, new_key
from deptcoord.notices.notifications import kind_default, notification_kinds

# Links already e-mailed are signed with this salt; changing it would break them.
UNSUBSCRIBE_SALT = "deptcoord.reports.unsubscribe"


def email_settings_for(person) -> EmailSettings:
    """The person's e-mail settings (created with the defaults on first use)."""
    settings, _created = EmailSettings.objects.get_or_create(person=person)
    return settings


def preferences_set(
    *,
    actor: Actor,
    person,
    deliveries: dict[str, str],
    morning_briefing: bool,
    digest_hour: int,
) -> EmailSettings:
    """Save how each kind of notification reaches ``person`` and their morning e-mail.

    Only the person themselves sets their preferences (the caller passes ``request.person``).
    """
    kinds = notification_kinds()
    errors = {}
    unknown = sorted(set(deliveries) - set(kinds))
    if unknown:
        errors["deliveries"] = [messages.UNKNOWN_KIND % {"kind": unknown[0]}]
    if any(value not in Delivery.values for value in deliveries.values()):
        errors.setdefault("deliveries", []).append(messages.UNKNOWN_DELIVERY)
    if not 0 <= digest_hour <= 23:
        errors["digest_hour"] = [messages.BAD_HOUR]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        settings = email_settings_for(person)
        stored = dict(
            NotificationPreference.objects.filter(person=person).values_list("kind", "delivery")
        )
        before = {
            "morning_briefing": settings.morning_briefing,
            "digest_hour": settings.digest_hour,
            **{kind: stored.get(kind) or kind_default(kind) for kind in deliveries},
        }
        for kind, delivery in deliveries.items():
            NotificationPreference.objects.update_or_create(
                person=person, kind=kind, defaults={"delivery": delivery}
            )
        settings.morning_briefing = morning_briefing
        settings.digest_hour = digest_hour
        settings.save(update_fields=["morning_briefing", "digest_hour"])
        after = {"morning_briefing": morning_briefing, "digest_hour": digest_hour, **deliveries}
        changes = {
            key: [before[key], value] for key, value in after.items() if before[key] != value
        }
        if changes:
            # The action keeps its name from before notices was an app, so the trail reads alike.
            audit_record(
                actor=actor,
                kind="update",
                action="reports.preferences.set",
                target=person,
                changes=changes,
            )
    return settings


def unsubscribe_token(person) -> str:
    """The signed token of the unsubscribe link in a person's digest e-mail."""
    settings = email_settings_for(person)
    return signing.dumps({"p": person.pk, "k": settings.unsubscribe_key}, salt=UNSUBSCRIBE_SALT)


def _unsubscribe_settings(token: str, *, lock: bool = False) -> EmailSettings:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise ValidationError(messages.BAD_UNSUBSCRIBE_LINK) from None
    found = EmailSettings.objects.select_related("person").filter(
        person_id=data.get("p"), unsubscribe_key=data.get("k")
    )
    settings = (found.select_for_update() if lock else found).first()
    if settings is None:
        raise ValidationError(messages.USED_UNSUBSCRIBE_LINK)
    return settings


def person_for_unsubscribe(token: str):
    """The person an unsubscribe link belongs to; a used, forged or broken link is refused."""
    return _unsubscribe_settings(token).person


def unsubscribe(*, actor: Actor, token: str):
    """Stop the morning e-mail for the link's owner: no briefing, digest kinds kept in the app.

    The link works once: using it replaces the key it carries.
    """
    with transaction.atomic():
        settings = _unsubscribe_settings(token, lock=True)
        person = settings.person
        stored = dict(
            NotificationPreference.objects.filter(person=person).values_list("kind", "delivery")
        )
        kinds = set(stored) | set(notification_kinds())
        digest_kinds = sorted(
            kind for kind in kinds if (stored.get(kind) or kind_default(kind)) == Delivery.DIGEST
        )
        for kind in digest_kinds:
            NotificationPreference.objects.update_or_create(
                person=person, kind=kind, defaults={"delivery": Delivery.OFF}
            )
        settings.morning_briefing = False
        settings.unsubscribe_key = new_key()
        settings.save(update_fields=["morning_briefing", "unsubscribe_key"])
        audit_record(
            actor=actor,
            kind="update",
            action="reports.unsubscribe",
            target=person,
            changes={"morning_briefing": [True, False], "digest_kinds_off": [[], digest_kinds]},
        )
    return person
