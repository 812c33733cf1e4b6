"""API endpoints for feedback, escalation levels and 1:1s. Reading a confidential record through
the API is recorded like reading its page."""

from django.http import HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Person
from deptcoord.people import selectors, services
from deptcoord.people.api.schemas import (
    AnnotationOut,
    FeedbackFilter,
    FeedbackIn,
    FeedbackOut,
    FeedbackPatch,
    FeedbackReadOut,
    FeedbackSummary,
    LevelIn,
    LevelOut,
    LevelPatch,
    OneOnOneActionItemIn,
    OneOnOneActionItemOut,
    OneOnOneIn,
    OneOnOneOut,
    OneOnOnePatch,
    PrivateNoteOut,
    TalkingPointOut,
    TextIn,
)
from deptcoord.people.models import Feedback, FeedbackLevel, OneOnOne

router = Router(tags=["feedback"])


def _level(request, pk):
    return get_visible_or_404(request.facts, FeedbackLevel, pk=pk) if pk else None


@router.get("/feedback-levels", response=list[LevelOut], summary="List escalation levels")
@paginate(ListPagination)
def list_levels(request):
    """The company's escalation levels in order."""
    return selectors.levels(request.facts, include_inactive=True)


@router.post("/feedback-levels", response={201: LevelOut}, summary="Add an escalation level")
def create_level(request, payload: LevelIn):
    """Add a step of the warning ladder (admins and HR)."""
    level = services.feedback_level_create(actor=actor_from(request, "api"), **payload.dict())
    return Status(201, level)


@router.patch("/feedback-levels/{int:pk}", response=LevelOut, summary="Change an escalation level")
def update_level(request, response: HttpResponse, payload: LevelPatch, pk: PrimaryKey):
    """Rename, reorder or retire a level."""
    level = get_visible_or_404(request.facts, FeedbackLevel, pk=pk)
    require(request.facts, Action.CHANGE, level)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), level.version)
    level = services.feedback_level_update(
        actor=actor_from(request, "api"), level_id=level.pk, expected_version=version, **data
    )
    return with_etag(response, level)


@router.get("/feedback", response=list[FeedbackSummary], summary="List feedback")
@paginate(ListPagination)
def list_feedback(request, filters: Query[FeedbackFilter]):
    """Feedback the caller may see; confidential texts are read one by one (and recorded)."""
    choice("kind", filters.kind, Feedback.Kind.values)
    choice("direction", filters.direction, ["received", "given"])
    return selectors.feedback_list(
        request.facts,
        kind=filters.kind,
        person_id=filters.person_id,
        direction=filters.direction,
    )


@router.post("/feedback", response={201: FeedbackOut}, summary="Give feedback")
def give_feedback(request, payload: FeedbackIn):
    """Give praise, advice or a warning; the subject is told."""
    data = payload.dict()
    subject = get_visible_or_404(request.facts, Person, pk=data.pop("subject_id"))
    level = _level(request, data.pop("level_id"))
    feedback = services.feedback_give(
        actor=actor_from(request, "api"), subject=subject, level=level, **data
    )
    return Status(201, feedback)


def _feedback(request, pk) -> Feedback:
    return get_visible_or_404(request.facts, selectors.feedback_detail_queryset(), pk=pk)


@router.get("/feedback/{int:pk}", response=FeedbackOut, summary="Read feedback")
def read_feedback(request, response: HttpResponse, pk: PrimaryKey):
    """One piece of feedback; reading a confidential one is recorded."""
    feedback = _feedback(request, pk)
    services.reads_record(actor=actor_from(request, "api"), feedback=[feedback], via="api")
    return with_etag(response, feedback)


@router.patch("/feedback/{int:pk}", response=FeedbackOut, summary="Correct feedback")
def update_feedback(request, response: HttpResponse, payload: FeedbackPatch, pk: PrimaryKey):
    """Correct feedback; an acknowledged warning is refused (annotate it instead)."""
    feedback = _feedback(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), feedback.version)
    if "level_id" in data:
        data["level"] = _level(request, data.pop("level_id"))
    feedback = services.feedback_update(
        actor=actor_from(request, "api"), feedback_id=feedback.pk, expected_version=version, **data
    )
    return with_etag(response, feedback)


@router.post("/feedback/{int:pk}/acknowledge", response=FeedbackOut, summary="Acknowledge")
def acknowledge(request, pk: PrimaryKey):
    """The subject acknowledges a warning (once)."""
    feedback = _feedback(request, pk)
    services.feedback_acknowledge(actor=actor_from(request, "api"), feedback_id=feedback.pk)
    return _feedback(request, pk)


