"""Security events: sign-ins, failed sign-ins and denied requests go to the same trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from deptcoord.access import on_denied
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor
from deptcoord.core.client_address import client_address


def _person_of(user):
    return getattr(user, "person", None) if user is not None else None


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    """A successful sign-in."""
    actor = Actor(person=_person_of(user), facts=None, ip=client_address(request))
    audit_record(actor=actor, kind="security", action="auth.sign_in", target_label=user.email)


@receiver(user_logged_out)
def record_sign_out(sender, request, user, **kwargs):
    """A sign-out."""
    if user is None:
        return
    actor = Actor(person=_person_of(user), facts=None, ip=client_address(request))
    audit_record(actor=actor, kind="security", action="auth.sign_out", target_label=user.email)


@receiver(user_login_failed)
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    """A failed sign-in, with the e-mail tried (never the password)."""
    tried = str(credentials.get("email") or credentials.get("username") or "")[:200]
    actor = Actor(person=None, facts=None, ip=client_address(request))
    audit_record(actor=actor, kind="security", action="auth.sign_in_failed", target_label=tried)


def record_denial(facts, kind: str, target, action: str) -> None:
    """A request the policy refused (the record stays hidden; the attempt is kept)."""
    person_id = getattr(facts, "person_id", None)
    audit_record(
        actor=_FactsActor(person_id),
        kind="security",
        action="access.denied",
        target_type=kind,
        target_id=str(target)[:64],
        changes={"action": str(action)},
    )


class _FactsActor:
    """An actor known only by id (denials happen before a person object is at hand)."""

    def __init__(self, person_id):
        self.person_id = person_id
        self.person = None
        self.ip = ""
        self.via = ""


on_denied(record_denial)
