"""Django app for meetings, agendas, minutes, action items, company events and calendar feeds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings across departments, the company calendar and calendar feeds."""

    name = "deptcoord.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from deptcoord.core.periodic import register_periodic
        from deptcoord.meetings import (
            access,  # noqa: F401  (registers the rules)
            search,  # noqa: F401  (registers the search sources)
            tasks,
        )
        from deptcoord.meetings.models import Meeting
        from deptcoord.meetings.selectors import busy_hours
        from deptcoord.org.capacity import register_busy_time
        from deptcoord.records.links import Linkable, register_linkable
        from deptcoord.reports.notifications import register_kind

        register_periodic("meetings.send_reminders", "hourly", tasks.send_reminders)
        register_busy_time("meetings", busy_hours)  # time in meetings comes off capacity
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
        register_kind("meetings.reminder", _("A meeting you take part in is about to start"))
        register_kind("meetings.action_assigned", _("An action item from a meeting is yours"))