@router.post("/feedback/{int:pk}/annotations", response={201: AnnotationOut}, summary="Annotate")
def annotate(request, payload: TextIn, pk: PrimaryKey):
    """Add an annotation to advice or a warning."""
    feedback = _feedback(request, pk)
    annotation = services.feedback_annotate(
        actor=actor_from(request, "api"), feedback_id=feedback.pk, body=payload.body
    )
    return Status(201, annotation)


@router.get("/feedback/{int:pk}/reads", response=list[FeedbackReadOut], summary="Who read it")
def feedback_reads(request, pk: PrimaryKey):
    """Who read the warning or advice and when (its subject and HR)."""
    feedback = _feedback(request, pk)
    require(request.facts, Action.VIEW_READS, feedback)
    return selectors.reads(request.facts, feedback)


@router.get("/one-on-ones", response=list[OneOnOneOut], summary="List 1:1s")
@paginate(ListPagination)
def list_one_on_ones(request, status: str = ""):
    """The caller's 1:1s."""
    choice("status", status, OneOnOne.Status.values)
    return selectors.one_on_ones(request.facts, status).prefetch_related(
        "talking_points", "action_items"
    )


@router.post("/one-on-ones", response={201: OneOnOneOut}, summary="Schedule a 1:1")
def create_one_on_one(request, payload: OneOnOneIn):
    """Schedule a 1:1 with a member of a department the caller runs."""
    member = get_visible_or_404(request.facts, Person, pk=payload.member_id)
    meeting = services.one_on_one_create(
        actor=actor_from(request, "api"), member=member, scheduled_at=payload.scheduled_at
    )
    return Status(201, meeting)


def _meeting(request, pk) -> OneOnOne:
    return get_visible_or_404(request.facts, selectors.one_on_one_detail_queryset(), pk=pk)


@router.get("/one-on-ones/{int:pk}", response=OneOnOneOut, summary="Read a 1:1")
def read_one_on_one(request, response: HttpResponse, pk: PrimaryKey):
    """A 1:1 with its talking points and action items."""
    return with_etag(response, _meeting(request, pk))


@router.patch("/one-on-ones/{int:pk}", response=OneOnOneOut, summary="Change a 1:1")
def update_one_on_one(request, response: HttpResponse, payload: OneOnOnePatch, pk: PrimaryKey):
    """Reschedule, or mark held or cancelled."""
    meeting = _meeting(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), meeting.version)
    services.one_on_one_update(
        actor=actor_from(request, "api"), one_on_one_id=meeting.pk, expected_version=version, **data
    )
    return with_etag(response, _meeting(request, pk))


@router.post(
    "/one-on-ones/{int:pk}/talking-points",
    response={201: TalkingPointOut},
    summary="Add a talking point",
)
def add_talking_point(request, payload: TextIn, pk: PrimaryKey):
    """Either side adds a talking point."""
    meeting = _meeting(request, pk)
    require(request.facts, Action.ANNOTATE, meeting)
    point = services.talking_point_add(
        actor=actor_from(request, "api"), one_on_one_id=meeting.pk, text=payload.body
    )
    return Status(201, point)


@router.get(
    "/one-on-ones/{int:pk}/private-notes", response=list[PrivateNoteOut], summary="My notes"
)
def list_notes(request, pk: PrimaryKey):
    """The caller's own private notes on the 1:1 (nobody else's); each read is recorded."""
    meeting = _meeting(request, pk)
    notes = selectors.my_notes(request.facts, meeting)
    services.reads_record(actor=actor_from(request, "api"), notes=notes, via="api")
    return notes


@router.post(
    "/one-on-ones/{int:pk}/private-notes",
    response={201: PrivateNoteOut},
    summary="Write a private note",
)
def add_note(request, payload: TextIn, pk: PrimaryKey):
    """A note only its author will see."""
    meeting = _meeting(request, pk)
    require(request.facts, Action.ANNOTATE, meeting)
    note = services.private_note_add(
        actor=actor_from(request, "api"), one_on_one_id=meeting.pk, body=payload.body
    )
    return Status(201, note)


@router.post(
    "/one-on-ones/{int:pk}/action-items",
    response={201: OneOnOneActionItemOut},
    summary="Add an action item",
)
def add_action_item(request, payload: OneOnOneActionItemIn, pk: PrimaryKey):
    """Agree on something to do, by the member or the coordinator."""
    meeting = _meeting(request, pk)
    require(request.facts, Action.ANNOTATE, meeting)
    owner = get_visible_or_404(request.facts, Person, pk=payload.owner_id)
    item = services.action_item_add(
        actor=actor_from(request, "api"),
        one_on_one_id=meeting.pk,
        text=payload.text,
        owner=owner,
        due=payload.due,
    )
    return Status(201, item)
