"""The meetings cards of the Today briefing: today's meetings with their agendas, and the
company events of the next two weeks."""

from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import visible
from deptcoord.core.briefing import LIMIT, Line, Morning, Section, section
from deptcoord.core.language import in_language
from deptcoord.meetings.models import AgendaItem, Event, Meeting, Participant
from deptcoord.meetings.series import day_bounds, meeting_occurrences

EVENT_DAYS = 14


def _scope_meetings(morning: Morning, start, end):
    """Scheduled meetings that may occur in the period: the person's own ones, and those of
    the departments they run."""
    scope = morning.scope
    meetings = visible(morning.facts, Meeting.objects.filter(status=Meeting.Status.SCHEDULED))
    meetings = meetings.filter(starts_at__lt=end).filter(~Q(rrule="") | Q(ends_at__gt=start))
    invited = Participant.objects.filter(person_id=scope.person_id).values("meeting_id")
    mine = Q(organiser_id=scope.person_id) | Q(pk__in=invited)
    if scope.department_ids is None:
        return meetings
    if not scope.runs:
        return meetings.filter(mine)
    shared = Meeting.departments.through.objects.filter(
        department_id__in=sorted(scope.department_ids)
    ).values("meeting_id")
    return meetings.filter(mine | Q(pk__in=shared))


def _agendas(found) -> dict[tuple[int, date], list[str]]:
    """The agenda item titles of the occurrences shown, by (meeting, original date)."""
    agenda: dict[tuple[int, date], list[str]] = {}
    if not found:
        return agenda
    keys = Q()
    for _start, pk, key, _title, _place in found[:LIMIT]:
        keys |= Q(meeting_id=pk, occurrence=key)
    for meeting_id, occurrence, title in (
        AgendaItem.objects.filter(keys)
        .order_by("position", "id")
        .values_list("meeting_id", "occurrence", "title")
    ):
        agenda.setdefault((meeting_id, occurrence), []).append(title)
    return agenda


def meetings_today(morning: Morning) -> list[Section]:
    """Today's occurrences in the scope, moved ones at their new time, with their agendas."""
    start, end = day_bounds(morning.today, morning.zone_name)
    meetings = _scope_meetings(morning, start, end)
    found = []
    for meeting, occurrence in meeting_occurrences(
        meetings, start, end, "title_en", "title_vi", "place"
    ):
        title_en, title_vi, place = meeting.values
        title = in_language(title_en, title_vi)
        found.append((occurrence.start, meeting.pk, occurrence.key, title, place))
    found.sort()
    agenda = _agendas(found)
    zone = timezone.get_current_timezone()
    lines = [
        Line(
            title=title,
            url=reverse("meetings:occurrence", kwargs={"pk": pk, "day": key.isoformat()}),
            note=place,
            badge=timezone.localtime(starts, zone).strftime("%H:%M"),
            tone="primary",
            details=agenda.get((pk, key), []),
        )
        for starts, pk, key, title, place in found[:LIMIT]
    ]
    return [
        Section(
            "meetings_today",
            _("Today's meetings"),
            "bi-people",
            _("No meeting today."),
            lines,
            len(found),
            reverse("meetings:calendar"),
        )
    ]


def events(morning: Morning) -> list[Section]:
    """Company events of the next two weeks involving the scope's departments or everyone."""
    today, scope = morning.today, morning.scope
    last = today + timedelta(days=EVENT_DAYS)
    events = visible(morning.facts, Event.objects.filter(start_date__lte=last, end_date__gte=today))
    if scope.department_ids is not None and scope.department_ids:
        involved = Event.departments.through.objects.filter(
            department_id__in=sorted(scope.department_ids)
        ).values("event_id")
        anyone = Event.objects.filter(departments__isnull=False).values("pk")
        events = events.filter(Q(pk__in=involved) | ~Q(pk__in=anyone))

    def line(event):
        return Line(
            title=event.title,
            url=reverse("meetings:event_detail", args=[event.pk]),
            note=event.place,
            badge=str(event.get_kind_display()),
            tone="info",
            day=event.start_date,
        )

    return [
        section(
            "events",
            _("Events in the next 14 days"),
            "bi-calendar-event",
            _("No event in the next two weeks."),
            events.order_by("start_date", "id"),
            line,
            reverse("meetings:events"),
        )
    ]
