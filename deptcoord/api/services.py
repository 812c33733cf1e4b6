"""Creating, using and revoking personal access tokens."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action
from deptcoord.api.models import AccessToken
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize

TOKEN_PREFIX = "dc_"  # noqa: S105  (a public prefix, not a secret)
TOKEN_NAME_REQUIRED = _("Give the token a name, e.g. the script or tool that will use it.")
TOO_MANY_TOKENS = _("You already have 20 active tokens. Revoke one you no longer use.")
UNKNOWN_EXPIRY = _("Choose how long the token stays valid from the list.")
TOKEN_EXPIRED = _("This personal access token has expired. Create a new one on your settings page.")
TOKEN_READ_ONLY = _(
    "This personal access token is read-only: it may read but not create, change or delete. "
    "Use a token with write access."
)

# How long a new token stays valid: key → (label, days; None for no expiry).
EXPIRY_CHOICES = {
    "30": (_("30 days"), 30),
    "90": (_("90 days"), 90),
    "365": (_("1 year"), 365),
    "never": (_("No expiry"), None),
}
DEFAULT_EXPIRY = "90"


def hash_token(raw: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, actor: Actor, name: str, expiry: str = DEFAULT_EXPIRY, read_only: bool = False
) -> tuple[AccessToken, str]:
    """Create a token for the acting person; the raw token is returned once and never stored.
    ``expiry`` is a key of ``EXPIRY_CHOICES``; a ``read_only`` token may only read."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [TOKEN_NAME_REQUIRED]})
    if expiry not in EXPIRY_CHOICES:
        raise ValidationError({"expiry": [UNKNOWN_EXPIRY]})
    days = EXPIRY_CHOICES[expiry][1]
    now = timezone.now()
    if AccessToken.objects.filter(person_id=actor.person_id, revoked_at__isnull=True).count() >= 20:
        raise ValidationError({"name": [TOO_MANY_TOKENS]})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        person_id=actor.person_id,
        name=name[:100],
        prefix=raw[:10],
        token_hash=hash_token(raw),
        expires_at=now + timedelta(days=days) if days else None,
        read_only=bool(read_only),
    )
    audit_record(
        actor=actor,
        kind="security",
        action="api.token.create",
        target=token,
        changes={
            "expires_at": token.expires_at.isoformat() if token.expires_at else None,
            "read_only": token.read_only,
        },
    )
    return token, raw


@transaction.atomic
def token_revoke(*, actor: Actor, token_id: int) -> AccessToken:
    """Revoke a token; requests using it are refused from now on."""
    token = AccessToken.objects.select_for_update().get(pk=token_id)
    authorize(actor, Action.DELETE, token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, kind="security", action="api.token.revoke", target=token)
    return token


@dataclass(frozen=True)
class TokenCheck:
    """What a raw token turned out to be: its token (None when unknown or revoked) and whether
    it has expired. Only a known, unexpired token authenticates."""

    token: AccessToken | None = None
    expired: bool = False

    @property
    def person(self):
        """The person a usable token signs in, or None."""
        if self.token is None or self.expired:
            return None
        return self.token.person


def check_token(raw: str) -> TokenCheck:
    """Look a raw token up: an active person's unrevoked token; notes when it was last used."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return TokenCheck()
    token = (
        AccessToken.objects.select_related("person", "person__user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return TokenCheck()
    if token.is_expired:
        return TokenCheck(token, expired=True)
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return TokenCheck(token)


def person_for_token(raw: str):
    """The active person a usable raw token belongs to, or None."""
    return check_token(raw).person
