"""One occurrence: agenda, minutes, decisions and action items; moving and cancelling it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import error_messages
from deptcoord.goals.models import Goal
from deptcoord.meetings import selectors, services
from deptcoord.meetings.forms import (
    ActionItemForm,
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    OccurrenceMoveForm,
)
from deptcoord.meetings.models import Event, Meeting
from deptcoord.meetings.recurrence import neighbours
from deptcoord.meetings.series import occurrence_of, series_of
from deptcoord.meetings.views.common import (
    SERVICE_ERRORS,
    department_choices,
    meeting_or_404,
    parse_day,
    people_choices,
    posted_version,
    report,
)
from deptcoord.meetings.views.meetings import _edit_initial, _local, _meeting_data
from deptcoord.work.models import Project, Step
from deptcoord.work.models import Request as WorkRequest


def _occurrence(request, pk, day):
    meeting = meeting_or_404(request, pk)
    day = parse_day(day)
    found = occurrence_of(meeting, day) if meeting.status == Meeting.Status.SCHEDULED else None
    if found is None and meeting.status == Meeting.Status.SCHEDULED:
        raise Http404
    return meeting, day, found


LINKED_MODELS = {
    "goal": Goal,
    "project": Project,
    "step": Step,
    "request": WorkRequest,
    "event": Event,
}


def _links(request, meeting, day) -> list:
    """What the agenda form offers to link, if the viewer takes the minutes."""
    if not can(request.facts, Action.TAKE_MINUTES, meeting):
        return []
    return selectors.agenda_link_choices(request.facts, meeting, day)


def _linked(request, value: str) -> dict:
    """The record an agenda item is about, from the form's ``kind:id`` (one it may see)."""
    if not value:
        return {}
    kind, pk = value.split(":", 1)
    return {kind: get_visible_or_404(request.facts, LINKED_MODELS[kind], pk=int(pk))}


def _invited_people(facts, meeting):
    return people_choices(facts).filter(pk__in=[p.person_id for p in meeting.participants.all()])


def _minutes_context(request, meeting, day, forms: dict) -> dict:
    """What the agenda, decisions and action items sections read (whole page or one section)."""
    facts = request.facts
    people = _invited_people(facts, meeting)
    minutes = selectors.minutes(facts, meeting, day)
    take_minutes = can(facts, Action.TAKE_MINUTES, meeting)
    return {
        "meeting": meeting,
        "day": day,
        "minutes": minutes,
        "regular": [item for item in minutes.agenda if not item.optional],
        "optional_items": [item for item in minutes.agenda if item.optional],
        "agenda_time": selectors.agenda_time(
            minutes.agenda, selectors.occurrence_length(meeting, day)
        ),
        "take_minutes": take_minutes,
        "presenter_choices": [(p.pk, p.full_name) for p in people] if take_minutes else [],
        "agenda_form": forms.get("agenda_form")
        or AgendaItemForm(people=people, links=_links(request, meeting, day), prefix="agenda"),
        "decision_form": forms.get("decision_form") or DecisionForm(prefix="decision"),
        "action_form": forms.get("action_form") or ActionItemForm(people=people, prefix="action"),
        "edit_form": forms.get("edit_form"),
        "action_edit_form": forms.get("action_edit_form"),
        "one_on_one": meeting.kind == Meeting.Kind.ONE_ON_ONE,
        "focus": forms.get("focus", ""),
        "section_messages": forms.get("section_messages", []),
        "announce": forms.get("announce", ""),
    }


def _page(request, meeting, day, found, **forms):
    facts = request.facts
    previous, following = neighbours(series_of(meeting), day)
    context = {
        **_minutes_context(request, meeting, day, forms),
        "occurrence": found,
        "start": _local(found.start, meeting.time_zone) if found else None,
        "end": _local(found.end, meeting.time_zone) if found else None,
        "previous": previous,
        "following": following,
        "can_change": can(facts, Action.CHANGE, meeting),
        "suggested": selectors.suggested_participants(facts, meeting, day)
        if can(facts, Action.CHANGE, meeting)
        else [],
    }
    return render(request, "meetings/occurrence.html", context)


SECTIONS = {"agenda", "decisions", "actions"}


def _section(request, meeting, day, section: str, **forms):
    """One section of the occurrence's page, for an in-place change (htmx swaps it)."""
    assert section in SECTIONS
    context = _minutes_context(request, meeting, day, forms)
    return render(request, f"meetings/occurrence.html#{section}", context)


def _said(level: str, text) -> list[dict]:
    return [{"level": level, "text": str(text)}]


def _refusal(error) -> list[dict]:
    return [{"level": "danger", "text": text} for text in error_messages(error)]


@login_required
def occurrence(request, pk, day):
    """An occurrence's page: agenda with notes, decisions, action items, carried-over ones."""
    meeting, day, found = _occurrence(request, pk, day)
    return _page(request, meeting, day, found)


