"""Scheduling, changing and cancelling meetings (one-off or a series), with their invitees."""

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import refuse_empty_required
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.meetings import invitations, messages
from deptcoord.meetings.models import Guest, Meeting, Participant
from deptcoord.meetings.services.checks import (
    check_link,
    check_people,
    check_times,
    check_title,
    raise_if,
)
from deptcoord.meetings.services.common import (
    department_of,
    record,
    record_created,
    save_with_audit,
)
from deptcoord.org import selectors as org
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.search.indexing import index_record

MEETING_FIELDS = [
    "title_en",
    "title_vi",
    "description",
    "kind",
    "time_zone",
    "starts_at",
    "ends_at",
    "place",
    "video_link",
    "rrule",
    "status",
]
PEOPLE_FIELDS = ["participant_list", "guest_list", "department_list"]
EDITABLE = {*MEETING_FIELDS, "start", "end", "participants", "guests", "departments"} - {
    "starts_at",
    "ends_at",
    "status",
}


def _people_snapshot(meeting: Meeting) -> dict:
    participants = meeting.participants.select_related("person").order_by("person__full_name")
    return {
        "participant_list": [
            {"id": p.person_id, "label": p.person.full_name, "required": p.required}
            for p in participants
        ],
        "guest_list": sorted(guest.email for guest in meeting.guests.all()),
        "department_list": sorted(d.code for d in meeting.departments.all()),
    }


def _set_people(meeting: Meeting, organiser, people, guests, departments) -> None:
    """Replace the invitees, keeping the answers of those who stay invited."""
    answers = dict(meeting.participants.values_list("person_id", "response"))
    meeting.participants.all().delete()
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting,
            person=person,
            required=required,
            response=answers.get(person.pk, Participant._meta.get_field("response").default),
        )
        for person, required in [(organiser, True), *people]
    )
    if organiser.pk not in answers:
        meeting.participants.filter(person=organiser).update(response="accepted")
    guest_answers = dict(meeting.guests.values_list("email", "response"))
    meeting.guests.all().delete()
    Guest.objects.bulk_create(
        Guest(
            meeting=meeting,
            email=email,
            name=name,
            response=guest_answers.get(email, "needs_action"),
        )
        for email, name in guests
    )
    if departments is None:
        departments = {person.primary_department_id for person, _ in [(organiser, True), *people]}
        departments.discard(None)
    meeting.departments.set(departments)


def _validated(data: dict, organiser, participants, guests) -> tuple[dict, list, list]:
    errors: dict = {}
    check_title(data, errors)
    check_link(data, errors)
    if data.get("kind") not in Meeting.Kind.values:
        data["kind"] = Meeting.Kind.REGULAR
    check_times(data, errors)
    people, outside = check_people(organiser, data["kind"], participants, guests, errors)
    raise_if(errors)
    return data, people, outside


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    start,
    end,
    time_zone: str = "Asia/Ho_Chi_Minh",
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    kind: str = Meeting.Kind.REGULAR,
    place: str = "",
    video_link: str = "",
    rrule: str = "",
    participants=(),
    guests=(),
    departments=None,
    organiser=None,
) -> Meeting:
    """Schedule a meeting or a series organised by the actor and send the invitations.

    ``start``/``end`` are wall-clock times in ``time_zone`` (or aware datetimes);
    ``participants`` are (person, required) pairs; ``guests`` are e-mail addresses.
    """
    authorize(actor, Action.VIEW, org.company())
    organiser = organiser or actor.person
    data = {name: value for name, value in locals().items() if name in EDITABLE}
    data.pop("participants"), data.pop("guests"), data.pop("departments")
    cleaned, people, outside = _validated(data, organiser, participants, guests)
    meeting = Meeting.objects.create(organiser=organiser, **cleaned)
    _set_people(meeting, organiser, people, outside, departments)
    record_created(
        actor, meeting, MEETING_FIELDS, "meetings.meeting.create", department_of(meeting)
    )
    index_record(meeting)
    recheck_reach(actor, meeting, Action.CHANGE)
    invitations.send_later(meeting, "REQUEST")
    return meeting


