"""After a write, the record must still be within the actor's reach (checked with fresh facts)."""

from django.core.exceptions import PermissionDenied

from deptcoord.access import Action, can
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person


def recheck_reach(actor: Actor, obj, action: Action = Action.VIEW) -> None:
    """Roll the transaction back if the write moved the record out of the actor's reach."""
    if actor.via == "system" or actor.person is None:
        return
    if not can(role_facts_for_person(actor.person), action, obj):
        raise PermissionDenied
