"""API endpoints for meetings, occurrences, agendas, minutes and action items."""

from datetime import date, datetime, time, timedelta

from django.http import Http404, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.core.versioning import NO_VERSION_SENT
from deptcoord.goals.models import Goal
from deptcoord.meetings import selectors, services
from deptcoord.meetings.api.common import (
    departments_or_404,
    optional_or_404,
    people_or_422,
)
from deptcoord.meetings.api.schemas import (
    ActionItemIn,
    ActionItemOut,
    ActionItemPatch,
    ActionItemStatus,
    AgendaItemIn,
    AgendaItemMove,
    AgendaItemOut,
    AgendaItemPatch,
    ChangeFromIn,
    Day,
    DecisionIn,
    DecisionOut,
    MeetingIn,
    MeetingOut,
    MeetingPatch,
    MinutesOut,
    OccurrenceMoveIn,
    OccurrenceOut,
    OccurrenceRef,
)
from deptcoord.meetings.models import ActionItem, AgendaItem, Event, Meeting
from deptcoord.meetings.series import occurrences_between
from deptcoord.org import selectors as org
from deptcoord.work.models import Project, Request, Step

router = Router(tags=["meetings"])


def _meeting(request, pk) -> Meeting:
    return get_visible_or_404(request.facts, selectors.meeting_queryset(), pk=pk)


def _people_fields(request, data: dict) -> dict:
    if data.get("participants") is not None:
        rows = data.pop("participants")
        people = people_or_422(request, [row["person_id"] for row in rows])
        data["participants"] = [(people[row["person_id"]], row["required"]) for row in rows]
    else:
        data.pop("participants", None)
    if data.get("guests") is None:
        data.pop("guests", None)
    if "department_ids" in data:
        ids = data.pop("department_ids")
        if ids is not None:
            data["departments"] = departments_or_404(request, ids)
    return data


class MeetingFilter(Schema):
    """Filters of the meeting list."""

    q: str = ""
    department_id: PrimaryKey | None = None
    person_id: PrimaryKey | None = None


@router.get("/meetings", response=list[MeetingOut], summary="List meetings")
@paginate(ListPagination)
def list_meetings(request, filters: Query[MeetingFilter]):
    """Meetings the caller may see, newest first."""
    return selectors.meetings(
        request.facts,
        q=filters.q[:100],
        department_id=filters.department_id,
        person_id=filters.person_id,
    )


@router.post("/meetings", response={201: MeetingOut}, summary="Schedule a meeting")
def create_meeting(request, payload: MeetingIn):
    """Schedule a meeting or a series organised by the caller; invitations go out by e-mail."""
    require(request.facts, Action.VIEW, org.company())
    data = _people_fields(request, payload.dict())
    meeting = services.meeting_create(actor=actor_from(request, "api"), **data)
    return Status(201, _meeting(request, meeting.pk))


@router.get("/meetings/{int:pk}", response=MeetingOut, summary="Read a meeting")
def read_meeting(request, response: HttpResponse, pk: PrimaryKey):
    """One meeting or series, with its version as ETag."""
    return with_etag(response, _meeting(request, pk))


@router.patch("/meetings/{int:pk}", response=MeetingOut, summary="Change a meeting")
def update_meeting(request, response: HttpResponse, payload: MeetingPatch, pk: PrimaryKey):
    """Change a meeting or a whole series; invitees get the update (SEQUENCE raised)."""
    meeting = _meeting(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), meeting.version)
    services.meeting_update(
        actor=actor_from(request, "api"),
        meeting_id=meeting.pk,
        expected_version=version,
        **_people_fields(request, data),
    )
    return with_etag(response, _meeting(request, pk))


@router.post("/meetings/{int:pk}/cancel", response=MeetingOut, summary="Cancel a meeting")
def cancel_meeting(request, pk: PrimaryKey):
    """Cancel a meeting or a whole series; invitees get METHOD:CANCEL."""
    meeting = _meeting(request, pk)
    version = expected_version(request, None, meeting.version)
    services.meeting_cancel(
        actor=actor_from(request, "api"), meeting_id=meeting.pk, expected_version=version
    )
    return _meeting(request, pk)


class Period(Schema):
    """A period (defaults: from today for 60 days)."""

    start: Day | None = None
    end: Day | None = None


@router.get(
    "/meetings/{int:pk}/occurrences", response=list[OccurrenceOut], summary="List occurrences"
)
def list_occurrences(request, period: Query[Period], pk: PrimaryKey):
    """The occurrences in a period (at most a year), moved and cancelled ones included."""
    meeting = _meeting(request, pk)
    first = period.start or timezone.localdate()
    last = min(period.end or first + timedelta(days=60), first + timedelta(days=366))
    start = timezone.make_aware(datetime.combine(first, time(0)))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time(0)))
    return occurrences_between(meeting, start, end, with_cancelled=True)


