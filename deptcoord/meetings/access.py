"""Who may see and do what with meetings, their minutes, company events and calendar feeds.

A meeting is seen by its participants (INVITED; the organiser is OWN), the heads and
coordinators of the departments taking part (OWN_DEPARTMENT), executives and admins. People
from outside those departments who are invited (guests included) see only that meeting. A 1:1
is private to its two people; HR sees it and only the notes marked for HR. The company
calendar's events are read by everyone in the company and kept by their owner, the runners of
the departments involved, executives and admins. A calendar feed token is its owner's alone.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, register
from deptcoord.meetings.models import (
    ActionItem,
    AgendaItem,
    CalendarFeedToken,
    Decision,
    Event,
    Guest,
    Meeting,
    OccurrenceChange,
    Participant,
)
from deptcoord.org.access import company_wide, department_standings

A = Action
READ = frozenset({A.VIEW, A.VIEW_HISTORY})
MINUTES = READ | {A.TAKE_MINUTES}
RUN = MINUTES | {A.CHANGE, A.DELETE}
RUNNERS = (Role.HEAD, Role.COORDINATOR)
ALL_ROLES = tuple(Role)

MEETING_TABLE: dict = {}
company_wide(MEETING_TABLE, Role.ADMIN, RUN)
company_wide(MEETING_TABLE, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    MEETING_TABLE[(_role, Relation.OWN_DEPARTMENT)] = MINUTES
for _role in ALL_ROLES:
    MEETING_TABLE[(_role, Relation.OWN)] = RUN
for _role in (*RUNNERS, Role.MEMBER, Role.EXECUTIVE, Role.HR):
    MEETING_TABLE[(_role, Relation.INVITED)] = MINUTES
MEETING_TABLE[(Role.GUEST, Relation.INVITED)] = frozenset({A.VIEW})

ONE_ON_ONE_TABLE: dict = {(role, Relation.OWN): RUN for role in ALL_ROLES}
ONE_ON_ONE_TABLE.update({(role, Relation.INVITED): MINUTES for role in ALL_ROLES})
ONE_ON_ONE_TABLE[(Role.HR, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})


def _best(facts: RoleFacts) -> Role:
    best = facts.best_department_role()
    if best:
        return best
    roles = facts.company_roles()
    for role in (Role.ADMIN, Role.EXECUTIVE, Role.HR):
        if role in roles:
            return role
    return Role.GUEST


def _participant_ids(meeting: Meeting) -> set[int]:
    cache = getattr(meeting, "_prefetched_objects_cache", {})
    if "participants" in cache:
        return {participant.person_id for participant in cache["participants"]}
    if meeting.pk is None:
        return set()
    return set(Participant.objects.filter(meeting=meeting).values_list("person_id", flat=True))


def _department_ids(meeting: Meeting) -> list[int]:
    cache = getattr(meeting, "_prefetched_objects_cache", {})
    if "departments" in cache:
        return [department.pk for department in cache["departments"]]
    if meeting.pk is None:
        return []
    return list(meeting.departments.values_list("pk", flat=True))


def meeting_standings(facts: RoleFacts, meeting: Meeting) -> set[tuple[Role, Relation]]:
    """The person's (role, relation) pairs toward a meeting."""
    standings: set[tuple[Role, Relation]] = set()
    if meeting.organiser_id == facts.person_id:
        standings.add((_best(facts), Relation.OWN))
    if facts.person_id in _participant_ids(meeting):
        standings.add((_best(facts), Relation.INVITED))
    if meeting.kind == Meeting.Kind.ONE_ON_ONE:
        if facts.is_hr:
            standings.add((Role.HR, Relation.OTHER_DEPARTMENT))
        return standings
    if facts.is_guest():
        return standings
    inside = department_standings(facts, _department_ids(meeting))
    # Members of a department taking part see the meeting only when invited.
    return standings | {pair for pair in inside if pair[0] != Role.MEMBER}


