"""What every meetings service shares: the audit entry of each write."""

from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor


def department_of(meeting) -> int | None:
    """The department whose trail records a meeting's changes (its first one)."""
    ids = sorted(department.pk for department in meeting.departments.all())
    return ids[0] if ids else None


def record(actor: Actor, kind: str, obj, action: str, changes: dict, department_id=None):
    """One audit entry for a write."""
    audit_record(
        actor=actor,
        kind=kind,
        action=action,
        target=obj,
        changes=changes,
        department_id=department_id,
    )


def record_created(actor: Actor, obj, fields, action: str, department_id=None) -> None:
    """Record a new record with all its fields."""
    record(actor, "create", obj, action, diff({}, snapshot(obj, fields)), department_id)


def record_deleted(actor: Actor, obj, fields, action: str, department_id=None) -> None:
    """Record what a deleted record was."""
    record(actor, "delete", obj, action, diff(snapshot(obj, fields), {}), department_id)


def save_changes(actor: Actor, obj, before: dict, fields, action: str, department_id=None) -> dict:
    """Save the record with a raised version and record the change, if anything changed."""
    changes = diff(before, snapshot(obj, fields))
    if changes:
        obj.version += 1
        obj.save()
        record(actor, "update", obj, action, changes, department_id)
    return changes
