"""An occurrence's agenda, worked on in place: items added, edited, moved, kept and removed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import error_messages
from deptcoord.core.versioning import StaleVersionError
from deptcoord.meetings import selectors, services
from deptcoord.meetings.forms import (
    AgendaItemEditForm,
    AgendaItemForm,
    NotesForm,
)
from deptcoord.meetings.models import AgendaItem
from deptcoord.meetings.views.common import (
    SERVICE_ERRORS,
    fields,
    people_choices,
    posted_version,
    refusal_of,
    report,
)
from deptcoord.meetings.views.occurrences import (
    _back,
    _invited_people,
    _linked,
    _links,
    _occurrence,
    _page,
    _refusal,
    _said,
    _section,
)


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
    place = int(position) if position.isdigit() and len(position) < 6 else 0
    error = refusal_of(
        lambda: services.agenda_item_move(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            position=place,
        )
    )
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
    error = refusal_of(
        lambda: services.agenda_item_update(
            actor=actor_from(request),
            item_id=item.pk,
            expected_version=posted_version(request),
            optional=False,
        )
    )
    return _after_item_write(request, item, error, f"agenda-item-{item.pk}")


@login_required
@require_POST
def agenda_item_delete(request, pk):
    """Take an item off the agenda."""
    item = _agenda_item(request, pk)
    require(request.facts, Action.DELETE, item)
    error = refusal_of(
        lambda: services.agenda_item_delete(
            actor=actor_from(request), item_id=item.pk, expected_version=posted_version(request)
        )
    )
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
