"""Every write to meetings, occurrences, agendas, minutes, events and feeds, each recorded in
the audit trail in the same transaction."""

from deptcoord.meetings.services.events import event_create, event_delete, event_update
from deptcoord.meetings.services.feeds import feed_token_regenerate, feed_token_revoke
from deptcoord.meetings.services.meetings import (
    meeting_cancel,
    meeting_create,
    meeting_update,
    participants_add,
)
from deptcoord.meetings.services.minutes import (
    action_item_create,
    action_item_delete,
    action_item_update,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
    decision_create,
    decision_delete,
    minutes_send,
)
from deptcoord.meetings.services.occurrences import (
    occurrence_cancel,
    occurrence_move,
    occurrence_restore,
    series_change_from,
)
from deptcoord.meetings.services.suggestions import agenda_suggest

__all__ = [
    "action_item_create",
    "action_item_delete",
    "action_item_update",
    "agenda_item_create",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_item_update",
    "agenda_suggest",
    "decision_create",
    "decision_delete",
    "event_create",
    "event_delete",
    "event_update",
    "feed_token_regenerate",
    "feed_token_revoke",
    "meeting_cancel",
    "meeting_create",
    "meeting_update",
    "minutes_send",
    "occurrence_cancel",
    "occurrence_move",
    "occurrence_restore",
    "participants_add",
    "series_change_from",
]
