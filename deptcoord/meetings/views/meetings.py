"""Meeting list, scheduling, changing and cancelling meetings, and finding a time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.meetings import exports, finder, selectors, services
from deptcoord.meetings.forms import FindTimeForm, MeetingForm, build_rule, describe_rule
from deptcoord.meetings.rule_words import rule_in_words
from deptcoord.meetings.views.availability import grid_view, reason_line
from deptcoord.meetings.views.common import (
    SERVICE_ERRORS,
    department_choices,
    meeting_or_404,
    people_choices,
    posted_version,
    report,
)
from deptcoord.org import selectors as org


def _meetings_filtered(request):
    q = request.GET.get("q", "").strip()[:100]
    mine = request.GET.get("mine", "1") != "0"
    found = selectors.meetings(request.facts, q=q, person_id=request.person.pk if mine else None)
    return q, mine, found


@login_required
def meeting_list(request):
    """The meetings the person may see, searchable, newest first."""
    q, mine, found = _meetings_filtered(request)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "mine": mine, "query_string": request.GET.urlencode()}
    return render(request, "meetings/meeting_list.html", context)


@login_required
def meetings_export(request, file_format):
    """The meetings as filtered on screen, as CSV or XLSX."""
    _q, _mine, found = _meetings_filtered(request)
    rows = exports.meeting_rows(found)
    return audited_export(
        request,
        action="meetings.meeting.export",
        kind="meetings",
        filename=exports.MEETINGS_FILENAME,
        headers=exports.MEETING_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


def _local(moment, zone_name):
    return timezone.localtime(moment, ZoneInfo(zone_name))


def _meeting_data(form) -> dict:
    data = form.cleaned_data
    day = data["day"]
    return {
        "title_en": data["title_en"],
        "title_vi": data["title_vi"],
        "kind": data["kind"],
        "time_zone": data["time_zone"],
        "start": datetime.combine(day, data["start_time"]),
        "end": datetime.combine(day, data["end_time"]),
        "rrule": build_rule(data["repeat"], day, data["until"], data["count"], data["rrule"]),
        "place": data["place"],
        "video_link": data["video_link"],
        "participants": [(p, True) for p in data["required_people"]]
        + [(p, False) for p in data["optional_people"] if p not in data["required_people"]],
        "guests": form.guest_list(),
        "departments": list(data["departments"]) or None,
        "description": data["description"],
    }


def _form(request, initial):
    facts = request.facts
    return MeetingForm(
        request.POST or None,
        initial=initial,
        people=people_choices(facts),
        departments=department_choices(facts),
    )


def _new_initial(request) -> dict:
    me = request.person
    zone_name = me.timezone
    start = timezone.now().astimezone(ZoneInfo(zone_name)) + timedelta(days=1)
    start = start.replace(hour=9, minute=0, second=0, microsecond=0)
    end = start + timedelta(hours=1)
    given = request.GET.get("start", "")
    if given:
        try:
            start = datetime.fromisoformat(given).astimezone(ZoneInfo(zone_name))
            minutes = int(request.GET.get("minutes", "60"))
            end = start + timedelta(minutes=max(15, min(minutes, 720)))
        except ValueError:
            pass

    def ids(name):
        return [int(pk) for pk in request.GET.get(name, "").split(",") if pk.isdigit()][:300]

    return {
        "day": start.date(),
        "start_time": start.time(),
        "end_time": end.time(),
        "time_zone": zone_name,
        "kind": "regular",
        "required_people": ids("required"),
        "optional_people": ids("optional"),
    }


@login_required
def meeting_create(request):
    """Schedule a meeting or a series (prefilled from a slot found by "Find a time")."""
    require(request.facts, Action.VIEW, org.company())
    form = _form(request, _new_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=actor_from(request), **_meeting_data(form))
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Meeting scheduled; the invitations are on their way."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


def _edit_initial(meeting) -> dict:
    start = _local(meeting.starts_at, meeting.time_zone)
    end = _local(meeting.ends_at, meeting.time_zone)
    participants = list(meeting.participants.all())
    repeat = describe_rule(meeting.rrule)
    return {
        "title_en": meeting.title_en,
        "title_vi": meeting.title_vi,
        "kind": meeting.kind,
        "time_zone": meeting.time_zone,
        "day": start.date(),
        "start_time": start.time(),
        "end_time": end.time(),
        "repeat": "custom" if repeat else "",
        "rrule": meeting.rrule,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "required_people": [
            p.person_id for p in participants if p.required and p.person_id != meeting.organiser_id
        ],
        "optional_people": [p.person_id for p in participants if not p.required],
        "guests": "\n".join(g.email for g in meeting.guests.all()),
        "departments": [d.pk for d in meeting.departments.all()],
        "description": meeting.description,
        "version": meeting.version,
    }


@login_required
def meeting_edit(request, pk):
    """Change a meeting, or a whole series."""
    meeting = meeting_or_404(request, pk)
    require(request.facts, Action.CHANGE, meeting)
    form = _form(request, _edit_initial(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                actor=actor_from(request),
                meeting_id=meeting.pk,
                expected_version=form.expected_version(),
                **_meeting_data(form),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved; the invitees get the update."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request, pk):
    """A meeting or series: when, who, the next and past occurrences, and its history."""
    facts = request.facts
    meeting = meeting_or_404(request, pk)
    now = timezone.now()
    context = {
        "meeting": meeting,
        "repeats": rule_in_words(meeting.rrule),
        "start": _local(meeting.starts_at, meeting.time_zone),
        "end": _local(meeting.ends_at, meeting.time_zone),
        "upcoming": selectors.upcoming_keys(meeting, now),
        "past": selectors.past_keys(meeting, now),
        "can_change": can(facts, Action.CHANGE, meeting),
        "can_cancel": can(facts, Action.DELETE, meeting),
        "history": org.history(facts, meeting),
    }
    return render(request, "meetings/meeting_detail.html", context)


@login_required
@require_POST
def meeting_cancel(request, pk):
    """Cancel a meeting or a whole series."""
    meeting = meeting_or_404(request, pk)
    require(request.facts, Action.DELETE, meeting)
    try:
        services.meeting_cancel(
            actor=actor_from(request),
            meeting_id=meeting.pk,
            expected_version=posted_version(request),
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Meeting cancelled; the invitees have been told."))
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@login_required
def find_time(request):
    """Find the earliest time the people can meet, or who blocks most."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    today = timezone.localdate()
    form = FindTimeForm(
        request.GET or None,
        initial={
            "window_start": today,
            "window_end": today + timedelta(days=13),
            "duration": 60,
            "quorum": 100,
        },
        people=people_choices(facts),
    )
    result, names, explained = None, {}, None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        search = finder.Search(
            required=tuple(data["required_people"]),
            optional=tuple(data["optional_people"]),
            must_attend=tuple(data["must_attend"]),
            duration_minutes=data["duration"],
            first_day=data["window_start"],
            last_day=data["window_end"],
            time_zone=request.person.timezone,
            quorum_percent=data["quorum"],
        )
        try:
            explained = finder.find_time_explained(search, facts, now=timezone.now())
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            result = explained.result
            people = [*search.required, *search.optional]
            names = {person.pk: person.full_name for person in people}
    context = {"form": form, "result": result, "names": names, "zone": request.person.timezone}
    if explained is not None:
        context["grid"] = grid_view(explained.grid, names)
        context["reasons"] = [reason_line(item, names) for item in explained.exclusions]
    context["has_optional"] = bool(
        form.is_bound and form.is_valid() and form.cleaned_data["optional_people"]
    )
    if result is not None:
        context.update(_schedule_links(form.cleaned_data, result, request.person.timezone))
    return render(request, "meetings/find_time.html", context)


def _schedule_links(data, result, zone_name) -> dict:
    required = ",".join(str(p.pk) for p in data["required_people"])
    optional = ",".join(str(p.pk) for p in data["optional_people"])
    minutes = data["duration"]

    def rows(slots):
        return [
            {
                "slot": slot,
                "start": _local(slot.start, zone_name),
                "end": _local(slot.end, zone_name),
                "query": f"start={slot.start.isoformat().replace('+', '%2B')}&minutes={minutes}"
                f"&required={required}&optional={optional}",
            }
            for slot in slots
        ]

    return {"slots": rows(result.slots), "closest": rows(result.closest_slots)}