def _day(meeting: Meeting, day: date | None) -> date:
    if day is not None:
        return day
    keys = selectors.upcoming_keys(meeting, timezone.now(), 1) or selectors.past_keys(
        meeting, timezone.now(), 1
    )
    if not keys:
        raise Http404
    return keys[0]


class OccurrenceQuery(Schema):
    """Which occurrence (default: the next one)."""

    occurrence: Day | None = None


@router.get("/meetings/{int:pk}/minutes", response=MinutesOut, summary="Read the minutes")
def read_minutes(request, query: Query[OccurrenceQuery], pk: PrimaryKey):
    """An occurrence's agenda and notes, decisions, action items and those carried over."""
    meeting = _meeting(request, pk)
    day = _day(meeting, query.occurrence)
    found = selectors.minutes(request.facts, meeting, day)
    return {
        "occurrence": day,
        "agenda": found.agenda,
        "decisions": found.decisions,
        "actions": found.actions,
        "carried": found.carried,
    }


@router.post("/meetings/{int:pk}/move", response=MeetingOut, summary="Move one occurrence")
def move_occurrence(request, payload: OccurrenceMoveIn, pk: PrimaryKey):
    """Move one occurrence of a series; the others stay."""
    meeting = _meeting(request, pk)
    data = payload.dict()
    services.occurrence_move(
        actor=actor_from(request, "api"),
        meeting_id=meeting.pk,
        expected_version=expected_version(request, data.pop("version"), meeting.version),
        **data,
    )
    return _meeting(request, pk)


@router.post(
    "/meetings/{int:pk}/cancel-occurrence", response=MeetingOut, summary="Cancel one occurrence"
)
def cancel_occurrence(request, payload: OccurrenceRef, pk: PrimaryKey):
    """Cancel one occurrence of a series; invitees get METHOD:CANCEL with its RECURRENCE-ID."""
    meeting = _meeting(request, pk)
    services.occurrence_cancel(
        actor=actor_from(request, "api"), meeting_id=meeting.pk, occurrence=payload.occurrence
    )
    return _meeting(request, pk)


@router.post(
    "/meetings/{int:pk}/change-from",
    response={201: MeetingOut},
    summary="Change a series from a date on",
)
def change_from(request, payload: ChangeFromIn, pk: PrimaryKey):
    """End the series before the occurrence and continue it from there with the changes."""
    meeting = _meeting(request, pk)
    data = payload.dict(exclude_unset=True)
    day = data.pop("occurrence")
    continued = services.series_change_from(
        actor=actor_from(request, "api"), meeting_id=meeting.pk, occurrence=day, **data
    )
    return Status(201, _meeting(request, continued.pk))


LINKS = {
    "goal_id": ("goal", Goal),
    "event_id": ("event", Event),
    "project_id": ("project", Project),
    "step_id": ("step", Step),
    "request_id": ("request", Request),
}


def _links(request, data: dict) -> dict:
    for key, (name, model) in LINKS.items():
        if key in data:
            data[name] = _linked(request, model, data.pop(key))
    if "presenter_id" in data:
        pk = data.pop("presenter_id")
        data["presenter"] = people_or_422(request, [pk], "presenter")[pk] if pk else None
    return data


def _linked(request, model, pk):
    if pk is None:
        return None
    return optional_or_404(request, model, pk)


@router.post(
    "/meetings/{int:pk}/agenda-items", response={201: AgendaItemOut}, summary="Add an agenda item"
)
def create_agenda_item(request, payload: AgendaItemIn, pk: PrimaryKey):
    """Add an item to an occurrence's agenda."""
    meeting = _meeting(request, pk)
    item = services.agenda_item_create(
        actor=actor_from(request, "api"), meeting=meeting, **_links(request, payload.dict())
    )
    return Status(201, item)


@router.post(
    "/meetings/{int:pk}/suggest-agenda",
    response={201: list[AgendaItemOut]},
    summary="Suggest an agenda",
)
def suggest_agenda(request, payload: OccurrenceRef, pk: PrimaryKey):
    """Add what needs the participants' attention: goals at risk, slipped steps, pending
    requests, upcoming events, open action items. Items are added, ten minutes each, while the
    agenda fits in the occurrence's length; the rest come back with ``optional: true`` (listed
    apart, not counted in the agenda's time, and taken in with a PATCH of ``optional``)."""
    meeting = _meeting(request, pk)
    added = services.agenda_suggest(
        actor=actor_from(request, "api"), meeting=meeting, occurrence=payload.occurrence
    )
    return Status(201, added)


def _agenda_item(request, pk) -> AgendaItem:
    return get_visible_or_404(request.facts, AgendaItem.objects.select_related("meeting"), pk=pk)


