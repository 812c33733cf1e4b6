"""What every meetings service shares: the audit entry of each write."""

from deptcoord.audit.services import (  # noqa: F401  (the meetings services' audit helpers)
    audit_record,
    record_created,
    record_deleted,
    save_with_audit,
)
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
