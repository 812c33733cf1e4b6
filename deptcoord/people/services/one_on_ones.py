"""1:1s: scheduling them, talking points, private notes, action items, and check-ins on the
member's key results during the conversation."""

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.goals.services import check_in_create
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.people import messages
from deptcoord.people.access import holds_one_on_ones_with
from deptcoord.people.models import OneOnOne, OneOnOneActionItem, PrivateNote, TalkingPoint
from deptcoord.people.services.common import (
    add,
    check_choice,
    check_text,
    raise_if,
    record_created,
    save_with_audit,
)

ONE_ON_ONE_FIELDS = ["coordinator", "member", "scheduled_at", "status"]


@transaction.atomic
def one_on_one_create(
    *, actor: Actor, member: Person, scheduled_at, coordinator: Person | None = None
) -> OneOnOne:
    """Schedule a 1:1 between a member and the coordinator (the actor by default) who runs the
    member's department."""
    coordinator = coordinator or actor.person
    authorize(actor, Action.CHANGE, OneOnOne(coordinator=coordinator, member=member))
    errors: dict = {}
    if coordinator is None or coordinator.pk == member.pk:
        add(errors, "member", messages.ONE_ON_ONE_WITH_SELF)
    elif not holds_one_on_ones_with(role_facts_for_person(coordinator), member):
        add(
            errors,
            "coordinator",
            messages.NOT_RUN_BY_COORDINATOR
            % {"name": coordinator.full_name, "member": member.full_name},
        )
    if not scheduled_at:
        add(errors, "scheduled_at", messages.REQUIRED)
    raise_if(errors)
    meeting = OneOnOne.objects.create(
        coordinator=coordinator, member=member, scheduled_at=scheduled_at
    )
    record_created(actor, meeting, ONE_ON_ONE_FIELDS, "people.one_on_one.create")
    return meeting


@transaction.atomic
def one_on_one_update(*, actor: Actor, one_on_one_id: int, expected_version=None, **changes):
    """Reschedule a 1:1, or mark it held or cancelled."""
    meeting = lock(OneOnOne, one_on_one_id)
    authorize(actor, Action.CHANGE, meeting)
    check_version(meeting, expected_version)
    errors: dict = {}
    status = check_choice(errors, "status", changes.get("status", meeting.status), OneOnOne.Status)
    scheduled_at = changes.get("scheduled_at") or meeting.scheduled_at
    raise_if(errors)
    before = snapshot(meeting, ONE_ON_ONE_FIELDS)
    meeting.status, meeting.scheduled_at = status, scheduled_at
    save_with_audit(actor, meeting, before, ONE_ON_ONE_FIELDS, "people.one_on_one.update")
    return meeting


def _contribute(actor: Actor, one_on_one_id: int) -> OneOnOne:
    meeting = lock(OneOnOne, one_on_one_id)
    authorize(actor, Action.ANNOTATE, meeting)
    return meeting


def _log(actor: Actor, meeting: OneOnOne, what: str, value) -> None:
    audit_record(
        actor=actor,
        kind="update",
        action=f"people.one_on_one.{what}",
        target=meeting,
        changes={what: [None, value]},
    )


@transaction.atomic
def talking_point_add(*, actor: Actor, one_on_one_id: int, text: str) -> TalkingPoint:
    """Either side adds a talking point; both see it."""
    meeting = _contribute(actor, one_on_one_id)
    errors: dict = {}
    text = check_text(errors, "text", text, messages.REQUIRED, limit=500)
    raise_if(errors)
    point = TalkingPoint.objects.create(one_on_one=meeting, author=actor.person, text=text)
    _log(actor, meeting, "talking_point", text)
    return point


@transaction.atomic
def talking_point_mark(*, actor: Actor, point_id: int, covered: bool) -> TalkingPoint:
    """Tick a talking point off as covered (or open it again)."""
    point = TalkingPoint.objects.select_related("one_on_one").get(pk=point_id)
    _contribute(actor, point.one_on_one_id)
    point.is_covered = covered
    point.save(update_fields=["is_covered"])
    _log(actor, point.one_on_one, "talking_point_covered", f"{point.text}: {covered}")
    return point


@transaction.atomic
def private_note_add(*, actor: Actor, one_on_one_id: int, body: str) -> PrivateNote:
    """A note only its author will ever see (the audit trail records that one was written, never
    what it says)."""
    meeting = _contribute(actor, one_on_one_id)
    errors: dict = {}
    body = check_text(errors, "body", body, messages.REQUIRED)
    raise_if(errors)
    note = PrivateNote.objects.create(one_on_one=meeting, author=actor.person, body=body)
    _log(actor, meeting, "private_note", f"#{note.pk}")
    return note


@transaction.atomic
def action_item_add(
    *, actor: Actor, one_on_one_id: int, text: str, owner: Person, due=None
) -> OneOnOneActionItem:
    """Agree on something to do: by the member or the coordinator, by a date."""
    meeting = _contribute(actor, one_on_one_id)
    errors: dict = {}
    text = check_text(errors, "text", text, messages.REQUIRED, limit=300)
    if owner is None or owner.pk not in (meeting.coordinator_id, meeting.member_id):
        add(errors, "owner", messages.ONE_ON_ONE_WITH_SELF)
    raise_if(errors)
    item = OneOnOneActionItem.objects.create(one_on_one=meeting, owner=owner, text=text, due=due)
    _log(actor, meeting, "action_item", text)
    return item


@transaction.atomic
def action_item_mark(*, actor: Actor, item_id: int, done: bool) -> OneOnOneActionItem:
    """Tick an action item off (or open it again)."""
    item = OneOnOneActionItem.objects.select_related("one_on_one").get(pk=item_id)
    _contribute(actor, item.one_on_one_id)
    item.is_done = done
    item.save(update_fields=["is_done"])
    _log(actor, item.one_on_one, "action_item_done", f"{item.text}: {done}")
    return item


def one_on_one_check_in(*, actor: Actor, one_on_one_id: int, key_result, **check_in):
    """Check in on one of the member's key results during the 1:1 (the goals' own service)."""
    meeting = OneOnOne.objects.select_related("member").get(pk=one_on_one_id)
    authorize(actor, Action.ANNOTATE, meeting)
    if key_result.owner_id != meeting.member_id:
        raise_if(
            {"key_result": [messages.CHECK_IN_NOT_MEMBERS % {"name": meeting.member.full_name}]}
        )
    return check_in_create(actor=actor, key_result_id=key_result.pk, **check_in)
