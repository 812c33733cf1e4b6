"""1:1 pages: the list, scheduling, a 1:1 with talking points, private notes, action items
and check-ins on the member's key results."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.goals.forms import CheckInForm
from deptcoord.goals.models import Confidence, KeyResult
from deptcoord.org import selectors as org
from deptcoord.org.models import Person
from deptcoord.org.views.common import paginate
from deptcoord.people import exports, selectors, services
from deptcoord.people.access import one_on_one_member_filter
from deptcoord.people.forms import ActionItemForm, OneOnOneEditForm, OneOnOneForm, TextForm
from deptcoord.people.models import OneOnOne, OneOnOneActionItem, TalkingPoint
from deptcoord.people.views.common import SERVICE_ERRORS, may, report


def _members(request):
    """People the viewer may hold a 1:1 with: those of the departments they run."""
    return org.people(request.facts).filter(one_on_one_member_filter(request.facts))


def _one_on_ones_filtered(request):
    """The status asked for in the address and the 1:1s it matches."""
    status = request.GET.get("status", "")
    return status, selectors.one_on_ones(request.facts, status)


@login_required
def one_on_ones(request):
    """The viewer's 1:1s, upcoming first."""
    status, found = _one_on_ones_filtered(request)
    page = paginate(request, found)
    context = {
        "rows": page,
        "page": page,
        "status": status,
        "statuses": OneOnOne.Status.choices,
        "can_create": _members(request).exists(),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "people/one_on_one_list.html", context)


@login_required
def one_on_ones_export(request, file_format):
    """The 1:1s as filtered on screen, as CSV or XLSX: when, between whom, the status; never
    a talking point or a private note."""
    _status, found = _one_on_ones_filtered(request)
    return audited_export(
        request,
        action="people.one_on_one.export",
        kind="one_on_ones",
        filename=exports.ONE_ON_ONES_FILENAME,
        headers=exports.ONE_ON_ONE_COLUMNS,
        rows=exports.one_on_one_rows(found),
        file_format=file_format,
    )


@login_required
def one_on_one_create(request):
    """Schedule a 1:1 with a member of a department the viewer runs."""
    members = _members(request)
    if not members.exists():
        require(request.facts, Action.CHANGE, OneOnOne(member=Person(), coordinator=request.person))
    tomorrow = timezone.localdate() + timedelta(days=1)
    initial = {
        "member": request.GET.get("member"),
        "scheduled_at": timezone.make_aware(datetime.combine(tomorrow, time(9, 0))),
    }
    form = OneOnOneForm(request.POST or None, initial=initial, people=members)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.one_on_one_create(
                actor=actor_from(request),
                member=form.cleaned_data["member"],
                scheduled_at=form.cleaned_data["scheduled_at"],
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("1:1 scheduled. Add the first talking points."))
            return redirect("people:one_on_one_detail", pk=meeting.pk)
    return render(request, "people/one_on_one_form.html", {"form": form, "meeting": None})


def _forms(meeting):
    people = Person.objects.filter(pk__in=[meeting.coordinator_id, meeting.member_id])
    return {
        "point_form": TextForm(prefix="point"),
        "note_form": TextForm(prefix="note"),
        "item_form": ActionItemForm(
            prefix="item", initial={"owner": meeting.member_id}, people=people
        ),
    }


@login_required
def one_on_one_detail(request, pk, **forms):
    """A 1:1: shared talking points and action items, the viewer's own private notes, and the
    member's key results to check in on."""
    facts = request.facts
    meeting = get_visible_or_404(facts, selectors.one_on_one_detail_queryset(), pk=pk)
    participant = may(request, Action.ANNOTATE, meeting)  # one of its two people
    notes = selectors.my_notes(facts, meeting)
    services.reads_record(actor=actor_from(request), notes=notes)
    context = {
        "meeting": meeting,
        "points": list(meeting.talking_points.all()),
        "items": list(meeting.action_items.all()),
        "notes": notes,
        "participant": participant,
        "can_change": may(request, Action.CHANGE, meeting),
        "key_results": selectors.member_key_results(facts, meeting) if participant else [],
        "confidences": Confidence.choices,
        "history": org.history(facts, meeting),
        **(_forms(meeting) if participant else {}),
        **forms,
    }
    return render(request, "people/one_on_one_detail.html", context)