def meeting_filter(facts: RoleFacts) -> Q:
    """The meetings the person may see, as a filter."""
    if not facts.is_authenticated:
        return Q(pk__in=[])
    # Through the participant's index (an EXISTS per meeting would read every meeting).
    invited = Participant.objects.filter(person_id=facts.person_id).values("meeting_id")
    regular = Q(kind=Meeting.Kind.REGULAR)
    visible = Q(organiser_id=facts.person_id) | Q(pk__in=invited)
    if facts.is_admin or facts.is_executive:
        visible |= regular
    elif facts.departments_run():
        taking_part = Meeting.departments.through.objects.filter(
            department_id__in=sorted(facts.departments_run())
        ).values("meeting_id")
        visible |= regular & Q(pk__in=taking_part)
    if facts.is_hr:
        visible |= Q(kind=Meeting.Kind.ONE_ON_ONE)
    return visible


def _prefixed(facts: RoleFacts, prefix: str) -> Q:
    """``meeting_filter`` reached through ``prefix`` (e.g. ``meeting__``)."""
    return Q(**{f"{prefix}in": visible_meeting_ids(facts)})


def visible_meeting_ids(facts: RoleFacts):
    """A subquery of the ids of the meetings the person may see."""
    return Meeting.objects.filter(meeting_filter(facts)).values("pk")


class MeetingRule(Rule):
    """Meetings: see the module's docstring."""

    model = Meeting
    table = MEETING_TABLE

    def standings(self, facts, obj):
        return meeting_standings(facts, obj)

    def actions(self, facts, obj):
        if not facts.is_authenticated:
            return frozenset()
        table = ONE_ON_ONE_TABLE if obj.kind == Meeting.Kind.ONE_ON_ONE else MEETING_TABLE
        granted = set()
        for standing in self.standings(facts, obj):
            granted |= table.get(standing, frozenset())
        if obj.status == Meeting.Status.CANCELLED:
            granted -= {A.CHANGE, A.TAKE_MINUTES}
        return frozenset(granted)

    def visible_filter(self, facts):
        return meeting_filter(facts)


MEETING_RULE = MeetingRule()


def sees_all_notes(facts: RoleFacts, meeting: Meeting) -> bool:
    """Whether the person reads every note of the meeting (on a 1:1, HR reads only shared ones)."""
    if meeting.kind != Meeting.Kind.ONE_ON_ONE:
        return True
    return facts.person_id == meeting.organiser_id or facts.person_id in _participant_ids(meeting)


class _MeetingPartRule(Rule):
    """A part of a meeting is read with the meeting and written by those who take minutes."""

    writes = frozenset({A.CHANGE, A.DELETE})

    def actions(self, facts, obj):
        meeting_actions = MEETING_RULE.actions(facts, obj.meeting)
        granted = meeting_actions & READ
        if A.TAKE_MINUTES in meeting_actions:
            granted |= self.writes
        return frozenset(granted)

    def visible_filter(self, facts):
        return _prefixed(facts, "meeting__")


class AgendaItemRule(_MeetingPartRule):
    """Agenda items and their notes; on a 1:1, HR sees only those shared with HR."""

    model = AgendaItem

    def actions(self, facts, obj):
        if not sees_all_notes(facts, obj.meeting) and not obj.shared_with_hr:
            return frozenset()
        return super().actions(facts, obj)

    def visible_filter(self, facts):
        base = _prefixed(facts, "meeting__")
        private = Q(meeting__kind=Meeting.Kind.ONE_ON_ONE, shared_with_hr=False) & ~(
            Q(meeting__organiser_id=facts.person_id)
            | Q(meeting__participants__person_id=facts.person_id)
        )
        hidden = AgendaItem.objects.filter(private).values("pk")
        return base & ~Q(pk__in=hidden)


