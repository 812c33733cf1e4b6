"""Django app for meetings, agendas, minutes, action items, company events and calendar feeds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings across departments, the company calendar and calendar feeds."""

    name = "deptcoord.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from deptcoord.core.briefing import register_card
        from deptcoord.core.periodic import register_periodic
        from deptcoord.meetings import (
            access,  # noqa: F401  (registers the rules)
            search,  # noqa: F401  (registers the search sources)
            tasks,
        )
        from deptcoord.meetings.briefing import events, meetings_today
        from deptcoord.meetings.models import Meeting, OccurrenceChange, Participant
        from deptcoord.meetings.selectors import busy_hours, meeting_load_change
        from deptcoord.notices.notifications import APP_ONLY, AT_ONCE, register_kind
        from deptcoord.org.capacity import register_busy_time
        from deptcoord.org.week_load import register_load_change
        from deptcoord.search.linkables import Linkable, register_linkable

        register_periodic("meetings.send_reminders", "hourly", tasks.send_reminders)
        register_busy_time("meetings", busy_hours)  # time in meetings comes off capacity
        for model in (Meeting, OccurrenceChange, Participant):
            register_load_change(model, meeting_load_change)
        register_card("meetings.today", 60, meetings_today)
        register_card("meetings.events", 70, events)
        register_linkable(
            Linkable(
                "meeting",
                Meeting,
                _("Meeting"),
                "bi-people",
                "meetings:meeting_detail",
                ("title_en", "title_vi"),
            )
        )
        register_kind(
            "meetings.reminder", _("A meeting you take part in is about to start"), APP_ONLY
        )
        register_kind(
            "meetings.action_assigned", _("An action item from a meeting is yours"), AT_ONCE
        )
