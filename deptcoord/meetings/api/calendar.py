"""API endpoints for the company calendar, finding a time and calendar feeds."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.meetings import calendar as entries
from deptcoord.meetings import finder, messages, selectors, services
from deptcoord.meetings.api.common import departments_or_404, people_or_422
from deptcoord.meetings.api.schemas import (
    CalendarEntryOut,
    EventIn,
    EventOut,
    EventPatch,
    FeedOut,
    FindTimeIn,
    FindTimeOut,
)
from deptcoord.meetings.models import CalendarFeedToken, Event
from deptcoord.org import selectors as org
from deptcoord.org.models import Department, Person

router = Router(tags=["calendar"])


class EventFilter(Schema):
    """Events overlapping a period (default: from today on)."""

    start: datetime | None = None
    end: datetime | None = None


@router.get("/events", response=list[EventOut], summary="List events")
@paginate(ListPagination)
def list_events(request, filters: Query[EventFilter]):
    """Company calendar events the caller may see."""
    for moment in (filters.start, filters.end):
        if moment is not None and not 1900 <= moment.year <= 2200:
            raise ValidationError({"start": [messages.OUT_OF_RANGE]})
    start = filters.start.date() if filters.start else timezone.localdate()
    return selectors.events(request.facts, start, filters.end.date() if filters.end else None)


@router.post("/events", response={201: EventOut}, summary="Add an event")
def create_event(request, payload: EventIn):
    """Put an event on the company calendar."""
    require(request.facts, Action.VIEW, org.company())
    data = payload.dict()
    data["departments"] = departments_or_404(request, data.pop("department_ids"))
    event = services.event_create(actor=actor_from(request, "api"), **data)
    return Status(201, event)


def _event(request, pk) -> Event:
    return get_visible_or_404(request.facts, Event, pk=pk)


@router.get("/events/{int:pk}", response=EventOut, summary="Read an event")
def read_event(request, response: HttpResponse, pk: PrimaryKey):
    """One event, with its version as ETag."""
    return with_etag(response, _event(request, pk))


@router.patch("/events/{int:pk}", response=EventOut, summary="Change an event")
def update_event(request, response: HttpResponse, payload: EventPatch, pk: PrimaryKey):
    """Change an event."""
    event = _event(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), event.version)
    if "department_ids" in data:
        data["departments"] = departments_or_404(request, data.pop("department_ids") or [])
    event = services.event_update(
        actor=actor_from(request, "api"), event_id=event.pk, expected_version=version, **data
    )
    return with_etag(response, event)


@router.delete("/events/{int:pk}", response={204: None}, summary="Remove an event")
def delete_event(request, pk: PrimaryKey):
    """Take an event off the calendar."""
    event = _event(request, pk)
    services.event_delete(
        actor=actor_from(request, "api"),
        event_id=event.pk,
        expected_version=expected_version(request, None, event.version),
    )
    return Status(204, None)


@router.post("/find-time", response=FindTimeOut, summary="Find a time")
def find_time(request, payload: FindTimeIn):
    """The earliest slots the required participants (or a quorum) can attend, ranked by the
    optional participants free; when none: who blocks most and the best slots without them."""
    require(request.facts, Action.VIEW, org.company())
    ids = [*payload.required_ids, *payload.optional_ids, *payload.must_attend_ids]
    people = people_or_422(request, ids)
    search = finder.Search(
        required=tuple(people[pk] for pk in dict.fromkeys(payload.required_ids)),
        optional=tuple(people[pk] for pk in dict.fromkeys(payload.optional_ids)),
        must_attend=tuple(people[pk] for pk in dict.fromkeys(payload.must_attend_ids)),
        duration_minutes=payload.duration_minutes,
        first_day=payload.first_day,
        last_day=payload.last_day,
        time_zone=payload.time_zone or request.person.timezone,
        quorum_percent=payload.quorum_percent,
    )
    return finder.find_time(search, now=timezone.now())


class CalendarQuery(Schema):
    """The period and whose calendar (default: the caller's)."""

    start: datetime | None = None
    end: datetime | None = None
    department_id: PrimaryKey | None = None
    person_id: PrimaryKey | None = None


@router.get("/calendar", response=list[CalendarEntryOut], summary="Read the calendar")
def read_calendar(request, query: Query[CalendarQuery]):
    """Meeting occurrences, events, step deadlines and time off (at most 62 days)."""
    facts = request.facts
    start = query.start or timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    if timezone.is_naive(start):
        start = timezone.make_aware(start)
    end = query.end
    if end is not None and timezone.is_naive(end):
        end = timezone.make_aware(end)
    start, end = entries.calendar_period(start, end)
    department_id = person_id = None
    if query.department_id:
        department_id = get_visible_or_404(facts, Department, pk=query.department_id).pk
    else:
        person_id = get_visible_or_404(facts, Person, pk=query.person_id or request.person.pk).pk
    found = entries.calendar_entries(facts, start, end, department_id, person_id)
    return [{**entry, "kind": entry["extendedProps"]["kind"]} for entry in found]


@router.post("/calendar-feed", response={201: FeedOut}, summary="Create a calendar feed address")
def create_feed(request):
    """A new private .ics address for the caller (any earlier one stops working)."""
    token, raw = services.feed_token_regenerate(actor=actor_from(request, "api"))
    url = request.build_absolute_uri(reverse("meetings:feed", kwargs={"token": raw}))
    return Status(201, {"id": token.pk, "url": url})


@router.delete(
    "/calendar-feed/{int:pk}", response={204: None}, summary="Revoke a calendar feed address"
)
def revoke_feed(request, pk: PrimaryKey):
    """Stop a feed address from working."""
    token = get_visible_or_404(request.facts, CalendarFeedToken, pk=pk)
    services.feed_token_revoke(actor=actor_from(request, "api"), token_id=token.pk)
    return Status(204, None)
