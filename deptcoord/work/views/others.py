"""Requests between departments, recurring activities, the workload heat map and timesheets."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require, visible
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import show_denial
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.work import exports, selectors, services
from deptcoord.work.forms import AcceptForm, DeclineForm, RecurringForm, RequestForm
from deptcoord.work.models import Project, RecurringActivity, Request, Step
from deptcoord.work.services.recurring import RECURRING_FIELDS
from deptcoord.work.views.common import (
    SERVICE_ERRORS,
    all_departments,
    cleaned,
    int_param,
    people_choices,
    posted_version,
    report,
    run_departments,
)

REQUEST_FIELDS = [
    "from_department",
    "to_department",
    "title",
    "reason",
    "due",
    "effort_hours",
    "project",
]


def _requests_filtered(request):
    box = request.GET.get("box", "incoming")
    state = request.GET.get("state", "pending")
    if state not in Request.State.values and state != "":
        state = "pending"
    found = selectors.requests(
        request.facts, box=box if box in ("incoming", "outgoing") else "", state=state
    )
    return box, state, found


@login_required
def request_list(request):
    """Requests to and from the viewer's departments; those waiting too long are flagged."""
    facts = request.facts
    box, state, found = _requests_filtered(request)
    now = timezone.now()
    rows = [(item, selectors.is_stale(item, now)) for item in found[:200]]
    context = {
        "rows": rows,
        "box": box,
        "state": state,
        "states": Request.State.choices,
        "can_send": bool(run_departments(facts)),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "work/request_list.html", context)


@login_required
def requests_export(request, file_format):
    """The requests as filtered on screen, as CSV or XLSX."""
    _box, _state, found = _requests_filtered(request)
    rows = exports.request_rows(found)
    return audited_export(
        request,
        action="work.request.export",
        kind="requests",
        filename=exports.REQUESTS_FILENAME,
        headers=exports.REQUEST_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


@login_required
def request_create(request):
    """Ask another department for work."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    runs = run_departments(facts)
    project_id = int_param(request, "project")
    initial = {
        "from_department": runs.first().pk if runs.exists() else None,
        "due": timezone.localdate() + timedelta(days=14),
        "project": project_id,
    }
    form = RequestForm(
        request.POST or None,
        initial=initial,
        from_departments=runs,
        to_departments=all_departments(facts),
        projects=visible(facts, Project.objects.exclude(status__in=["done", "cancelled"])),
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.request_send(actor=actor_from(request), **cleaned(form, REQUEST_FIELDS))
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, _("You do not run this department."), "from_department")
        else:
            messages.success(
                request,
                _("Request sent to %(department)s.") % {"department": sent.to_department.name},
            )
            return redirect("work:request", pk=sent.pk)
    return render(request, "work/request_form.html", {"form": form})


def _request(request, pk, action=Action.VIEW) -> Request:
    found = get_visible_or_404(
        request.facts,
        Request.objects.select_related(
            "from_department", "to_department", "project", "requested_by", "answered_by", "step"
        ),
        pk=pk,
    )
    if action != Action.VIEW:
        require(request.facts, action, found)
    return found


@login_required
def request_detail(request, pk):
    """A request, with accept and decline for the receiving department."""
    facts = request.facts
    found = _request(request, pk)
    can_answer = found.is_pending and can(facts, Action.ANSWER, found)
    context = {
        "item": found,
        "stale": selectors.is_stale(found),
        "can_answer": can_answer,
        "can_withdraw": found.is_pending and can(facts, Action.CHANGE, found),
        "accept_form": AcceptForm(
            initial={"version": found.version},
            people=selectors.department_people(found.to_department),
        )
        if can_answer
        else None,
        "decline_form": DeclineForm(initial={"version": found.version}) if can_answer else None,
        "history": org.history(facts, found),
        "project_visible": found.project_id is not None
        and visible(facts, Project.objects.filter(pk=found.project_id)).exists(),
        "step_visible": found.step_id is not None
        and visible(facts, Step.objects.filter(pk=found.step_id)).exists(),
    }
    return render(request, "work/request_detail.html", context)


@login_required
@require_POST
def request_accept(request, pk):
    """Accept a request: it becomes a step of this department."""
    found = _request(request, pk, Action.ANSWER)
    form = AcceptForm(request.POST, people=selectors.department_people(found.to_department))
    if form.is_valid():
        try:
            services.request_accept(
                actor=actor_from(request),
                request_id=found.pk,
                expected_version=form.expected_version(),
                assignee=form.cleaned_data.get("assignee"),
                proposed_due=form.cleaned_data.get("proposed_due"),
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Request accepted; it is now a step of your department."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("work:request", pk=found.pk)


@login_required
@require_POST
def request_decline(request, pk):
    """Decline a request with the reason."""
    found = _request(request, pk, Action.ANSWER)
    form = DeclineForm(request.POST)
    try:
        services.request_decline(
            actor=actor_from(request),
            request_id=found.pk,
            expected_version=posted_version(request),
            reason=form.data.get("reason", ""),
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Request declined."))
    return redirect("work:request", pk=found.pk)


@login_required
@require_POST
def request_withdraw(request, pk):
    """Withdraw a pending request."""
    found = _request(request, pk, Action.CHANGE)
    try:
        services.request_withdraw(
            actor=actor_from(request), request_id=found.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Request withdrawn."))
    return redirect("work:request", pk=found.pk)


def _recurring_filtered(request):
    """The recurring activities of the department asked for in the address (or all)."""
    return selectors.recurring(request.facts, int_param(request, "department"))


@login_required
def recurring_list(request):
    """Recurring department activities and their next occurrences."""
    facts = request.facts
    context = {
        "activities": _recurring_filtered(request),
        "can_create": bool(run_departments(facts)),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "work/recurring_list.html", context)


@login_required
def recurring_export(request, file_format):
    """The recurring activities as filtered on screen, as CSV or XLSX."""
    activities = _recurring_filtered(request).select_related("project")
    return audited_export(
        request,
        action="work.recurring.export",
        kind="recurring_activities",
        filename=exports.RECURRING_FILENAME,
        headers=exports.RECURRING_COLUMNS,
        rows=exports.recurring_rows(activities),
        file_format=file_format,
    )


def _recurring_form(request, initial):
    facts = request.facts
    return RecurringForm(
        request.POST or None,
        initial=initial,
        departments=run_departments(facts),
        people=people_choices(facts),
    )


@login_required
def recurring_create(request):
    """Set up a recurring activity."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    initial = {
        "department": request.person.primary_department_id,
        "starts_on": timezone.localdate(),
        "rrule": "FREQ=WEEKLY;BYDAY=FR",
        "lead_days": 14,
        "is_active": True,
    }
    form = _recurring_form(request, initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.recurring_create(actor=actor_from(request), **cleaned(form, RECURRING_FIELDS))
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, _("You do not run this department."), "department")
        else:
            messages.success(request, _("Recurring activity saved; its first steps are created."))
            return redirect("work:recurring")
    return render(request, "work/recurring_form.html", {"form": form, "activity": None})


