"""Creating, using and revoking personal access tokens."""

import hashlib
import secrets

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


def hash_token(raw: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, actor: Actor, name: str) -> tuple[AccessToken, str]:
    """Create a token for the acting person; the raw token is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [TOKEN_NAME_REQUIRED]})
    if AccessToken.objects.filter(person_id=actor.person_id, revoked_at__isnull=True).count() >= 20:
        raise ValidationError({"name": [TOO_MANY_TOKENS]})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        person_id=actor.person_id, name=name[:100], prefix=raw[:10], token_hash=hash_token(raw)
    )
    audit_record(actor=actor, kind="security", action="api.token.create", target=token)
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


def person_for_token(raw: str):
    """The active person a raw token belongs to, or None; notes when it was last used."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        AccessToken.objects.select_related("person", "person__user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person
