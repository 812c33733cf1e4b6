"""Each person's private calendar feed address: created, regenerated and revoked."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from deptcoord.access import Action
from deptcoord.core.actor import Actor, authorize
from deptcoord.meetings.models import CalendarFeedToken
from deptcoord.meetings.services.common import record

PREFIX = "cal_"


def hash_token(raw: str) -> str:
    """The stored form of a token (the token itself is shown once and never kept)."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def feed_token_regenerate(*, actor: Actor) -> tuple[CalendarFeedToken, str]:
    """A new feed address for the actor; any earlier one stops working."""
    now = timezone.now()
    for old in CalendarFeedToken.objects.filter(person=actor.person, revoked_at__isnull=True):
        old.revoked_at = now
        old.save(update_fields=["revoked_at"])
        record(
            actor, "update", old, "meetings.feed.revoke", {"revoked_at": [None, now.isoformat()]}
        )
    raw = PREFIX + secrets.token_urlsafe(32)
    token = CalendarFeedToken.objects.create(
        person=actor.person, token_hash=hash_token(raw), hint=raw[-4:]
    )
    record(actor, "create", token, "meetings.feed.create", {"hint": [None, token.hint]})
    return token, raw


@transaction.atomic
def feed_token_revoke(*, actor: Actor, token_id: int) -> None:
    """Stop a feed address from working."""
    token = CalendarFeedToken.objects.select_for_update().get(pk=token_id)
    authorize(actor, Action.DELETE, token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(
            actor,
            "update",
            token,
            "meetings.feed.revoke",
            {"revoked_at": [None, token.revoked_at.isoformat()]},
        )


def person_for_feed(raw: str):
    """The owner of an active feed token (None when unknown or revoked); notes its use."""
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    token = (
        CalendarFeedToken.objects.select_related("person")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return None
    CalendarFeedToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.person
