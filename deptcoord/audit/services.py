"""Writing the audit trail: every service that changes data calls ``audit_record`` in its
transaction."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from deptcoord.audit.chain import entry_hash
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.models import AuditEntry, AuditHead
from deptcoord.core import changes as change_counters
from deptcoord.core.messages import REQUIRED

# Fields that name the people whose own pages a record shows on (the changed record's, before
# and after the change), and those that name its department.
PERSON_FIELDS = (
    "person",
    "assignee",
    "owner",
    "subject",
    "author",
    "organiser",
    "requested_by",
    "manager",
    "mentor",
)
# Functions called with every entry written and its record, in the writer's transaction (the
# apps above register them: the week loads, say).
_write_listeners: list = []


def register_write_listener(listener) -> None:
    """Call ``listener(entry, target)`` for every entry written, inside its transaction."""
    if listener not in _write_listeners:
        _write_listeners.append(listener)


DEPARTMENT_FIELDS = (
    "department",
    "from_department",
    "to_department",
    "lead_department",
    "primary_department",
)


def _actor_label(actor) -> str:
    person = getattr(actor, "person", None)
    if person is not None:
        return f"{person} <{getattr(person, 'email', '')}>"
    if getattr(actor, "person_id", None):
        return f"#{actor.person_id}"
    return "system" if getattr(actor, "via", "") == "system" else "anonymous"


def audit_record(
    *,
    actor,
    kind: str,
    action: str,
    target=None,
    changes: dict | None = None,
    department_id: int | None = None,
    target_type: str = "",
    target_id: str = "",
    target_label: str = "",
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction."""
    with transaction.atomic():
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            id=head.last_entry_id + 1,
            created_at=timezone.now().replace(microsecond=0),
            actor_id=getattr(actor, "person_id", None),
            actor_label=_actor_label(actor)[:200],
            kind=kind,
            action=action,
            target_type=target._meta.label if target is not None else target_type,
            target_id=str(target.pk) if target is not None else target_id,
            target_label=(str(target) if target is not None else target_label)[:300],
            department_id=department_id,
            changes=changes or {},
            ip=getattr(actor, "ip", ""),
            via=getattr(actor, "via", ""),
            previous_hash=head.last_hash,
        )
        entry.entry_hash = entry_hash(head.last_hash, _hashed_fields(entry))
        entry.save(force_insert=True)
        head.last_entry_id = entry.id
        head.last_hash = entry.entry_hash
        head.save(update_fields=["last_entry_id", "last_hash"])
        _bump_scopes(entry, target)
        for listener in _write_listeners:
            listener(entry, target)
    return entry


def _named(target, changes: dict, names) -> set:
    """The ids the fields hold on the record and held or hold in the change."""
    found = set()
    for name in names:
        if target is not None:
            found.add(getattr(target, f"{name}_id", None))
        values = changes.get(name) if isinstance(changes, dict) else None
        for value in values if isinstance(values, list) else ():
            found.add(value.get("id") if isinstance(value, dict) else value)
    return {pk for pk in found if isinstance(pk, int)}


def _bump_scopes(entry: AuditEntry, target) -> None:
    """Bump the change counters of the scopes the write touches: the company, the departments
    and the people the record names, the person who wrote it, and the person it is when it is
    one."""
    people = _named(target, entry.changes, PERSON_FIELDS) | {entry.actor_id}
    if entry.target_type == "org.Person" and entry.target_id.isdigit():
        people.add(int(entry.target_id))
    departments = _named(target, entry.changes, DEPARTMENT_FIELDS) | {entry.department_id}
    model = entry.target_type if "." in entry.target_type else ""
    change_counters.bump(
        person_ids=people,
        department_ids=departments,
        actor_id=entry.actor_id,
        app=model.partition(".")[0],
        model=model,
    )


def record_created(actor, obj, fields: list[str], action: str, department_id=None) -> None:
    """Record a new record in the audit trail with all its fields."""
    audit_record(
        actor=actor,
        kind="create",
        action=action,
        target=obj,
        changes=diff({}, snapshot(obj, fields)),
        department_id=department_id,
    )


def refuse_empty_required(obj, changes: dict) -> None:
    """A change that empties a field the record cannot be without (an explicit null over the
    API) is refused naming the field, before the database would refuse it."""
    empty = {}
    for name in changes:
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        attname = getattr(field, "attname", None)
        if attname and not field.null and getattr(obj, attname) is None:
            empty[name] = [REQUIRED]
    if empty:
        raise ValidationError(empty)


def save_with_audit(
    actor, obj, before: dict, fields: list[str], action: str, department_id=None
) -> dict:
    """Save a versioned record and record the change if any field changed; return the changes.

    ``before`` is ``snapshot(obj, fields)`` taken before the caller changed the record.
    """
    changes = diff(before, snapshot(obj, fields))
    refuse_empty_required(obj, changes)
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


def record_deleted(actor, obj, fields: list[str], action: str, department_id=None) -> None:
    """Record what a deleted record was."""
    audit_record(
        actor=actor,
        kind="delete",
        action=action,
        target=obj,
        changes=diff(snapshot(obj, fields), {}),
        department_id=department_id,
    )


def audit_append_many(entries: list[AuditEntry], batch_size: int = 2000) -> int:
    """Append unsaved entries to the chain in their order, sealing each (for bulk loads such
    as a generated company; ids and hashes are set here)."""
    with transaction.atomic():
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
        for entry in entries:
            head.last_entry_id += 1
            entry.id = head.last_entry_id
            entry.created_at = entry.created_at.replace(microsecond=0)
            entry.previous_hash = head.last_hash
            entry.entry_hash = entry_hash(head.last_hash, _hashed_fields(entry))
            head.last_hash = entry.entry_hash
        AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
        head.save(update_fields=["last_entry_id", "last_hash"])
    return len(entries)


def _hashed_fields(entry: AuditEntry) -> dict:
    fields = {field.attname: getattr(entry, field.attname) for field in entry._meta.concrete_fields}
    fields["created_at"] = entry.created_at.isoformat()
    return fields


def verify_chain() -> list[str]:
    """Walk the whole chain; return a description of every entry changed, inserted or deleted."""
    problems = []
    previous_hash = "0" * 64
    expected_id = 1
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.id != expected_id:
            problems.append(f"entries {expected_id}–{entry.id - 1} are missing (deleted)")
        if entry.previous_hash != previous_hash:
            problems.append(f"entry {entry.id} does not follow the entry before it")
        if entry_hash(entry.previous_hash, _hashed_fields(entry)) != entry.entry_hash:
            problems.append(f"entry {entry.id} was changed after it was written")
        previous_hash = entry.entry_hash
        expected_id = entry.id + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and head.last_entry_id != expected_id - 1:
        problems.append(f"the newest entries after {expected_id - 1} are missing (deleted)")
    return problems
