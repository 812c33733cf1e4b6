"""Keeping the company calendar's events."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.meetings import messages
from deptcoord.meetings.models import Event
from deptcoord.meetings.services.common import record, record_deleted, save_with_audit
from deptcoord.org import selectors as org
from deptcoord.org.services.recheck import recheck_reach

EVENT_FIELDS = [
    "title_en",
    "title_vi",
    "description",
    "kind",
    "start_date",
    "end_date",
    "place",
    "department_list",
]


def _check(data: dict) -> dict:
    errors: dict = {}
    data["title_en"] = (data.get("title_en") or "").strip()
    data["title_vi"] = (data.get("title_vi") or "").strip()
    if not data["title_en"] and not data["title_vi"]:
        errors["title_en"] = [messages.TITLE_REQUIRED]
    if data.get("kind") not in Event.Kind.values:
        data["kind"] = Event.Kind.OTHER
    start, end = data.get("start_date"), data.get("end_date") or data.get("start_date")
    if start is None:
        errors["start_date"] = [messages.REQUIRED]
    elif not 1900 <= start.year <= 2200 or not 1900 <= end.year <= 2200:
        errors["start_date"] = [messages.OUT_OF_RANGE]
    elif end < start:
        errors["end_date"] = [messages.EVENT_ENDS_BEFORE_START]
    elif end - start > timedelta(days=366):
        errors["end_date"] = [messages.EVENT_TOO_LONG]
    data["end_date"] = end
    if errors:
        raise ValidationError(errors)
    return data


def _snapshot(event: Event) -> dict:
    event.department_list = sorted(d.code for d in event.departments.all()) if event.pk else []
    return snapshot(event, EVENT_FIELDS)


@transaction.atomic
def event_create(
    *,
    actor: Actor,
    start_date,
    end_date=None,
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    kind: str = Event.Kind.OTHER,
    place: str = "",
    departments=(),
    owner=None,
) -> Event:
    """Put an event on the company calendar, owned by the actor (or ``owner``)."""
    authorize(actor, Action.VIEW, org.company())
    data = {k: v for k, v in locals().items() if k in EVENT_FIELDS}
    event = Event.objects.create(owner=owner or actor.person, **_check(data))
    event.departments.set(departments)
    created = {name: [None, value] for name, value in _snapshot(event).items()}
    record(actor, "create", event, "meetings.event.create", created)
    recheck_reach(actor, event, Action.CHANGE)
    return event


@transaction.atomic
def event_update(*, actor: Actor, event_id: int, expected_version: int | None, **changes) -> Event:
    """Change an event: its dates, titles, kind or departments."""
    event = lock(Event, event_id)
    authorize(actor, Action.CHANGE, event)
    check_version(event, expected_version)
    departments = changes.pop("departments", None)
    unknown = set(changes) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")
    before = _snapshot(event)
    data = _check(
        {
            name: changes.get(name, getattr(event, name))
            for name in EVENT_FIELDS
            if name != "department_list"
        }
    )
    for name, value in data.items():
        setattr(event, name, value)
    if departments is not None:
        event.departments.set(departments)
    _snapshot(event)
    save_with_audit(actor, event, before, EVENT_FIELDS, "meetings.event.update")
    recheck_reach(actor, event, Action.VIEW)
    return event


@transaction.atomic
def event_delete(*, actor: Actor, event_id: int, expected_version: int | None = None) -> None:
    """Take an event off the calendar."""
    event = lock(Event, event_id)
    authorize(actor, Action.DELETE, event)
    check_version(event, expected_version)
    _snapshot(event)
    record_deleted(actor, event, EVENT_FIELDS, "meetings.event.delete")
    event.delete()
