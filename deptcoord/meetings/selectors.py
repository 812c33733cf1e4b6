"""Every read of meetings, minutes, events and the calendar, already restricted by the policy."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import Goal
from deptcoord.meetings.access import sees_all_notes
from deptcoord.meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Event,
    Meeting,
    Participant,
)
from deptcoord.meetings.models.meetings import Response
from deptcoord.meetings.recurrence import next_keys
from deptcoord.meetings.series import (
    expand,
    occurrence_of,
    occurrences_between,
    scheduled,
    series_of,
)
from deptcoord.org.models import Membership, Person, TimeOff
from deptcoord.search.folding import words_match
from deptcoord.work.models import Project, Request, Step


def meeting_queryset() -> QuerySet:
    """Meetings with what their pages and the calendar read, in a fixed number of queries."""
    return Meeting.objects.select_related("organiser").prefetch_related(
        "changes",
        "departments",
        Prefetch("participants", queryset=Participant.objects.select_related("person")),
        "guests",
    )


def meetings(facts: RoleFacts, q: str = "", department_id=None, person_id=None) -> QuerySet:
    """Meetings the person may see, newest first, filtered like the meeting list. Every filter
    is a subquery, never a join, so no meeting comes twice and no DISTINCT is needed (one over
    whole rows made the database read every visible meeting before taking a page)."""
    result = visible(facts, meeting_queryset())
    if (match := words_match(q, "title_en", "title_vi")) is not None:
        result = result.filter(match)
    if department_id:
        taking_part = Meeting.departments.through.objects.filter(department_id=department_id)
        result = result.filter(pk__in=taking_part.values("meeting_id"))
    if person_id:
        result = result.filter(
            Q(organiser_id=person_id)
            | Q(pk__in=Participant.objects.filter(person_id=person_id).values("meeting_id"))
        )
    return result.order_by("-starts_at", "-pk")


def meeting_department_ids(meeting: Meeting) -> list[int]:
    """The departments taking part."""
    return [department.pk for department in meeting.departments.all()]


def series_chain(meeting: Meeting) -> list[int]:
    """The meeting and the series it continues (a series changed from a date on)."""
    ids, current, seen = [meeting.pk], meeting, {meeting.pk}
    while current.follows_id and current.follows_id not in seen:
        seen.add(current.follows_id)
        ids.append(current.follows_id)
        current = Meeting.objects.only("pk", "follows_id").get(pk=current.follows_id)
    return ids


def carried_over(facts: RoleFacts, meeting: Meeting, day: date) -> list[ActionItem]:
    """Open action items from the series' earlier occurrences (they carry over until done)."""
    items = ActionItem.objects.filter(
        meeting_id__in=series_chain(meeting), occurrence__lt=day, status=ActionItem.Status.OPEN
    )
    return list(
        visible(facts, items).select_related("assignee", "step").order_by("occurrence", "pk")
    )


@dataclass
class Minutes:
    """What was said and decided at one occurrence, as the reader may see it."""

    agenda: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    carried: list = field(default_factory=list)
    notes_hidden: bool = False


def minutes(facts: RoleFacts, meeting: Meeting, day: date) -> Minutes:
    """The occurrence's agenda with notes, decisions, action items and those carried over."""
    agenda = visible(facts, AgendaItem.objects.filter(meeting=meeting, occurrence=day))
    return Minutes(
        agenda=list(
            agenda.select_related(
                "presenter", "goal", "event", "project", "step", "request"
            ).order_by("position", "pk")
        ),
        decisions=list(
            visible(facts, Decision.objects.filter(meeting=meeting, occurrence=day))
            .select_related("department", "recorded_by")
            .order_by("pk")
        ),
        actions=list(
            visible(facts, ActionItem.objects.filter(meeting=meeting, occurrence=day))
            .select_related("assignee", "step")
            .order_by("pk")
        ),
        carried=carried_over(facts, meeting, day),
        notes_hidden=not sees_all_notes(facts, meeting),
    )