def _back(meeting, day):
    return redirect("meetings:occurrence", pk=meeting.pk, day=day.isoformat())


@login_required
@require_POST
def minutes_send(request, pk, day):
    """E-mail the minutes to the participants."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    services.minutes_send(actor=actor_from(request), meeting=meeting, occurrence=day)
    messages.success(request, _("Minutes sent to the participants."))
    return _back(meeting, day)


@login_required
@require_POST
def participants_add(request, pk, day):
    """Invite the suggested participants ticked on the occurrence's page."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.CHANGE, meeting)
    ids = [int(x) for x in request.POST.getlist("person") if x.isdigit()][:100]
    people = list(people_choices(request.facts).filter(pk__in=ids))
    try:
        services.participants_add(actor=actor_from(request), meeting_id=meeting.pk, people=people)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Invited; they get the invitation by e-mail."))
    return _back(meeting, day)


@login_required
def occurrence_move(request, pk, day):
    """Move one occurrence; the rest of the series stays (a one-off meeting moves whole)."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.CHANGE, meeting)
    start, end = _local(found.start, meeting.time_zone), _local(found.end, meeting.time_zone)
    form = OccurrenceMoveForm(
        request.POST or None,
        initial={
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "version": meeting.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.occurrence_move(
                actor=actor_from(request),
                meeting_id=meeting.pk,
                occurrence=day,
                start=datetime.combine(data["day"], data["start_time"]),
                end=datetime.combine(data["day"], data["end_time"]),
                note=data["note"],
                expected_version=form.expected_version(),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Occurrence moved; the invitees get the update."))
            return _back(meeting, day)
    return render(
        request, "meetings/occurrence_move.html", {"form": form, "meeting": meeting, "day": day}
    )


def _dropped_at(text: str, zone_name: str) -> datetime | None:
    """A time the calendar sends (the viewer's wall-clock time), made aware in their zone."""
    try:
        value = datetime.fromisoformat(text[:32])
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone_name))
    return value


def _refused(message, status: int) -> JsonResponse:
    return JsonResponse({"ok": False, "detail": str(message)}, status=status)


@login_required
@require_POST
def occurrence_drop(request, pk, day):
    """The calendar's drag and drop (or resize) of one occurrence: the move form's service,
    with its access, version and time checks; the answer says why when it is refused."""
    meeting, day, _found = _occurrence(request, pk, day)
    try:
        require(request.facts, Action.CHANGE, meeting)
    except PermissionDenied:
        return _refused(_("You may not move this meeting: only its organiser can."), 403)
    zone_name = request.person.timezone
    start = _dropped_at(request.POST.get("start", ""), zone_name)
    end = _dropped_at(request.POST.get("end", ""), zone_name)
    if start is None or end is None:
        return _refused(_("The calendar sent a time it cannot read. Reload the page."), 400)
    try:
        services.occurrence_move(
            actor=actor_from(request),
            meeting_id=meeting.pk,
            occurrence=day,
            start=start,
            end=end,
            expected_version=posted_version(request),
        )
    except SERVICE_ERRORS as error:
        status = 400 if isinstance(error, ValidationError) else 409
        return _refused(" ".join(error_messages(error)), status)
    return JsonResponse(
        {"ok": True, "detail": str(_("Meeting moved; the invitees get the update."))}
    )


@login_required
@require_POST
def occurrence_cancel(request, pk, day):
    """Cancel one occurrence."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.CHANGE, meeting)
    try:
        services.occurrence_cancel(actor=actor_from(request), meeting_id=meeting.pk, occurrence=day)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("This occurrence is cancelled; the invitees have been told."))
    return _back(meeting, day)


@login_required
@require_POST
def occurrence_restore(request, pk, day):
    """Put a moved or cancelled occurrence back."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.CHANGE, meeting)
    try:
        services.occurrence_restore(
            actor=actor_from(request), meeting_id=meeting.pk, occurrence=day
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    return _back(meeting, day)


@login_required
def series_change_from(request, pk, day):
    """Change the series from this occurrence on."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.CHANGE, meeting)
    initial = _edit_initial(meeting)
    initial["day"] = day
    form = MeetingForm(
        request.POST or None,
        initial=initial,
        people=people_choices(request.facts),
        departments=department_choices(request.facts),
    )
    if request.method == "POST" and form.is_valid():
        try:
            continued = services.series_change_from(
                actor=actor_from(request),
                meeting_id=meeting.pk,
                occurrence=day,
                **_meeting_data(form),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("The series is changed from this date on."))
            return redirect("meetings:meeting_detail", pk=continued.pk)
    return render(
        request, "meetings/meeting_form.html", {"form": form, "meeting": meeting, "from_day": day}
    )
