"""Meetings (title, description, agenda) and their minutes (the notes taken on each agenda
item) in the search box (registered when the app is ready)."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.meetings.models import AgendaItem, Meeting
from deptcoord.search.registry import SearchSource, register_source


def _meeting_text(meeting: Meeting) -> str:
    """The description and the agenda (a 1:1's agenda stays out: HR may see the meeting but
    not what is discussed)."""
    if meeting.kind == Meeting.Kind.ONE_ON_ONE:
        return meeting.description
    agenda = dict.fromkeys(item.title for item in meeting.agenda_items.all())
    return "\n".join([meeting.description, *agenda]).strip()


@dataclass(frozen=True)
class MinutesSource(SearchSource):
    """Notes on an agenda item open on the page of the occurrence they were taken at."""

    def url(self, obj) -> str:
        return reverse(
            self.url_name, kwargs={"pk": obj.meeting_id, "day": obj.occurrence.isoformat()}
        )


register_source(
    SearchSource(
        kind="meeting",
        model=Meeting,
        label=_("Meeting"),
        icon="bi-people",
        title_fields=("title_en", "title_vi"),
        body=_meeting_text,
        url_name="meetings:meeting_detail",
        department_field="organiser.primary_department_id",
        related=("organiser",),
        confidential=Q(kind=Meeting.Kind.ONE_ON_ONE),
        confidential_label=_("1:1"),
    )
)
register_source(
    MinutesSource(
        kind="minutes",
        model=AgendaItem,
        label=_("Minutes"),
        icon="bi-journal-check",
        title_fields=("title",),
        body_fields=("notes",),
        url_name="meetings:occurrence",
        department_field="meeting.organiser.primary_department_id",
        related=("meeting__organiser",),
        confidential=Q(meeting__kind=Meeting.Kind.ONE_ON_ONE),
        confidential_label=_("1:1"),
    )
)
