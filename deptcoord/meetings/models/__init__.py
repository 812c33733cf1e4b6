"""Meetings, their occurrences, agendas, minutes, action items, company events and feeds."""

from deptcoord.meetings.models.calendar import CalendarFeedToken, Event
from deptcoord.meetings.models.meetings import Guest, Meeting, OccurrenceChange, Participant
from deptcoord.meetings.models.minutes import ActionItem, AgendaItem, Decision

__all__ = [
    "ActionItem",
    "AgendaItem",
    "CalendarFeedToken",
    "Decision",
    "Event",
    "Guest",
    "Meeting",
    "OccurrenceChange",
    "Participant",
]
