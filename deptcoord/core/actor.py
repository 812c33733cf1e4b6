"""The person behind a write: who they are to the policy and to the audit trail."""

from dataclasses import dataclass

from deptcoord.access import ANONYMOUS, RoleFacts
from deptcoord.core.client_address import client_address


@dataclass(frozen=True)
class Actor:
    """The acting person (None for the system), their role facts and where the request came from."""

    person: object | None
    facts: RoleFacts
    ip: str = ""
    via: str = "web"

    @property
    def person_id(self) -> int | None:
        """The acting person's id, or None for the system."""
        return getattr(self.person, "pk", None)


SYSTEM = Actor(person=None, facts=ANONYMOUS, via="system")


def actor_from(request, via: str = "web") -> Actor:
    """The actor for a request (set up by the organisation middleware)."""
    return Actor(person=request.person, facts=request.facts, ip=client_address(request), via=via)


def authorize(actor: Actor, action, obj) -> None:
    """Refuse the write unless the actor may take the action (the system may do anything)."""
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    from deptcoord.access import require

    if actor.via == "system":
        return
    try:
        require(actor.facts, action, obj)
    except PermissionDenied as refusal:
        # The trail entry for the refusal is rolled back with the service's transaction; the
        # refusal carries what was refused so that the caller can record it once it is over.
        if transaction.get_connection().in_atomic_block:
            refusal.refused = (actor.facts, obj._meta.label, obj.pk, action)
        raise
