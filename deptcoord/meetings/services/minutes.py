"""The agenda of an occurrence, the notes taken on it, decisions and action items."""

import unicodedata
from dataclasses import replace
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.formats import date_format

from deptcoord.access import Action, can
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.language import language_of
from deptcoord.core.versioning import check_version, lock
from deptcoord.meetings import messages
from deptcoord.meetings.models import ActionItem, AgendaItem, Decision, Meeting
from deptcoord.meetings.series import occurrence_of
from deptcoord.meetings.services.common import (
    audit_record,
    department_of,
    record_created,
    record_deleted,
    save_with_audit,
)
from deptcoord.meetings.services.steps import step_follow_action, step_for_action
from deptcoord.notices.notifications import Group, notify, translated
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records.models import Note
from deptcoord.records.services import note_create, note_delete
from deptcoord.search.indexing import index_record, unindex_record
from deptcoord.work.models import Step
from deptcoord.work.services import step_delete

AGENDA_FIELDS = [
    "occurrence",
    "position",
    "title",
    "presenter",
    "minutes_allotted",
    "optional",
    "notes",
    "shared_with_hr",
    "goal",
    "event",
    "project",
    "step",
    "request",
]
DECISION_FIELDS = ["occurrence", "text", "department"]
ACTION_FIELDS = ["occurrence", "title", "assignee", "due_date", "status", "completed_on"]


def check_occurrence(meeting: Meeting, day: date) -> None:
    """The meeting takes place on ``day`` (its original date)."""
    found = occurrence_of(meeting, day)
    if found is None:
        from django.utils.formats import date_format

        params = {"date": date_format(day, "SHORT_DATE_FORMAT")}
        raise ValidationError(
            {"occurrence": [ValidationError(messages.NOT_AN_OCCURRENCE, params=params)]}
        )


