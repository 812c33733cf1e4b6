"""Suggest agenda: fill an occurrence's agenda from what needs its participants' attention,
as much as fits in the meeting's length; the rest is added as optional topics."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q

from deptcoord.access import Action, visible
from deptcoord.core.actor import Actor, authorize
from deptcoord.goals.models import Goal
from deptcoord.meetings.models import AgendaItem, Event, Meeting
from deptcoord.meetings.selectors import carried_over, meeting_department_ids, occurrence_length
from deptcoord.meetings.services.minutes import (
    agenda_item_create,
    agenda_titles,
    check_occurrence,
    title_key,
)
from deptcoord.work.models import Request, Step

EVENT_HORIZON = timedelta(days=45)
MAX_EACH = 5
SUGGESTED_MINUTES = 10


def _candidates(actor: Actor, meeting: Meeting, day: date) -> list[dict]:
    facts = actor.facts
    departments = meeting_department_ids(meeting)
    found: list[dict] = []
    goals = visible(facts, Goal.objects.filter(at_risk=True, status=Goal.Status.ACTIVE))
    for goal in goals.filter(department__in=departments).select_related("owner")[:MAX_EACH]:
        found.append({"title": goal.title, "goal": goal, "presenter": goal.owner})
    slipped = Q(slip_days__gt=0) | Q(flagged=True)
    steps = visible(
        facts,
        Step.objects.filter(slipped, department__in=departments)
        .exclude(status=Step.Status.DONE)
        .select_related("assignee", "project"),
    )
    for step in steps.order_by("-slip_days", "due")[:MAX_EACH]:
        found.append({"title": step.title, "step": step, "presenter": step.assignee})
    requests = visible(
        facts,
        Request.objects.filter(state=Request.State.PENDING).filter(
            Q(from_department__in=departments) | Q(to_department__in=departments)
        ),
    )
    for request in requests.order_by("due")[:MAX_EACH]:
        found.append({"title": request.title, "request": request})
    return found + _events(facts, departments, day) + _actions(facts, meeting, day)


def _events(facts, departments, day) -> list[dict]:
    events = visible(
        facts, Event.objects.filter(start_date__gte=day, start_date__lte=day + EVENT_HORIZON)
    )
    involved = events.filter(Q(departments__in=departments) | Q(departments=None)).distinct()
    return [
        {"title": event.title, "event": event}
        for event in involved.order_by("start_date")[:MAX_EACH]
    ]


def _actions(facts, meeting, day) -> list[dict]:
    return [
        {"title": item.title, "action_item": item, "presenter": item.assignee}
        for item in carried_over(facts, meeting, day)
    ]


LINKS = ("goal", "step", "request", "event", "action_item")


@transaction.atomic
def agenda_suggest(*, actor: Actor, meeting: Meeting, occurrence: date) -> list[AgendaItem]:
    """Add to the agenda what needs attention and is not on it yet, in the order of the
    candidates, as long as the agenda fits in the meeting's length; what does not fit is
    added as optional (not counted in the agenda's time). Return the new items."""
    authorize(actor, Action.TAKE_MINUTES, meeting)
    check_occurrence(meeting, occurrence)
    present = list(AgendaItem.objects.filter(meeting=meeting, occurrence=occurrence))
    taken = {(link, getattr(item, f"{link}_id")) for item in present for link in LINKS}
    titles = set(agenda_titles(meeting, occurrence))
    length = occurrence_length(meeting, occurrence)
    used = sum(item.minutes_allotted for item in present if not item.optional)
    added = []
    for candidate in _candidates(actor, meeting, occurrence):
        link = next(name for name in LINKS if name in candidate)
        key = (link, candidate[link].pk)
        title = candidate["title"][:200]
        if key in taken or title_key(title) in titles or not title.strip():
            continue
        taken.add(key)
        titles.add(title_key(title))
        fits = used + SUGGESTED_MINUTES <= length
        if fits:
            used += SUGGESTED_MINUTES
        presenter = candidate.get("presenter")
        added.append(
            agenda_item_create(
                actor=actor,
                meeting=meeting,
                occurrence=occurrence,
                title=title,
                presenter=presenter if presenter and _invited(meeting, presenter) else None,
                minutes_allotted=SUGGESTED_MINUTES,
                optional=not fits,
                **{link: candidate[link]},
            )
        )
    return added


def _invited(meeting: Meeting, person) -> bool:
    return meeting.participants.filter(person=person).exists()