@login_required
def recurring_edit(request, pk):
    """Change a recurring activity."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    require(request.facts, Action.CHANGE, activity)
    initial = {field: getattr(activity, field) for field in RECURRING_FIELDS}
    initial.update(
        department=activity.department_id, assignee=activity.assignee_id, version=activity.version
    )
    form = _recurring_form(request, initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.recurring_update(
                actor=actor_from(request),
                activity_id=activity.pk,
                expected_version=form.expected_version(),
                **cleaned(form, [f for f in RECURRING_FIELDS if f != "project"]),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("work:recurring")
    return render(request, "work/recurring_form.html", {"form": form, "activity": activity})


@login_required
@require_POST
def recurring_delete(request, pk):
    """Remove a recurring activity (its steps stay)."""
    activity = get_visible_or_404(request.facts, RecurringActivity, pk=pk)
    require(request.facts, Action.DELETE, activity)
    services.recurring_delete(actor=actor_from(request), activity_id=activity.pk)
    messages.success(request, _("Recurring activity removed; the steps it created stay."))
    return redirect("work:recurring")


@login_required
def workload(request):
    """A department's workload: each person's assigned effort per week against capacity."""
    facts = request.facts
    departments = all_departments(facts)
    department_id = int_param(request, "department") or request.person.primary_department_id
    department = get_visible_or_404(facts, Department, pk=department_id) if department_id else None
    if department is not None:
        require(facts, Action.VIEW_DETAILS, department)
    weeks = min(int_param(request, "weeks") or 8, 26)
    people = (
        selectors.overseen(facts, selectors.department_people(department)) if department else []
    )
    rows = selectors.workload_for(people, weeks)
    context = {
        "department": department,
        "departments": departments,
        "rows": rows,
        "weeks": weeks,
        "causes": selectors.overload_causes(visible(facts, Step.objects.all()), rows),
    }
    return render(request, "work/workload.html", context)


def _period(request) -> tuple[date, date]:
    today = timezone.localdate()
    start = parse_date(request.GET.get("start", "") or "") or today.replace(day=1)
    end = parse_date(request.GET.get("end", "") or "") or today
    if end < start or (end - start).days > 400:
        raise Http404
    return start, end


@login_required
def timesheet_export(request, file_format):
    """Time entries of a period (``?start=&end=&department=``) as CSV or XLSX."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    try:
        start, end = _period(request)
    except ValueError:
        raise Http404 from None
    entries = selectors.timesheet(facts, start, end, int_param(request, "department"))
    rows = exports.timesheet_rows(entries)
    return audited_export(
        request,
        action="work.time.export",
        kind="timesheet",
        filename=f"{exports.TIMESHEET_FILENAME}-{start.isoformat()}-{end.isoformat()}",
        headers=exports.TIMESHEET_COLUMNS,
        rows=rows,
        file_format=file_format,
    )
