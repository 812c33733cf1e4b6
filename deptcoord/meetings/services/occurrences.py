"""Moving or cancelling one occurrence of a series, and changing a series from a date on."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.meetings import invitations, messages
from deptcoord.meetings.models import ActionItem, AgendaItem, Decision, Meeting, OccurrenceChange
from deptcoord.meetings.recurrence import Series, occurrence_on, until_before
from deptcoord.meetings.series import first_key, series_of
from deptcoord.meetings.services.checks import MAX_LENGTH, aware, raise_if
from deptcoord.meetings.services.common import department_of, record, save_with_audit
from deptcoord.meetings.services.meetings import (
    MEETING_FIELDS,
    _current_people,
    meeting_create,
    meeting_update,
)

CHANGE_FIELDS = ["occurrence", "cancelled", "starts_at", "ends_at", "note"]


def _occurrence(meeting: Meeting, day: date):
    if not meeting.rrule:
        raise ValidationError({"occurrence": [messages.NOT_A_SERIES]})
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError({"occurrence": [messages.MEETING_CANCELLED]})
    found = occurrence_on(series_of(meeting), day, apply_changes=False)
    if found is None:
        params = {"date": date_format(day, "SHORT_DATE_FORMAT")}
        raise ValidationError(
            {"occurrence": [ValidationError(messages.NOT_AN_OCCURRENCE, params=params)]}
        )
    return found


def _change(actor: Actor, meeting: Meeting, day: date, **values) -> OccurrenceChange:
    change = OccurrenceChange.objects.filter(meeting=meeting, occurrence=day).first()
    if change is None:
        change = OccurrenceChange.objects.create(meeting=meeting, occurrence=day, **values)
        created = {name: [None, value] for name, value in snapshot(change, CHANGE_FIELDS).items()}
        record(
            actor, "create", change, "meetings.occurrence.change", created, department_of(meeting)
        )
        return change
    before = snapshot(change, CHANGE_FIELDS)
    for name, value in values.items():
        setattr(change, name, value)
    save_with_audit(
        actor, change, before, CHANGE_FIELDS, "meetings.occurrence.change", department_of(meeting)
    )
    return change


def _raise_sequence(meeting: Meeting) -> None:
    meeting.sequence += 1
    meeting.version += 1
    meeting.save(update_fields=["sequence", "version"])


@transaction.atomic
def occurrence_move(
    *,
    actor: Actor,
    meeting_id: int,
    occurrence: date,
    start,
    end,
    note: str = "",
    expected_version: int | None = None,
):
    """Move one occurrence (wall-clock times in the meeting's zone, or aware times); the others
    stay. A one-off meeting is its only occurrence: it moves as a whole, as its form would.
    ``expected_version`` is the meeting's version the person saw (a stale one is refused)."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.CHANGE, meeting)
    check_version(meeting, expected_version)
    if not meeting.rrule and meeting.status == Meeting.Status.SCHEDULED:
        if occurrence != first_key(meeting):
            params = {"date": date_format(occurrence, "SHORT_DATE_FORMAT")}
            raise ValidationError(
                {"occurrence": [ValidationError(messages.NOT_AN_OCCURRENCE, params=params)]}
            )
        return meeting_update(
            actor=actor, meeting_id=meeting.pk, expected_version=None, start=start, end=end
        )
    _occurrence(meeting, occurrence)
    errors: dict = {}
    starts_at = aware(start, meeting.time_zone, "start", errors)
    ends_at = aware(end, meeting.time_zone, "end", errors)
    if starts_at and ends_at and ends_at <= starts_at:
        errors.setdefault("end", []).append(messages.END_BEFORE_START)
    elif starts_at and ends_at and ends_at - starts_at > MAX_LENGTH:
        errors.setdefault("end", []).append(messages.TOO_LONG)
    raise_if(errors)
    change = _change(
        actor, meeting, occurrence, cancelled=False, starts_at=starts_at, ends_at=ends_at, note=note
    )
    _raise_sequence(meeting)
    invitations.send_later(meeting, "REQUEST", occurrence=occurrence)
    return change


@transaction.atomic
def occurrence_cancel(
    *, actor: Actor, meeting_id: int, occurrence: date, note: str = ""
) -> OccurrenceChange:
    """Cancel one occurrence of a series; invitees get a cancellation of that date only."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.CHANGE, meeting)
    _occurrence(meeting, occurrence)
    change = _change(
        actor, meeting, occurrence, cancelled=True, starts_at=None, ends_at=None, note=note
    )
    _raise_sequence(meeting)
    invitations.send_later(meeting, "CANCEL", occurrence=occurrence)
    return change


@transaction.atomic
def occurrence_restore(*, actor: Actor, meeting_id: int, occurrence: date) -> None:
    """Put a moved or cancelled occurrence back where the series has it."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.CHANGE, meeting)
    _occurrence(meeting, occurrence)
    change = OccurrenceChange.objects.filter(meeting=meeting, occurrence=occurrence).first()
    if change is None:
        return
    record(
        actor,
        "delete",
        change,
        "meetings.occurrence.restore",
        {name: [value, None] for name, value in snapshot(change, CHANGE_FIELDS).items()},
        department_of(meeting),
    )
    change.delete()
    _raise_sequence(meeting)
    invitations.send_later(meeting, "REQUEST")


@transaction.atomic
def series_change_from(
    *, actor: Actor, meeting_id: int, occurrence: date, expected_version=None, **changes
) -> Meeting:
    """Change a series from one occurrence on ("this and following"): the series ends before
    it and a new series, with the changes, continues from it with the same people."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.CHANGE, meeting)
    found = _occurrence(meeting, occurrence)
    if occurrence == first_key(meeting):
        return meeting_update(
            actor=actor, meeting_id=meeting.pk, expected_version=expected_version, **changes
        )
    participants, guests = _current_people(meeting)
    local = meeting.time_zone
    duration = meeting.ends_at - meeting.starts_at
    fields = {
        name: getattr(meeting, name)
        for name in MEETING_FIELDS
        if name not in {"starts_at", "ends_at", "status"}
    }
    fields.update(start=found.start, end=found.start + duration)
    fields.update(changes)
    series = Series(meeting.starts_at, meeting.ends_at, local, meeting.rrule)
    continued = meeting_create(
        actor=actor,
        organiser=meeting.organiser,
        participants=changes.get("participants", participants),
        guests=changes.get("guests", guests),
        departments=changes.get("departments", list(meeting.departments.all())),
        **{k: v for k, v in fields.items() if k not in {"participants", "guests", "departments"}},
    )
    continued.follows = meeting
    continued.save(update_fields=["follows"])
    before = snapshot(meeting, MEETING_FIELDS)
    meeting.rrule = until_before(series, occurrence)
    meeting.sequence += 1
    save_with_audit(
        actor, meeting, before, MEETING_FIELDS, "meetings.meeting.split", department_of(meeting)
    )
    for model in (AgendaItem, Decision, ActionItem, OccurrenceChange):
        model.objects.filter(meeting=meeting, occurrence__gte=occurrence).update(meeting=continued)
    invitations.send_later(meeting, "REQUEST")
    return continued
