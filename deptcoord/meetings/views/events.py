"""The company calendar's events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.meetings import exports, selectors, services
from deptcoord.meetings.forms import EventForm
from deptcoord.meetings.models import Event
from deptcoord.meetings.views.common import SERVICE_ERRORS, department_choices, fields
from deptcoord.org import selectors as org


def _events_filtered(request):
    require(request.facts, Action.VIEW, org.company())
    show_all = request.GET.get("all") == "1"
    found = selectors.events(request.facts, start=None if show_all else timezone.localdate())
    return show_all, found


@login_required
def event_list(request):
    """Upcoming events (or all with ``?all=1``)."""
    show_all, found = _events_filtered(request)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {"page": page, "show_all": show_all, "query_string": request.GET.urlencode()}
    return render(request, "meetings/event_list.html", context)


@login_required
def events_export(request, file_format):
    """The events as listed on screen (upcoming, or all), as CSV or XLSX."""
    _show_all, found = _events_filtered(request)
    rows = exports.event_rows(found)
    return audited_export(
        request,
        action="meetings.event.export",
        kind="events",
        filename=exports.EVENTS_FILENAME,
        headers=exports.EVENT_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


@login_required
def event_detail(request, pk):
    """An event: when, where, the departments involved, its history."""
    facts = request.facts
    event = get_visible_or_404(facts, Event.objects.select_related("owner"), pk=pk)
    context = {
        "event": event,
        "can_change": can(facts, Action.CHANGE, event),
        "history": org.history(facts, event),
    }
    return render(request, "meetings/event_detail.html", context)


def _form(request, initial):
    return EventForm(
        request.POST or None, initial=initial, departments=department_choices(request.facts)
    )


@login_required
def event_create(request):
    """Put an event on the company calendar."""
    require(request.facts, Action.VIEW, org.company())
    form = _form(request, {"start_date": timezone.localdate(), "kind": Event.Kind.OTHER})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=actor_from(request), **fields(form))
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Event added to the calendar."))
            return redirect("meetings:event_detail", pk=event.pk)
    return render(request, "meetings/event_form.html", {"form": form, "event": None})


@login_required
def event_edit(request, pk):
    """Change an event."""
    event = get_visible_or_404(request.facts, Event, pk=pk)
    require(request.facts, Action.CHANGE, event)
    initial = {
        name: getattr(event, name)
        for name in (
            "title_en",
            "title_vi",
            "kind",
            "start_date",
            "end_date",
            "place",
            "description",
        )
    }
    initial.update(departments=[d.pk for d in event.departments.all()], version=event.version)
    form = _form(request, initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                actor=actor_from(request),
                event_id=event.pk,
                expected_version=form.expected_version(),
                **fields(form),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("meetings:event_detail", pk=event.pk)
    return render(request, "meetings/event_form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_delete(request, pk):
    """Take an event off the calendar."""
    event = get_visible_or_404(request.facts, Event, pk=pk)
    require(request.facts, Action.DELETE, event)
    services.event_delete(actor=actor_from(request), event_id=event.pk)
    messages.success(request, _("Event removed from the calendar."))
    return redirect("meetings:events")