def occurrence_length(meeting: Meeting, day: date) -> int:
    """How many minutes the occurrence lasts (0 when it does not take place)."""
    found = occurrence_of(meeting, day)
    if found is None:
        return 0
    return max(int((found.end - found.start).total_seconds() // 60), 0)


@dataclass(frozen=True)
class AgendaTime:
    """The agenda's time against the meeting's length."""

    total: int
    length: int
    optional: int

    @property
    def over(self) -> bool:
        return self.length > 0 and self.total > self.length


def agenda_time(agenda: list, length: int) -> AgendaTime:
    """The minutes of the agenda's items (optional ones apart) against the length."""
    return AgendaTime(
        total=sum(item.minutes_allotted for item in agenda if not item.optional),
        length=length,
        optional=sum(1 for item in agenda if item.optional),
    )


def upcoming_keys(meeting: Meeting, after: datetime, limit: int = 8) -> list[date]:
    """The original dates of the next occurrences."""
    if meeting.status == Meeting.Status.CANCELLED:
        return []
    return next_keys(series_of(meeting), after, limit)


def past_keys(meeting: Meeting, before: datetime, limit: int = 8) -> list[date]:
    """The original dates of the latest past occurrences, newest first."""
    start = before - timedelta(days=400)
    found = occurrences_between(meeting, start, before, with_cancelled=True)
    return [occurrence.key for occurrence in reversed(found)][:limit]


def decisions(facts: RoleFacts, q: str = "", department_id=None) -> QuerySet:
    """Decisions the person may read, newest first, searchable by text and meeting title."""
    result = visible(facts, Decision.objects.all()).select_related("meeting", "department")
    if (match := words_match(q, "text", "meeting__title_en", "meeting__title_vi")) is not None:
        result = result.filter(match)
    if department_id:
        result = result.filter(department_id=department_id)
    return result.order_by("-occurrence", "-pk")


def events(facts: RoleFacts, start: date | None = None, end: date | None = None) -> QuerySet:
    """Company calendar events the person may see, overlapping the period when given."""
    result = visible(facts, Event.objects.all())
    if start:
        result = result.filter(end_date__gte=start)
    if end:
        result = result.filter(start_date__lte=end)
    return (
        result.select_related("owner").prefetch_related("departments").order_by("start_date", "pk")
    )


def action_items(facts: RoleFacts, assignee_id=None, status: str = "") -> QuerySet:
    """Action items the person may see (their own by default on the list)."""
    result = visible(facts, ActionItem.objects.all()).select_related("meeting", "assignee", "step")
    if assignee_id:
        result = result.filter(assignee_id=assignee_id)
    if status:
        result = result.filter(status=status)
    return result.order_by("due_date", "pk")


def people_in(department_id: int) -> QuerySet:
    """The people of a department (primary or member)."""
    members = Membership.objects.filter(department_id=department_id).values("person_id")
    return Person.objects.filter(Q(primary_department_id=department_id) | Q(pk__in=members))


def time_off_between(facts: RoleFacts, start: date, end: date, person_ids=None) -> QuerySet:
    """Time off overlapping the period that the person may see."""
    result = visible(facts, TimeOff.objects.filter(start_date__lte=end, end_date__gte=start))
    if person_ids is not None:
        result = result.filter(person_id__in=person_ids)
    return result.select_related("person").order_by("start_date")


def suggested_participants(facts: RoleFacts, meeting: Meeting, day: date) -> list[Person]:
    """Owners of what is on the agenda and the leaders of the departments involved, not yet
    invited."""
    items = minutes(facts, meeting, day).agenda
    people: dict[int, Person] = {}
    departments = set(meeting_department_ids(meeting))
    for item in items:
        for owner in (
            getattr(item.goal, "owner", None),
            getattr(item.step, "assignee", None),
            getattr(item.event, "owner", None),
        ):
            if owner is not None:
                people.setdefault(owner.pk, owner)
        for link in (item.goal, item.step):
            if link is not None and link.department_id:
                departments.add(link.department_id)
        if item.request is not None:
            departments |= {item.request.from_department_id, item.request.to_department_id}
    leaders = Membership.objects.filter(
        department_id__in=departments, role__in=["head", "coordinator"]
    ).select_related("person")
    for membership in leaders:
        people.setdefault(membership.person_id, membership.person)
    invited = {p.person_id for p in meeting.participants.all()} | {meeting.organiser_id}
    seen = set(
        visible(facts, Person.objects.filter(pk__in=list(people))).values_list("pk", flat=True)
    )
    return sorted(
        (p for pk, p in people.items() if pk not in invited and pk in seen and p.is_active),
        key=lambda person: person.full_name,
    )


# How meeting hours are read, by the number of people (measured at 2,000 people and 20,000
# meetings): a few through their invitations, a department through the period's meetings, and
# beyond MANY_PEOPLE every row of the period, kept for the scope in Python.
MANY_PEOPLE = 200
FEW_PEOPLE = 20


def busy_hours(people, first_day: date, last_day: date) -> dict[tuple[int, date], float]:
    """Hours each person spends in meetings per local day, ``{(person_id, day): hours}``.

    Series are expanded, cancelled meetings and occurrences left out, moved occurrences counted
    at their new time; the organiser and every participant who has not declined are busy. An
    occurrence is cut at the person's local midnight. Three queries of plain values whatever
    the data size.
    """
    people = list(people)
    ids = {person.pk for person in people}
    if not ids or last_day < first_day:
        return {}
    zones = {person.pk: ZoneInfo(person.timezone or "UTC") for person in people}
    start = datetime.combine(first_day - timedelta(days=1), time(0), UTC)
    end = datetime.combine(last_day + timedelta(days=2), time(0), UTC)
    meetings = Meeting.objects.filter(status=Meeting.Status.SCHEDULED, starts_at__lt=end).filter(
        ~Q(rrule="") | Q(ends_at__gt=start)
    )
    attending = Participant.objects.exclude(response=Response.DECLINED)
    if len(ids) <= MANY_PEOPLE:
        attending = attending.filter(person_id__in=ids)
        if len(ids) <= FEW_PEOPLE:  # their invitations through the participants' index
            invited = Participant.objects.filter(person_id__in=ids).values("meeting_id")
            meetings = meetings.filter(Q(pk__in=invited) | Q(organiser_id__in=ids))
        else:  # the period's meetings, joined to their participants
            meetings = meetings.filter(
                Q(participants__person_id__in=ids) | Q(organiser_id__in=ids)
            ).distinct()
    found = scheduled(meetings.order_by(), "organiser_id", series_only=True)
    present: dict[int, set[int]] = {}
    ordered = attending.filter(meeting_id__in=[meeting.pk for meeting in found]).order_by()
    for meeting_id, person_id in ordered.values_list("meeting_id", "person_id"):
        present.setdefault(meeting_id, set()).add(person_id)
    attendees = {
        meeting.pk: (present.get(meeting.pk, set()) | {meeting.values[0]}) & ids
        for meeting in found
    }
    busy: dict[tuple[int, date], float] = {}
    for meeting, occurrence in expand([m for m in found if attendees[m.pk]], start, end):
        pieces = {}  # per time zone: the occurrence cut at local midnights
        for person_id in attendees[meeting.pk]:
            tz = zones[person_id]
            if tz not in pieces:
                pieces[tz] = _by_local_day(occurrence, tz, first_day, last_day)
            for day, hours in pieces[tz]:
                busy[(person_id, day)] = busy.get((person_id, day), 0.0) + hours
    return busy


def _by_local_day(occurrence, tz, first_day: date, last_day: date) -> list[tuple[date, float]]:
    """(local day, hours) of an occurrence cut at the zone's midnights, inside the period."""
    found = []
    moment, finish = occurrence.start.astimezone(tz), occurrence.end.astimezone(tz)
    while moment < finish:
        midnight = datetime.combine(moment.date() + timedelta(days=1), time(0), tz)
        piece_end = min(finish, midnight)
        if first_day <= moment.date() <= last_day:
            found.append((moment.date(), (piece_end - moment).total_seconds() / 3600))
        moment = piece_end
    return found


LINK_CHOICES_EACH = 40
OPEN_PROJECTS = ("planned", "active", "on_hold")


def _link_rows(facts: RoleFacts, meeting: Meeting, day: date) -> dict[str, QuerySet]:
    """What an agenda item may link to: the viewer's visible goals, projects, open steps,
    pending requests and coming events of the departments taking part (all of them when the
    meeting names none)."""
    departments = meeting_department_ids(meeting) or None

    def of(queryset, *fields):
        if departments is None:
            return queryset
        where = Q(pk__in=[])
        for name in fields:
            where |= Q(**{f"{name}__in": departments})
        return queryset.filter(where)

    return {
        "goal": of(Goal.objects.filter(status=Goal.Status.ACTIVE), "department").order_by(
            "period_end", "pk"
        ),
        "project": of(Project.objects.filter(status__in=OPEN_PROJECTS), "departments")
        .distinct()
        .order_by("code"),
        "step": of(Step.objects.exclude(status=Step.Status.DONE), "department")
        .select_related("project")
        .order_by("due", "pk"),
        "request": of(
            Request.objects.filter(state=Request.State.PENDING), "from_department", "to_department"
        ).order_by("due", "pk"),
        "event": of(Event.objects.filter(start_date__gte=day), "departments")
        .distinct()
        .order_by("start_date", "pk"),
    }


def agenda_link_choices(facts: RoleFacts, meeting: Meeting, day: date) -> list:
    """Grouped choices ``("goal:12", name)`` for the agenda form (five queries)."""
    labels = {
        "goal": Goal._meta.verbose_name_plural,
        "project": Project._meta.verbose_name_plural,
        "step": Step._meta.verbose_name_plural,
        "request": Request._meta.verbose_name_plural,
        "event": Event._meta.verbose_name_plural,
    }
    choices = []
    for kind, rows in _link_rows(facts, meeting, day).items():
        found = [(f"{kind}:{row.pk}", str(row)) for row in visible(facts, rows)[:LINK_CHOICES_EACH]]
        if found:
            choices.append((str(labels[kind]).capitalize(), found))
    return choices


def meeting_load_change(record, changes: dict) -> list[int]:
    """The people whose week loads a change of a meeting (or of one of its occurrences or
    participants) moves: its organiser and participants, and anyone the change names."""
    meeting_id = record.pk if isinstance(record, Meeting) else getattr(record, "meeting_id", None)
    people = [getattr(record, "person_id", None)]
    if meeting_id:
        people += list(
            Participant.objects.filter(meeting_id=meeting_id).values_list("person_id", flat=True)
        )
        people += list(Meeting.objects.filter(pk=meeting_id).values_list("organiser_id", flat=True))
    for name in ("participants", "participant_list"):
        for value in changes.get(name) or ():
            for item in value if isinstance(value, list) else [value]:
                people.append(item.get("id") if isinstance(item, dict) else item)
    return [pk for pk in people if isinstance(pk, int)]