def title_key(title: str) -> str:
    """A title as compared for duplicates: without case, accents or extra spaces
    ("Kế hoạch  Quý 1" and "ke hoach quy 1" are the same topic)."""
    text = unicodedata.normalize("NFKD", (title or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


def agenda_titles(meeting: Meeting, occurrence: date, exclude_pk=None) -> dict[str, str]:
    """The titles already on an occurrence's agenda, by their compared form."""
    items = AgendaItem.objects.filter(meeting=meeting, occurrence=occurrence).exclude(pk=exclude_pk)
    return {title_key(title): title for title in items.values_list("title", flat=True)}


def _check_duplicate(meeting: Meeting, occurrence: date, title: str, exclude_pk=None) -> None:
    same = agenda_titles(meeting, occurrence, exclude_pk).get(title_key(title))
    if same is not None:
        raise ValidationError(
            {"title": [ValidationError(messages.AGENDA_DUPLICATE, params={"title": same})]}
        )


def _check_item(meeting: Meeting, data: dict) -> dict:
    errors: dict = {}
    data["title"] = (data.get("title") or "").strip()[:200]
    if not data["title"]:
        errors["title"] = [messages.REQUIRED]
    minutes = data.get("minutes_allotted")
    if minutes is None or not 1 <= int(minutes) <= 240:
        errors["minutes_allotted"] = [messages.MINUTES_ALLOTTED]
    presenter = data.get("presenter")
    if presenter is not None and not can(role_facts_for_person(presenter), Action.VIEW, meeting):
        errors["presenter"] = [
            ValidationError(messages.PRESENTER_NOT_INVITED, params={"name": presenter.full_name})
        ]
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def agenda_item_create(
    *,
    actor: Actor,
    meeting: Meeting,
    occurrence: date,
    title: str,
    presenter=None,
    minutes_allotted: int = 10,
    notes: str = "",
    shared_with_hr: bool = False,
    goal=None,
    event=None,
    project=None,
    step=None,
    request=None,
    action_item=None,
    optional: bool = False,
) -> AgendaItem:
    """Add an item at the end of an occurrence's agenda (an optional one is listed apart and
    not counted in the agenda's time). A title already on the agenda is refused."""
    meeting = lock(Meeting, meeting.pk)
    authorize(actor, Action.TAKE_MINUTES, meeting)
    check_occurrence(meeting, occurrence)
    data = _check_item(
        meeting, {"title": title, "presenter": presenter, "minutes_allotted": minutes_allotted}
    )
    _check_duplicate(meeting, occurrence, data["title"])
    last = AgendaItem.objects.filter(meeting=meeting, occurrence=occurrence).aggregate(
        Max("position")
    )
    item = AgendaItem.objects.create(
        meeting=meeting,
        occurrence=occurrence,
        position=(last["position__max"] or 0) + 1,
        notes=notes,
        shared_with_hr=shared_with_hr,
        goal=goal,
        event=event,
        project=project,
        step=step,
        request=request,
        action_item=action_item,
        optional=bool(optional),
        **data,
    )
    record_created(actor, item, AGENDA_FIELDS, "meetings.agenda.create", department_of(meeting))
    index_record(item)
    index_record(meeting)
    return item


@transaction.atomic
def agenda_item_update(
    *, actor: Actor, item_id: int, expected_version: int | None, **changes
) -> AgendaItem:
    """Change an item: its title, presenter, time, the notes taken on it, or take an optional
    item into the agenda (it goes to the end)."""
    item = lock(AgendaItem, item_id)
    authorize(actor, Action.CHANGE, item)
    check_version(item, expected_version)
    allowed = {
        "title",
        "presenter",
        "minutes_allotted",
        "notes",
        "shared_with_hr",
        "position",
        "optional",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Unknown agenda item fields: {sorted(unknown)}")
    data = {name: changes.get(name, getattr(item, name)) for name in allowed}
    data = _check_item(item.meeting, data)
    if title_key(data["title"]) != title_key(item.title):
        _check_duplicate(item.meeting, item.occurrence, data["title"], exclude_pk=item.pk)
    data["optional"] = bool(data["optional"])
    if data["optional"] != item.optional and "position" not in changes:
        data["position"] = _last_position(item.meeting_id, item.occurrence) + 1
    before = snapshot(item, AGENDA_FIELDS)
    for name, value in data.items():
        setattr(item, name, value)
    changed = save_with_audit(
        actor, item, before, AGENDA_FIELDS, "meetings.agenda.update", department_of(item.meeting)
    )
    if changed:
        index_record(item)
        index_record(item.meeting)
    return item


def _last_position(meeting_id: int, occurrence: date) -> int:
    found = AgendaItem.objects.filter(meeting_id=meeting_id, occurrence=occurrence).aggregate(
        Max("position")
    )
    return found["position__max"] or 0


@transaction.atomic
def agenda_item_move(
    *, actor: Actor, item_id: int, expected_version: int | None, position: int
) -> AgendaItem:
    """Move an item to ``position`` (from 1) among the agenda's items (or among the optional
    ones, for an optional item); the new order is recorded in the audit trail."""
    meeting_id = AgendaItem.objects.values_list("meeting_id", flat=True).get(pk=item_id)
    lock(Meeting, meeting_id)  # one agenda write at a time, as when items are added
    item = lock(AgendaItem, item_id)
    authorize(actor, Action.CHANGE, item)
    check_version(item, expected_version)
    items = list(
        AgendaItem.objects.filter(meeting_id=meeting_id, occurrence=item.occurrence).order_by(
            "optional", "position", "pk"
        )
    )
    same_list = [other for other in items if other.optional == item.optional]
    if not isinstance(position, int) or not 1 <= position <= len(same_list):
        raise ValidationError(
            {
                "position": [
                    ValidationError(messages.AGENDA_POSITION, params={"count": len(same_list)})
                ]
            }
        )
    before = [other.title for other in same_list]
    if same_list.index(item) == position - 1:
        return item  # already there
    same_list.remove(item)
    same_list.insert(position - 1, item)
    regular = [other for other in items if not other.optional]
    optional = [other for other in items if other.optional]
    ordered = (same_list + optional) if not item.optional else (regular + same_list)
    old_position = item.position
    for number, other in enumerate(ordered, start=1):
        if other.pk != item.pk and other.position != number:
            # the order is the agenda's: the other items keep their versions
            AgendaItem.objects.filter(pk=other.pk).update(position=number)
    item.position = ordered.index(item) + 1
    item.version += 1
    item.save(update_fields=["position", "version"])
    audit_record(
        actor=actor,
        kind="update",
        action="meetings.agenda.move",
        target=item,
        changes={
            "position": [old_position, item.position],
            "agenda_order": [before, [other.title for other in same_list]],
        },
        department_id=department_of(item.meeting),
    )
    return item


@transaction.atomic
def agenda_item_delete(*, actor: Actor, item_id: int, expected_version: int | None = None) -> None:
    """Take an item off the agenda."""
    item = lock(AgendaItem, item_id)
    authorize(actor, Action.DELETE, item)
    check_version(item, expected_version)
    record_deleted(
        actor, item, AGENDA_FIELDS, "meetings.agenda.delete", department_of(item.meeting)
    )
    unindex_record(item)
    meeting = item.meeting
    item.delete()
    index_record(meeting)


@transaction.atomic
def decision_create(
    *, actor: Actor, meeting: Meeting, occurrence: date, text: str, department=None
) -> Decision:
    """Record a decision; it is kept in the department's records (the meeting's first by
    default)."""
    meeting = lock(Meeting, meeting.pk)
    authorize(actor, Action.TAKE_MINUTES, meeting)
    check_occurrence(meeting, occurrence)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [messages.TEXT_REQUIRED]})
    if department is None:
        taking_part = meeting.departments.order_by("code")
        organisers = taking_part.filter(pk=meeting.organiser.primary_department_id)
        department = organisers.first() or taking_part.first()
    decision = Decision.objects.create(
        meeting=meeting,
        occurrence=occurrence,
        text=text[:5000],
        department=department,
        recorded_by=actor.person,
    )
    record_created(
        actor, decision, DECISION_FIELDS, "meetings.decision.create", department_of(meeting)
    )
    _file_decision(actor, meeting, decision)
    return decision


def _filing(actor: Actor) -> Actor:
    """The actor filing a decision: the person who recorded it, with the meeting's authority
    (recording it was allowed; the note follows from it, whatever their rights on records)."""
    return replace(actor, via="system")


def _file_decision(actor: Actor, meeting: Meeting, decision: Decision) -> None:
    """Keep the decision in its department's records, as a note linked to the meeting (a 1:1's
    decisions stay with the 1:1)."""
    if decision.department is None or meeting.kind == Meeting.Kind.ONE_ON_ONE:
        return
    author = actor.person or meeting.organiser
    with translation.override(language_of(author)):  # the title reads as its author writes
        title = str(messages.DECISION_NOTE_TITLE) % {
            "meeting": meeting.title,
            "date": date_format(decision.occurrence, "SHORT_DATE_FORMAT"),
        }
    decision.note = note_create(
        actor=_filing(actor),
        department=decision.department,
        title=title,
        body=decision.text,
        source=Note.Source.MEETING_DECISION,
        author=author,
        links=[meeting],
    )
    decision.save(update_fields=["note"])


@transaction.atomic
def decision_delete(*, actor: Actor, decision_id: int) -> None:
    """Withdraw a decision recorded by mistake."""
    decision = lock(Decision, decision_id)
    authorize(actor, Action.DELETE, decision)
    record_deleted(
        actor,
        decision,
        DECISION_FIELDS,
        "meetings.decision.delete",
        department_of(decision.meeting),
    )
    if decision.note_id is not None:
        note_delete(actor=_filing(actor), note_id=decision.note_id)
    decision.delete()


def _check_action(meeting: Meeting, occurrence: date, title: str, assignee, due_date) -> dict:
    errors: dict = {}
    title = (title or "").strip()[:200]
    if not title:
        errors["title"] = [messages.REQUIRED]
    if assignee is None:
        errors["assignee"] = [messages.REQUIRED]
    elif not can(role_facts_for_person(assignee), Action.VIEW, meeting):
        errors["assignee"] = [
            ValidationError(messages.ASSIGNEE_CANNOT_SEE, params={"name": assignee.full_name})
        ]
    if due_date is not None and due_date < occurrence:
        errors["due_date"] = [messages.DUE_BEFORE_MEETING]
    if errors:
        raise ValidationError(errors)
    return {"title": title, "assignee": assignee, "due_date": due_date}


@transaction.atomic
def action_item_create(
    *, actor: Actor, meeting: Meeting, occurrence: date, title: str, assignee, due_date=None
) -> ActionItem:
    """Record an action with its assignee and due date; it carries over while open."""
    meeting = lock(Meeting, meeting.pk)
    authorize(actor, Action.TAKE_MINUTES, meeting)
    check_occurrence(meeting, occurrence)
    data = _check_action(meeting, occurrence, title, assignee, due_date)
    item = ActionItem.objects.create(meeting=meeting, occurrence=occurrence, **data)
    record_created(actor, item, ACTION_FIELDS, "meetings.action.create", department_of(meeting))
    step_for_action(actor, item)
    if assignee.pk != actor.person_id:
        notify(
            recipient=assignee,
            kind="meetings.action_assigned",
            message=messages.ACTION_ASSIGNED,
            params={"title": translated(lambda: meeting.title), "action": item.title},
            url=_occurrence_url(meeting, occurrence),
            target=item,
            actor=actor.person,
            group=Group(
                key=f"actions:{meeting.pk}:{occurrence.isoformat()}:by:{actor.person_id or ''}",
                message=messages.ACTIONS_ASSIGNED,
                params={"title": translated(lambda: meeting.title)},
            ),
        )
    return item


def _occurrence_url(meeting: Meeting, occurrence: date) -> str:
    from django.urls import reverse

    return reverse("meetings:occurrence", kwargs={"pk": meeting.pk, "day": occurrence})


@transaction.atomic
def action_item_update(
    *, actor: Actor, item_id: int, expected_version: int | None, **changes
) -> ActionItem:
    """Change an action item, or mark it done (or open again)."""
    item = lock(ActionItem, item_id)
    authorize(actor, Action.CHANGE, item)
    check_version(item, expected_version)
    unknown = set(changes) - {"title", "assignee", "due_date", "status"}
    if unknown:
        raise TypeError(f"Unknown action item fields: {sorted(unknown)}")
    data = _check_action(
        item.meeting,
        item.occurrence,
        changes.get("title", item.title),
        changes.get("assignee", item.assignee),
        changes.get("due_date", item.due_date),
    )
    status = changes.get("status", item.status)
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": [messages.REQUIRED]})
    before = snapshot(item, ACTION_FIELDS)
    for name, value in data.items():
        setattr(item, name, value)
    if status != item.status:
        from django.utils import timezone

        item.completed_on = timezone.localdate() if status == ActionItem.Status.DONE else None
    item.status = status
    changed = save_with_audit(
        actor, item, before, ACTION_FIELDS, "meetings.action.update", department_of(item.meeting)
    )
    if "status" in changed:
        step_follow_action(actor, item)
    return item


@transaction.atomic
def action_item_delete(*, actor: Actor, item_id: int, expected_version: int | None) -> bool:
    """Take back an action item recorded by mistake. Its step goes too while nobody has touched
    it since the meeting created it; a step already worked on stays in the plan. Return whether
    the step went."""
    item = lock(ActionItem, item_id)
    authorize(actor, Action.DELETE, item)
    check_version(item, expected_version)
    step = Step.objects.filter(pk=item.step_id).first() if item.step_id else None
    untouched = step is not None and step.version == 1 and step.status == Step.Status.TODO
    record_deleted(
        actor, item, ACTION_FIELDS, "meetings.action.delete", department_of(item.meeting)
    )
    item.delete()
    if untouched:
        step_delete(actor=replace(actor, via="system"), step_id=step.pk)
    return untouched


@transaction.atomic
def minutes_send(*, actor: Actor, meeting: Meeting, occurrence: date) -> None:
    """E-mail the occurrence's minutes to its participants (each gets what they may read)."""
    authorize(actor, Action.TAKE_MINUTES, meeting)
    check_occurrence(meeting, occurrence)
    from deptcoord.meetings.services.common import record
    from deptcoord.meetings.tasks import send_minutes

    record(
        actor, "update", meeting, "meetings.minutes.send", {"minutes_sent": [None, str(occurrence)]}
    )
    day = occurrence.isoformat()
    transaction.on_commit(lambda: send_minutes.enqueue(meeting.pk, day, actor.person_id))
