"""What every work service shares: saving a change with its audit entry."""

from django.utils import timezone

from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor


def today():
    """Today in the company's time zone."""
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
