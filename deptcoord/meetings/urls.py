"""URLs of the meetings pages."""

from django.urls import path, re_path

from deptcoord.meetings.views import (
    agenda,
    calendar,
    decisions,
    events,
    meetings,
    occurrences,
    outcomes,
)

app_name = "meetings"

DAY = r"(?P<pk>\d+)/(?P<day>\d{4}-\d{2}-\d{2})"

urlpatterns = [
    path("", calendar.calendar, name="calendar"),
    path("calendar.json", calendar.calendar_json, name="calendar_json"),
    path("list/", meetings.meeting_list, name="list"),
    re_path(r"^list\.(?P<file_format>csv|xlsx)$", meetings.meetings_export, name="list_export"),
    path("new/", meetings.meeting_create, name="meeting_create"),
    path("find-time/", meetings.find_time, name="find_time"),
    path("decisions/", decisions.decision_list, name="decisions"),
    re_path(
        r"^decisions\.(?P<file_format>csv|xlsx)$",
        decisions.decisions_export,
        name="decisions_export",
    ),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    re_path(rf"^{DAY}/$", occurrences.occurrence, name="occurrence"),
    re_path(rf"^{DAY}/move/$", occurrences.occurrence_move, name="occurrence_move"),
    re_path(rf"^{DAY}/drop/$", occurrences.occurrence_drop, name="occurrence_drop"),
    re_path(rf"^{DAY}/cancel/$", occurrences.occurrence_cancel, name="occurrence_cancel"),
    re_path(rf"^{DAY}/restore/$", occurrences.occurrence_restore, name="occurrence_restore"),
    re_path(rf"^{DAY}/change-from/$", occurrences.series_change_from, name="change_from"),
    re_path(rf"^{DAY}/agenda/$", agenda.agenda_item_create, name="agenda_item_create"),
    re_path(rf"^{DAY}/suggest-agenda/$", agenda.agenda_suggest, name="agenda_suggest"),
    re_path(rf"^{DAY}/participants/$", occurrences.participants_add, name="participants_add"),
    re_path(rf"^{DAY}/decisions/$", outcomes.decision_create, name="decision_create"),
    re_path(rf"^{DAY}/actions/$", outcomes.action_item_create, name="action_item_create"),
    re_path(rf"^{DAY}/send-minutes/$", occurrences.minutes_send, name="minutes_send"),
    path("agenda/<int:pk>/notes/", agenda.agenda_item_notes, name="agenda_item_notes"),
    path("agenda/<int:pk>/edit/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path("agenda/<int:pk>/move/", agenda.agenda_item_move, name="agenda_item_move"),
    path("agenda/<int:pk>/keep/", agenda.agenda_item_keep, name="agenda_item_keep"),
    path("agenda/<int:pk>/delete/", agenda.agenda_item_delete, name="agenda_item_delete"),
    path("decisions/<int:pk>/delete/", outcomes.decision_delete, name="decision_delete"),
    path("actions/<int:pk>/edit/", outcomes.action_item_edit, name="action_item_edit"),
    path("actions/<int:pk>/delete/", outcomes.action_item_delete, name="action_item_delete"),
    path("actions/<int:pk>/toggle/", outcomes.action_item_toggle, name="action_item_toggle"),
    path("events/", events.event_list, name="events"),
    re_path(r"^events\.(?P<file_format>csv|xlsx)$", events.events_export, name="events_export"),
    path("events/new/", events.event_create, name="event_create"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", events.event_delete, name="event_delete"),
    path("feed/", calendar.feed_settings, name="feed_settings"),
    path("feed/regenerate/", calendar.feed_regenerate, name="feed_regenerate"),
    path("feed/<int:pk>/revoke/", calendar.feed_revoke, name="feed_revoke"),
    re_path(r"^feed/(?P<token>cal_[A-Za-z0-9_-]{20,80})\.ics$", calendar.feed, name="feed"),
]
