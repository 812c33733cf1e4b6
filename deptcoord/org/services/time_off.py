"""Recording, changing and removing time off."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record, save_with_audit
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org import messages
from deptcoord.org.models import Person, TimeOff

TIME_OFF_FIELDS = ["start_date", "end_date", "kind", "note"]


def _check(person: Person, start: date, end: date, kind: str, exclude_pk=None) -> None:
    errors: dict = {}
    if start is None:
        errors["start_date"] = [messages.REQUIRED]
    if end is None:
        errors["end_date"] = [messages.REQUIRED]
    if start and end and end < start:
        errors["end_date"] = [messages.TIME_OFF_ORDER]
    elif start and end and (end - start).days > 366:
        errors["end_date"] = [messages.TIME_OFF_TOO_LONG]
    if kind not in TimeOff.Kind.values:
        errors["kind"] = [messages.REQUIRED]
    if not errors:
        clash = (
            TimeOff.objects.filter(person=person, start_date__lte=end, end_date__gte=start)
            .exclude(pk=exclude_pk)
            .first()
        )
        if clash:
            errors["start_date"] = [
                messages.TIME_OFF_OVERLAP % {"start": clash.start_date, "end": clash.end_date}
            ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def time_off_create(
    *,
    actor: Actor,
    person: Person,
    start_date: date,
    end_date: date,
    kind: str = "leave",
    note: str = "",
) -> TimeOff:
    """Record days away for a person."""
    authorize(actor, Action.ADD_TIME_OFF, person)
    _check(person, start_date, end_date, kind)
    time_off = TimeOff.objects.create(
        person=person,
        start_date=start_date,
        end_date=end_date,
        kind=kind,
        note=(note or "").strip(),
    )
    audit_record(
        actor=actor,
        kind="create",
        action="org.time_off.create",
        target=time_off,
        changes=diff({}, snapshot(time_off, TIME_OFF_FIELDS)),
        department_id=person.primary_department_id,
    )
    return time_off


@transaction.atomic
def time_off_update(
    *, actor: Actor, time_off_id: int, expected_version: int | None, **changes
) -> TimeOff:
    """Change the dates, kind or note of recorded time off."""
    time_off = lock(TimeOff, time_off_id)
    authorize(actor, Action.CHANGE, time_off)
    check_version(time_off, expected_version)
    unknown = set(changes) - set(TIME_OFF_FIELDS)
    if unknown:
        raise TypeError(f"Unknown time-off fields: {sorted(unknown)}")
    before = snapshot(time_off, TIME_OFF_FIELDS)
    for field, value in changes.items():
        setattr(time_off, field, value)
    _check(time_off.person, time_off.start_date, time_off.end_date, time_off.kind, time_off.pk)
    save_with_audit(
        actor,
        time_off,
        before,
        TIME_OFF_FIELDS,
        "org.time_off.update",
        department_id=time_off.person.primary_department_id,
    )
    return time_off


@transaction.atomic
def time_off_delete(*, actor: Actor, time_off_id: int, expected_version: int | None = None) -> None:
    """Remove recorded time off (the trail keeps what it was)."""
    time_off = lock(TimeOff, time_off_id)
    authorize(actor, Action.DELETE, time_off)
    check_version(time_off, expected_version)
    audit_record(
        actor=actor,
        kind="delete",
        action="org.time_off.delete",
        target=time_off,
        changes=diff(snapshot(time_off, TIME_OFF_FIELDS), {}),
        department_id=time_off.person.primary_department_id,
    )
    time_off.delete()