@login_required
def one_on_one_edit(request, pk):
    """Reschedule a 1:1, or record that it was held or cancelled."""
    meeting = get_visible_or_404(request.facts, OneOnOne, pk=pk)
    require(request.facts, Action.CHANGE, meeting)
    initial = {
        "scheduled_at": meeting.scheduled_at,
        "status": meeting.status,
        "version": meeting.version,
    }
    form = OneOnOneEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.one_on_one_update(
                actor=actor_from(request),
                one_on_one_id=meeting.pk,
                expected_version=form.expected_version(),
                status=form.cleaned_data["status"],
                scheduled_at=form.cleaned_data["scheduled_at"],
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:one_on_one_detail", pk=meeting.pk)
    return render(request, "people/one_on_one_form.html", {"form": form, "meeting": meeting})


def _participant_meeting(request, pk) -> OneOnOne:
    meeting = get_visible_or_404(request.facts, OneOnOne, pk=pk)
    require(request.facts, Action.ANNOTATE, meeting)
    return meeting


@login_required
@require_POST
def talking_point_add(request, pk):
    """Either side adds a talking point."""
    meeting = _participant_meeting(request, pk)
    form = TextForm(request.POST, prefix="point")
    if form.is_valid():
        try:
            services.talking_point_add(
                actor=actor_from(request), one_on_one_id=meeting.pk, text=form.cleaned_data["body"]
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Talking point added."))
            return redirect("people:one_on_one_detail", pk=meeting.pk)
    return one_on_one_detail(request, meeting.pk, point_form=form)


@login_required
@require_POST
def talking_point_mark(request, pk):
    """Tick a talking point off as covered, or open it again."""
    point = get_visible_or_404(
        request.facts, TalkingPoint.objects.select_related("one_on_one"), pk=pk
    )
    require(request.facts, Action.CHANGE, point)
    services.talking_point_mark(
        actor=actor_from(request), point_id=point.pk, covered=request.POST.get("covered") == "1"
    )
    return redirect("people:one_on_one_detail", pk=point.one_on_one_id)


@login_required
@require_POST
def private_note_add(request, pk):
    """Write a private note only the writer will see."""
    meeting = _participant_meeting(request, pk)
    form = TextForm(request.POST, prefix="note")
    if form.is_valid():
        try:
            services.private_note_add(
                actor=actor_from(request), one_on_one_id=meeting.pk, body=form.cleaned_data["body"]
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Private note saved. Only you can see it."))
            return redirect("people:one_on_one_detail", pk=meeting.pk)
    return one_on_one_detail(request, meeting.pk, note_form=form)


@login_required
@require_POST
def action_item_add(request, pk):
    """Agree on an action item."""
    meeting = _participant_meeting(request, pk)
    people = Person.objects.filter(pk__in=[meeting.coordinator_id, meeting.member_id])
    form = ActionItemForm(request.POST, prefix="item", people=people)
    if form.is_valid():
        try:
            services.action_item_add(
                actor=actor_from(request),
                one_on_one_id=meeting.pk,
                text=form.cleaned_data["text"],
                owner=form.cleaned_data["owner"],
                due=form.cleaned_data["due"],
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Action item added."))
            return redirect("people:one_on_one_detail", pk=meeting.pk)
    return one_on_one_detail(request, meeting.pk, item_form=form)


@login_required
@require_POST
def action_item_mark(request, pk):
    """Tick an action item off, or open it again."""
    item = get_visible_or_404(
        request.facts, OneOnOneActionItem.objects.select_related("one_on_one"), pk=pk
    )
    require(request.facts, Action.CHANGE, item)
    services.action_item_mark(
        actor=actor_from(request), item_id=item.pk, done=request.POST.get("done") == "1"
    )
    return redirect("people:one_on_one_detail", pk=item.one_on_one_id)


@login_required
@require_POST
def one_on_one_check_in(request, pk):
    """Check in on one of the member's key results during the 1:1."""
    meeting = _participant_meeting(request, pk)
    key_result_id = request.POST.get("key_result", "")
    if not key_result_id.isdigit() or len(key_result_id) > 18:
        messages.error(request, _("Choose the key result to check in on."))
        return redirect("people:one_on_one_detail", pk=meeting.pk)
    key_result = get_visible_or_404(request.facts, KeyResult, pk=int(key_result_id))
    require(request.facts, Action.CHECK_IN, key_result)
    form = CheckInForm(request.POST, key_result=key_result)
    if form.is_valid():
        try:
            services.one_on_one_check_in(
                actor=actor_from(request),
                one_on_one_id=meeting.pk,
                key_result=key_result,
                **{
                    name: form.cleaned_data[name]
                    for name in ("value", "confidence", "note")
                    if name in form.cleaned_data
                },
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Check-in saved."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("people:one_on_one_detail", pk=meeting.pk)
