"""What every goals service shares: saving a change with its audit entry, and who may own."""

from django.utils import timezone

from deptcoord.access import Action, can
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person


def today():
    """Today in the company's time zone (services date check-ins and forecasts with it)."""
    return timezone.localdate()


def save_with_audit(
    actor: Actor, obj, before: dict, fields: list[str], action: str, department_id=None
) -> dict:
    """Save the record and record the change if any field changed; return the changes."""
    changes = diff(before, snapshot(obj, fields))
    if changes:
        obj.version += 1
        obj.save()
        audit_record(
            actor=actor,
            kind="update",
            action=action,
            target=obj,
            changes=changes,
            department_id=department_id,
        )
    return changes


def record_created(actor: Actor, obj, fields: list[str], action: str, department_id=None) -> None:
    """Record a new record in the audit trail with all its fields."""
    audit_record(
        actor=actor,
        kind="create",
        action=action,
        target=obj,
        changes=diff({}, snapshot(obj, fields)),
        department_id=department_id,
    )


def record_deleted(actor: Actor, obj, fields: list[str], action: str, department_id=None) -> None:
    """Record what a deleted record was."""
    audit_record(
        actor=actor,
        kind="delete",
        action=action,
        target=obj,
        changes=diff(snapshot(obj, fields), {}),
        department_id=department_id,
    )


def plain_number(value) -> str:
    """A decimal as people write it in the history: 95.8, 1200000 (not 95.8000)."""
    return format(value.normalize(), "f")


def may_see(person, obj) -> bool:
    """Whether a person (not the actor) may see a record: owners must see what they own."""
    return can(role_facts_for_person(person), Action.VIEW, obj)
