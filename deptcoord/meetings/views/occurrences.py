"""One occurrence: agenda, minutes, decisions and action items; moving and cancelling it."""

from contextlib import suppress
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import error_messages
from deptcoord.core.versioning import StaleVersionError
from deptcoord.goals.models import Goal
from deptcoord.meetings import selectors, services
from deptcoord.meetings.forms import (
    ActionItemForm,
    AgendaItemEditForm,
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    NotesForm,
    OccurrenceMoveForm,
)
from deptcoord.meetings.models import ActionItem, AgendaItem, Decision, Event, Meeting
from deptcoord.meetings.recurrence import neighbours
from deptcoord.meetings.series import occurrence_of, series_of
from deptcoord.meetings.views.common import (
    SERVICE_ERRORS,
    department_choices,
    fields,
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
def agenda_item_create(request, pk, day):
    """Add an item to the occurrence's agenda."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    people = people_choices(request.facts)
    links = _links(request, meeting, day)
    form = AgendaItemForm(request.POST, people=people, links=links, prefix="agenda")
    if form.is_valid():
        data = fields(form)
        data.update(_linked(request, data.pop("link")))
        try:
            item = services.agenda_item_create(
                actor=actor_from(request), meeting=meeting, occurrence=day, **data
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            if request.htmx:
                return _section(request, meeting, day, "agenda", focus=f"agenda-item-{item.pk}")
            return _back(meeting, day)
    if request.htmx:
        return _section(request, meeting, day, "agenda", agenda_form=form, focus="agenda-form")
    return _page(request, meeting, day, found, agenda_form=form)


def _fitted_message(added: list, length: int) -> list[dict]:
    regular = [item for item in added if not item.optional]
    optional = len(added) - len(regular)
    said = []
    if regular:
        said += _said(
            "success",
            ngettext(
                "%(count)s item added to the agenda.",
                "%(count)s items added to the agenda.",
                len(regular),
            )
            % {"count": len(regular)},
        )
    if optional:
        said += _said(
            "warning",
            ngettext(
                "%(count)s more topic did not fit in %(length)s minutes; it is listed as "
                "optional below, add it if you need.",
                "%(count)s more topics did not fit in %(length)s minutes; they are listed as "
                "optional below, add them if you need.",
                optional,
            )
            % {"count": optional, "length": length},
        )
    if not added:
        said += _said("info", _("Nothing new needs the participants' attention."))
    return said


@login_required
@require_POST
def agenda_suggest(request, pk, day):
    """Fill the agenda with what needs the participants' attention, as much as fits."""
    meeting, day, _found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    try:
        added = services.agenda_suggest(actor=actor_from(request), meeting=meeting, occurrence=day)
    except SERVICE_ERRORS as error:
        said = _refusal(error)
    else:
        said = _fitted_message(added, selectors.occurrence_length(meeting, day))
    if request.htmx:
        return _section(
            request, meeting, day, "agenda", section_messages=said, focus="agenda-messages"
        )
    for message in said:
        getattr(messages, message["level"].replace("danger", "error"))(request, message["text"])
    return _back(meeting, day)


def _agenda_item(request, pk) -> AgendaItem:
    return get_visible_or_404(request.facts, AgendaItem.objects.select_related("meeting"), pk=pk)


def _after_item_write(request, item, error, focus: str, done_message=None, announce=""):
    """The agenda again (htmx) or the page, with the refusal shown, focus on ``focus``
    (``announce``: what a screen reader hears of the change)."""
    meeting, day = item.meeting, item.occurrence
    if request.htmx:
        if error is not None:
            return _section(
                request,
                meeting,
                day,
                "agenda",
                section_messages=_refusal(error),
                focus="agenda-messages",
            )
        return _section(request, meeting, day, "agenda", focus=focus, announce=announce)
    if error is not None:
        report(request, error)
    elif done_message:
        messages.success(request, done_message)
    return _back(meeting, day)


@login_required
@require_POST
def agenda_item_notes(request, pk):
    """Save the notes taken on an agenda item (also saved as they are typed: the answer is
    then the save's state, as JSON)."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.CHANGE, item)
    form = NotesForm(request.POST, prefix=f"item{item.pk}")
    autosave = request.POST.get("autosave") == "1"
    error = None
    if form.is_valid():
        try:
            item = services.agenda_item_update(
                actor=actor_from(request),
                item_id=item.pk,
                expected_version=form.expected_version(),
                notes=form.cleaned_data["notes"],
                shared_with_hr=form.cleaned_data["shared_with_hr"],
            )
        except SERVICE_ERRORS as caught:
            error = caught
    else:
        error = ValidationError([m for ms in form.errors.values() for m in ms])
    if autosave:
        return _autosave_answer(item, error)
    if error is not None:
        report(request, error)
    else:
        messages.success(request, _("Notes saved."))
    return _back(item.meeting, item.occurrence)


def _autosave_answer(item, error):
    if error is None:
        saved_at = timezone.localtime().strftime("%H:%M")
        return JsonResponse(
            {
                "saved": True,
                "version": item.version,
                "state": _("Saved at %(time)s") % {"time": saved_at},
            }
        )
    reason = " ".join(error_messages(error))
    return JsonResponse(
        {"saved": False, "state": _("Not saved: %(reason)s") % {"reason": reason}},
        status=409 if isinstance(error, StaleVersionError) else 400,
    )


@login_required
@require_POST
def agenda_item_edit(request, pk):
    """Change an item's title, presenter or time."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.CHANGE, item)
    form = AgendaItemEditForm(
        request.POST,
        people=_invited_people(request.facts, item.meeting),
        prefix=f"edit{item.pk}",
    )
    if form.is_valid():
        try:
            services.agenda_item_update(
                actor=actor_from(request),
                item_id=item.pk,
                expected_version=form.expected_version(),
                **fields(form),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            return _after_item_write(request, item, None, f"agenda-item-{item.pk}")
    if request.htmx:
        form.item_id = item.pk
        return _section(
            request, item.meeting, item.occurrence, "agenda", edit_form=form, focus="edit-errors"
        )
    for message in [m for ms in form.errors.values() for m in ms]:
        messages.error(request, message)
    return _back(item.meeting, item.occurrence)


@login_required
@require_POST
def agenda_item_move(request, pk):
    """Move an item up or down the agenda (the buttons, the keyboard, or a drag)."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.CHANGE, item)
    position = request.POST.get("position", "")
    error = None
    place = int(position) if position.isdigit() and len(position) < 6 else 0
    try:
        services.agenda_item_move(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            position=place,
        )
    except SERVICE_ERRORS as caught:
        error = caught
    focus = request.POST.get("focus", "")
    target = f"move-{focus}-{item.pk}" if focus in ("up", "down") else f"agenda-item-{item.pk}"
    count = AgendaItem.objects.filter(
        meeting_id=item.meeting_id, occurrence=item.occurrence, optional=item.optional
    ).count()
    announce = _("“%(title)s” is now item %(place)s of %(count)s.") % {
        "title": item.title,
        "place": place,
        "count": count,
    }
    return _after_item_write(request, item, error, target, announce=announce)


@login_required
@require_POST
def agenda_item_keep(request, pk):
    """Take an optional topic into the agenda (at its end)."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.CHANGE, item)
    error = None
    try:
        services.agenda_item_update(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            optional=False,
        )
    except SERVICE_ERRORS as caught:
        error = caught
    return _after_item_write(request, item, error, f"agenda-item-{item.pk}")


@login_required
@require_POST
def agenda_item_delete(request, pk):
    """Take an item off the agenda."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.DELETE, item)
    error = None
    try:
        services.agenda_item_delete(
            actor=actor_from(request), item_id=item.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as caught:
        error = caught
    if request.htmx and error is None:
        return _section(
            request,
            item.meeting,
            item.occurrence,
            "agenda",
            section_messages=_said(
                "success", _("“%(title)s” is off the agenda.") % {"title": item.title}
            ),
            focus="agenda-messages",
        )
    return _after_item_write(request, item, error, "")


@login_required
@require_POST
def decision_create(request, pk, day):
    """Record a decision."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    form = DecisionForm(request.POST, prefix="decision")
    if form.is_valid():
        try:
            decision = services.decision_create(
                actor=actor_from(request),
                meeting=meeting,
                occurrence=day,
                text=form.cleaned_data["text"],
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            if request.htmx:
                return _section(request, meeting, day, "decisions", focus=f"decision-{decision.pk}")
            return _back(meeting, day)
    if request.htmx:
        return _section(
            request, meeting, day, "decisions", decision_form=form, focus="decision-form"
        )
    return _page(request, meeting, day, found, decision_form=form)


@login_required
@require_POST
def decision_delete(request, pk):
    """Withdraw a decision recorded by mistake (its note in the records goes too)."""
    decision = get_visible_or_404(request.facts, Decision.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.DELETE, decision)
    meeting, day = decision.meeting, decision.occurrence
    services.decision_delete(actor=actor_from(request), decision_id=decision.pk)
    if request.htmx:
        return _section(
            request,
            meeting,
            day,
            "decisions",
            section_messages=_said("success", _("The decision is withdrawn.")),
            focus="decisions-messages",
        )
    messages.success(request, _("The decision is withdrawn."))
    return _back(meeting, day)


@login_required
@require_POST
def action_item_create(request, pk, day):
    """Record an action item; it becomes a step of the assignee's department."""
    meeting, day, found = _occurrence(request, pk, day)
    require(request.facts, Action.TAKE_MINUTES, meeting)
    form = ActionItemForm(request.POST, people=people_choices(request.facts), prefix="action")
    if form.is_valid():
        try:
            data = fields(form)
            data["assignee"] = data["assignee"] or request.person
            item = services.action_item_create(
                actor=actor_from(request), meeting=meeting, occurrence=day, **data
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            if request.htmx:
                return _section(request, meeting, day, "actions", focus=f"action-{item.pk}")
            return _back(meeting, day)
    if request.htmx:
        return _section(request, meeting, day, "actions", action_form=form, focus="action-form")
    return _page(request, meeting, day, found, action_form=form)


@login_required
@require_POST
def action_item_edit(request, pk):
    """Change an action item's title, assignee or due date (its step follows)."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.CHANGE, item)
    form = ActionItemForm(
        request.POST, people=people_choices(request.facts), prefix=f"action{item.pk}"
    )
    error = None
    if form.is_valid():
        data = fields(form)
        data["assignee"] = data["assignee"] or item.assignee
        try:
            services.action_item_update(
                actor=actor_from(request),
                item_id=item.pk,
                expected_version=form.expected_version(),
                **data,
            )
        except SERVICE_ERRORS as caught:
            form.apply_service_error(caught)
            error = caught
    meeting, day = item.meeting, item.occurrence
    if request.htmx:
        if form.errors:
            form.item_id = item.pk
            return _section(
                request,
                meeting,
                day,
                "actions",
                action_edit_form=form,
                focus=f"action-edit-errors-{item.pk}",
            )
        return _section(request, meeting, day, "actions", focus=f"action-{item.pk}")
    if error is None and form.errors:
        error = ValidationError([m for ms in form.errors.values() for m in ms])
    if error is not None:
        report(request, error)
    return _back(meeting, day)


@login_required
@require_POST
def action_item_delete(request, pk):
    """Take back an action item recorded by mistake (its untouched step goes too)."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.DELETE, item)
    meeting, day = item.meeting, item.occurrence
    try:
        step_went = services.action_item_delete(
            actor=actor_from(request), item_id=item.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        said = _refusal(error)
    else:
        done = (
            _("“%(title)s” is taken back, with its step.")
            if step_went
            else _("“%(title)s” is taken back; its step was already worked on and stays.")
            if item.step_id
            else _("“%(title)s” is taken back.")
        )
        said = _said("success", done % {"title": item.title})
    if request.htmx:
        return _section(
            request, meeting, day, "actions", section_messages=said, focus="actions-messages"
        )
    for message in said:
        getattr(messages, message["level"].replace("danger", "error"))(request, message["text"])
    return _back(meeting, day)


@login_required
@require_POST
def action_item_toggle(request, pk):
    """Mark an action item done, or open again."""
    item = get_visible_or_404(request.facts, ActionItem.objects.select_related("meeting"), pk=pk)
    require(request.facts, Action.CHANGE, item)
    status = (
        ActionItem.Status.OPEN if item.status == ActionItem.Status.DONE else ActionItem.Status.DONE
    )
    error = None
    try:
        services.action_item_update(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            status=status,
        )
    except SERVICE_ERRORS as caught:
        error = caught
    meeting, day = item.meeting, item.occurrence
    back = request.POST.get("back", "")
    if back.isdigit() or len(back) == 10:
        with suppress(Http404):
            day = parse_day(back)
    if request.htmx:
        return _section(
            request,
            meeting,
            day,
            "actions",
            section_messages=_refusal(error) if error is not None else [],
            focus="actions-messages" if error is not None else f"toggle-{item.pk}",
        )
    if error is not None:
        report(request, error)
    return _back(meeting, day)


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