@router.patch("/agenda-items/{int:pk}", response=AgendaItemOut, summary="Change an agenda item")
def update_agenda_item(request, response: HttpResponse, payload: AgendaItemPatch, pk: PrimaryKey):
    """Change an item, or the notes taken on it."""
    item = _agenda_item(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), item.version)
    item = services.agenda_item_update(
        actor=actor_from(request, "api"),
        item_id=item.pk,
        expected_version=version,
        **_links(request, data),
    )
    return with_etag(response, item)


@router.post(
    "/agenda-items/{int:pk}/move",
    response=AgendaItemOut,
    summary="Move an agenda item",
    openapi_extra={
        "responses": {
            428: {
                "description": "The move names no version: send If-Match or `version`.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        }
    },
)
def move_agenda_item(request, response: HttpResponse, payload: AgendaItemMove, pk: PrimaryKey):
    """Move an item to another place on its agenda (from 1); the others follow. Say which
    version was edited, in the body's ``version`` or If-Match (412 when stale, 428 when
    neither is sent); a place beyond the agenda's end is refused (422)."""
    item = _agenda_item(request, pk)
    data = payload.dict()
    version = expected_version(request, data.pop("version", None), item.version)
    if version is None and not request.headers.get("If-Match", "").strip():
        version = NO_VERSION_SENT
    item = services.agenda_item_move(
        actor=actor_from(request, "api"),
        item_id=item.pk,
        expected_version=version,
        position=data["position"],
    )
    return with_etag(response, item)


@router.delete("/agenda-items/{int:pk}", response={204: None}, summary="Remove an agenda item")
def delete_agenda_item(request, pk: PrimaryKey):
    """Take an item off the agenda."""
    item = _agenda_item(request, pk)
    services.agenda_item_delete(
        actor=actor_from(request, "api"),
        item_id=item.pk,
        expected_version=expected_version(request, None, item.version),
    )
    return Status(204, None)


@router.post(
    "/meetings/{int:pk}/decisions", response={201: DecisionOut}, summary="Record a decision"
)
def create_decision(request, payload: DecisionIn, pk: PrimaryKey):
    """Record a decision taken at an occurrence."""
    meeting = _meeting(request, pk)
    decision = services.decision_create(
        actor=actor_from(request, "api"), meeting=meeting, **payload.dict()
    )
    return Status(201, decision)


@router.get("/decisions", response=list[DecisionOut], summary="Search decisions")
@paginate(ListPagination)
def list_decisions(request, q: str = ""):
    """Decisions the caller may read, newest first."""
    return selectors.decisions(request.facts, q=q[:100])


@router.post(
    "/meetings/{int:pk}/action-items",
    response={201: ActionItemOut},
    summary="Record an action item",
)
def create_action_item(request, payload: ActionItemIn, pk: PrimaryKey):
    """Record an action item; it becomes a step of the assignee's department."""
    meeting = _meeting(request, pk)
    # Asked here, not only in the service: the assignee is resolved first (422 when unknown),
    # and someone who may not take minutes is told so, not about the assignee.
    require(request.facts, Action.TAKE_MINUTES, meeting)
    data = payload.dict()
    assignee_id = data.pop("assignee_id")
    data["assignee"] = people_or_422(request, [assignee_id], "assignee")[assignee_id]
    item = services.action_item_create(actor=actor_from(request, "api"), meeting=meeting, **data)
    return Status(201, item)


class ActionFilter(Schema):
    """Filters of the action item list (default: the caller's)."""

    assignee_id: PrimaryKey | None = None
    status: ActionItemStatus | None = None


@router.get("/action-items", response=list[ActionItemOut], summary="List action items")
@paginate(ListPagination)
def list_action_items(request, filters: Query[ActionFilter]):
    """Action items the caller may see."""
    return selectors.action_items(
        request.facts, assignee_id=filters.assignee_id, status=filters.status or ""
    )


@router.patch("/action-items/{int:pk}", response=ActionItemOut, summary="Change an action item")
def update_action_item(request, response: HttpResponse, payload: ActionItemPatch, pk: PrimaryKey):
    """Change an action item, or mark it done (its step follows)."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.CHANGE, item)  # before the assignee is resolved (422)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), item.version)
    if "assignee_id" in data:
        pk_ = data.pop("assignee_id")
        data["assignee"] = people_or_422(request, [pk_], "assignee")[pk_]
    item = services.action_item_update(
        actor=actor_from(request, "api"), item_id=item.pk, expected_version=version, **data
    )
    return with_etag(response, item)


@router.delete("/action-items/{int:pk}", response={204: None}, summary="Take back an action item")
def delete_action_item(request, pk: PrimaryKey):
    """Take back an action item recorded by mistake; its step goes too while nobody has
    touched it since the meeting created it."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    services.action_item_delete(
        actor=actor_from(request, "api"),
        item_id=item.pk,
        expected_version=expected_version(request, None, item.version),
    )
    return Status(204, None)