def _current_people(meeting: Meeting) -> tuple[list, list]:
    participants = [
        (p.person, p.required)
        for p in meeting.participants.select_related("person")
        if p.person_id != meeting.organiser_id
    ]
    return participants, [(guest.email, guest.name) for guest in meeting.guests.all()]


@transaction.atomic
def meeting_update(
    *, actor: Actor, meeting_id: int, expected_version: int | None, **changes
) -> Meeting:
    """Change a meeting (or a whole series); invitees get the update, removed ones a
    cancellation."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.CHANGE, meeting)
    check_version(meeting, expected_version)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    current = {field: getattr(meeting, field) for field in EDITABLE & set(MEETING_FIELDS)}
    current.update(start=meeting.starts_at, end=meeting.ends_at)
    participants, guests = _current_people(meeting)
    data = {**current, **{k: v for k, v in changes.items() if k in current}}
    cleaned, people, outside = _validated(
        data,
        meeting.organiser,
        changes.get("participants", participants),
        changes.get("guests", guests),
    )
    before = snapshot(meeting, MEETING_FIELDS) | _people_snapshot(meeting)
    removed = _removed_recipients(meeting, people, outside)
    for field in MEETING_FIELDS:
        if field in cleaned:
            setattr(meeting, field, cleaned[field])
    _set_people(meeting, meeting.organiser, people, outside, changes.get("departments"))
    meeting.sequence += 1
    changed = _save_with_people(actor, meeting, before, "meetings.meeting.update")
    if not changed:
        meeting.sequence -= 1
    recheck_reach(actor, meeting, Action.VIEW)
    if changed:
        invitations.send_later(meeting, "REQUEST")
        if removed:
            invitations.send_later(meeting, "CANCEL", recipients=removed)
    return meeting


def _removed_recipients(meeting: Meeting, people, outside) -> list[str]:
    staying = {person.pk for person, _ in people} | {meeting.organiser_id}
    emails = {email.lower() for email, _ in outside}
    gone = [
        p.person.email
        for p in meeting.participants.select_related("person")
        if p.person_id not in staying
    ]
    return gone + [g.email for g in meeting.guests.all() if g.email.lower() not in emails]


def _save_with_people(actor: Actor, meeting: Meeting, before: dict, action: str) -> dict:
    after = snapshot(meeting, MEETING_FIELDS) | _people_snapshot(meeting)
    changes = diff(before, after)
    refuse_empty_required(meeting, changes)
    if changes:
        meeting.version += 1
        meeting.save()
        record(actor, "update", meeting, action, changes, department_of(meeting))
        index_record(meeting)
    return changes


@transaction.atomic
def meeting_cancel(
    *, actor: Actor, meeting_id: int, expected_version: int | None = None
) -> Meeting:
    """Cancel a meeting or a whole series; invitees get a cancellation."""
    meeting = lock(Meeting, meeting_id)
    authorize(actor, Action.DELETE, meeting)
    check_version(meeting, expected_version)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError({"status": [messages.MEETING_CANCELLED]})
    before = snapshot(meeting, MEETING_FIELDS)
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    save_with_audit(
        actor, meeting, before, MEETING_FIELDS, "meetings.meeting.cancel", department_of(meeting)
    )
    invitations.send_later(meeting, "CANCEL")
    return meeting


@transaction.atomic
def participants_add(*, actor: Actor, meeting_id: int, people, required: bool = False) -> Meeting:
    """Invite more people (suggested participants, for example); they get the invitation."""
    meeting = Meeting.objects.get(pk=meeting_id)
    participants, _guests = _current_people(meeting)
    known = {person.pk for person, _ in participants} | {meeting.organiser_id}
    added = [(person, required) for person in people if person.pk not in known]
    return meeting_update(
        actor=actor,
        meeting_id=meeting_id,
        expected_version=None,
        participants=participants + added,
    )