class DecisionRule(_MeetingPartRule):
    """Decisions are read with their meeting, and with the department that keeps them."""

    model = Decision
    writes = frozenset({A.DELETE})

    def actions(self, facts, obj):
        granted = set(super().actions(facts, obj))
        keeper = obj.department_id and facts.role_in(obj.department_id)
        if keeper and obj.meeting.kind == Meeting.Kind.REGULAR:
            granted.add(A.VIEW)
        return frozenset(granted)

    def visible_filter(self, facts):
        own = Q(department__in=sorted(facts.departments_in()), meeting__kind=Meeting.Kind.REGULAR)
        return _prefixed(facts, "meeting__") | (own if facts.departments_in() else Q(pk__in=[]))


class ActionItemRule(_MeetingPartRule):
    """Action items: read with the meeting; their assignee also sees and completes them."""

    model = ActionItem

    def actions(self, facts, obj):
        granted = set(super().actions(facts, obj))
        if obj.assignee_id == facts.person_id:
            granted |= {A.VIEW, A.CHANGE}
        return frozenset(granted)

    def visible_filter(self, facts):
        return _prefixed(facts, "meeting__") | Q(assignee_id=facts.person_id)


class OccurrenceChangeRule(_MeetingPartRule):
    """Moved and cancelled occurrences follow their meeting."""

    model = OccurrenceChange

    def actions(self, facts, obj):
        return MEETING_RULE.actions(facts, obj.meeting) & (READ | {A.CHANGE})


class ParticipantRule(_MeetingPartRule):
    """Invitations follow their meeting; changed by those who may change the meeting."""

    model = Participant

    def actions(self, facts, obj):
        return MEETING_RULE.actions(facts, obj.meeting) & (READ | {A.CHANGE, A.DELETE})


class GuestRule(ParticipantRule):
    """External guests follow their meeting."""

    model = Guest


EVENT_TABLE: dict = {}
company_wide(EVENT_TABLE, Role.ADMIN, READ | {A.CHANGE, A.DELETE})
company_wide(EVENT_TABLE, Role.EXECUTIVE, READ | {A.CHANGE, A.DELETE})
company_wide(EVENT_TABLE, Role.HR, READ)
for _role in RUNNERS:
    EVENT_TABLE[(_role, Relation.OWN_DEPARTMENT)] = READ | {A.CHANGE, A.DELETE}
    EVENT_TABLE[(_role, Relation.OTHER_DEPARTMENT)] = READ
EVENT_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ
EVENT_TABLE[(Role.MEMBER, Relation.OTHER_DEPARTMENT)] = READ
for _role in ALL_ROLES:
    if _role != Role.GUEST:
        EVENT_TABLE[(_role, Relation.OWN)] = READ | {A.CHANGE, A.DELETE}


class EventRule(Rule):
    """The company calendar: read by everyone in the company (not guests)."""

    model = Event
    table = EVENT_TABLE

    def standings(self, facts, obj):
        if facts.is_guest():
            return set()
        ids = list(obj.departments.values_list("pk", flat=True)) if obj.pk else []
        standings = department_standings(facts, ids)
        if obj.owner_id == facts.person_id:
            standings.add((_best(facts), Relation.OWN))
        return standings

    def visible_filter(self, facts):
        return Q(pk__in=[]) if facts.is_guest() else Q()


class CalendarFeedTokenRule(Rule):
    """A feed token is its owner's alone."""

    model = CalendarFeedToken

    def actions(self, facts, obj):
        if facts.is_authenticated and obj.person_id == facts.person_id:
            return frozenset({A.VIEW, A.DELETE})
        return frozenset()

    def visible_filter(self, facts):
        return Q(person_id=facts.person_id)


for _rule in (
    MEETING_RULE,
    AgendaItemRule(),
    DecisionRule(),
    ActionItemRule(),
    OccurrenceChangeRule(),
    ParticipantRule(),
    GuestRule(),
    EventRule(),
    CalendarFeedTokenRule(),
):
    register(_rule)
