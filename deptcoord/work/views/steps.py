"""Steps: a step's page with inline edit, progress, links, comments and time; creating steps;
"my steps" and a department's steps across all projects."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require, visible
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import ServiceOutcome, error_messages, show_denial
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.work import exports, selectors, services
from deptcoord.work import messages as messages_
from deptcoord.work.forms import CommentForm, DependencyForm, ProgressForm, StepForm, TimeForm
from deptcoord.work.models import Dependency, Project, Step, StepComment, TimeEntry
from deptcoord.work.services.shifts import shift_preview
from deptcoord.work.services.step_checks import STEP_FIELDS
from deptcoord.work.views import step_lists
from deptcoord.work.views.common import (
    SERVICE_ERRORS,
    STEPS_PER_PAGE,
    all_departments,
    cleaned,
    int_param,
    people_choices,
    posted_version,
    report,
    skill_choices,
)

FORM_FIELDS = [f for f in STEP_FIELDS if f != "project"]


def run_status(error: Exception) -> int:
    """The status of a page answering a service's refusal (409 stale, 400 bad input)."""
    return ServiceOutcome(error=error).status


def _step(request, pk, action=Action.VIEW) -> Step:
    step = get_visible_or_404(request.facts, selectors.step_detail_queryset(), pk=pk)
    if action != Action.VIEW:
        require(request.facts, action, step)
    return step


def _step_form(request, initial, data=None):
    facts = request.facts
    return StepForm(
        data,
        initial=initial,
        departments=all_departments(facts),
        people=people_choices(facts),
        skills=skill_choices(facts, initial.get("required_skill")),
    )


def _step_context(request, step, **extra) -> dict:
    facts = request.facts
    before, after = selectors.step_links(facts, step)
    can_change = can(facts, Action.CHANGE, step)
    context = {
        "step": step,
        "before": before,
        "after": after,
        "comments": selectors.step_comments(step),
        "time_entries": selectors.step_time(step)[:100],
        "logged": sum(entry.hours for entry in selectors.step_time(step)),
        "can_change": can_change,
        "can_progress": can(facts, Action.UPDATE_PROGRESS, step),
        "can_comment": can(facts, Action.COMMENT, step),
        "can_log": can(facts, Action.LOG_TIME, step),
        "can_delete": can(facts, Action.DELETE, step),
        "progress_form": ProgressForm(
            initial={"status": step.status, "progress": step.progress, "version": step.version}
        ),
        "comment_form": CommentForm(),
        "time_form": TimeForm(initial={"date": timezone.localdate()}),
        "link_form": DependencyForm(steps=selectors.link_choices(facts, step))
        if can_change
        else None,
        "history": org.history(facts, step),
        # An assignee from outside the project sees the step, not the project's name.
        "project_visible": bool(step.project_id)
        and visible(facts, Project.objects.filter(pk=step.project_id)).exists(),
        "me_id": request.person.pk,
    }
    context.update(extra)
    return context


@login_required
def step_detail(request, pk):
    """A step: what it is, what it waits for and what waits for it, its discussion and time."""
    step = _step(request, pk)
    context = _step_context(request, step)
    if request.GET.get("pushed") and context["can_change"]:
        preview = shift_preview(
            request.facts, step, step.start, step.due, messages_.SHIFT_OUT_OF_REACH
        )
        context["shift_preview"] = preview if preview.count else None
    return render(request, "work/step_detail.html", context)


def _initial(step: Step) -> dict:
    initial = {field: getattr(step, field) for field in FORM_FIELDS}
    initial.update(
        department=step.department_id,
        assignee=step.assignee_id,
        required_skill=step.required_skill_id,
        version=step.version,
    )
    return initial


@login_required
def step_edit(request, pk):
    """Edit a step in place (an htmx fragment on the step's page, or a page of its own)."""
    step = _step(request, pk, Action.CHANGE)
    form = _step_form(request, _initial(step), request.POST or None)
    if request.method == "POST" and form.is_valid():
        old_due = step.due
        try:
            step = services.step_update(
                actor=actor_from(request),
                step_id=step.pk,
                expected_version=form.expected_version(),
                **cleaned(form, FORM_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(
                form, refusal, _("This change would take the step out of your reach."), None
            )
        else:
            messages.success(request, _("Changes saved."))
            # A later due date may push waiting steps: the step's page offers to move them.
            later = old_due is not None and step.due is not None and step.due > old_due
            url = reverse("work:step", args=[step.pk]) + ("?pushed=1" if later else "")
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
    template = "work/step_form.html#step-form" if request.htmx else "work/step_form.html"
    return render(request, template, {"form": form, "step": step, "project": step.project})


@login_required
def step_create(request):
    """A new step, in ``?project=`` or for ``?department=`` (a department activity)."""
    facts = request.facts
    project = None
    project_id = int_param(request, "project")
    if project_id:
        project = get_visible_or_404(facts, Project, pk=project_id)
        require(facts, Action.ADD_STEP, project)
    else:
        require(facts, Action.VIEW, org.company())
    department_id = int_param(request, "department")
    if department_id is None:
        runs = facts.departments_run()
        mine = request.person.primary_department_id
        department_id = mine if mine in runs or not runs else sorted(runs)[0]
        if project is not None and not project.departments.filter(pk=department_id).exists():
            department_id = project.lead_department_id
    initial = {
        "department": department_id,
        "status": Step.Status.TODO,
        "priority": Step.Priority.MEDIUM,
        "progress": 0,
        "start": timezone.localdate(),
    }
    form = _step_form(request, initial, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            step = services.step_create(
                actor=actor_from(request), project=project, **cleaned(form, FORM_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(
                form, refusal, _("You cannot add steps for this department here."), "department"
            )
        else:
            messages.success(request, _("Step “%(title)s” added.") % {"title": step.title})
            if "add_another" in request.POST:
                return redirect(request.get_full_path())
            return redirect("work:step", pk=step.pk)
    return render(request, "work/step_form.html", {"form": form, "step": None, "project": project})


@login_required
@require_POST
def step_progress(request, pk):
    """Change a step's status and progress (from its page, or by moving its card on the board:
    the card comes back as it now is, with the reason when the move was refused)."""
    step = _step(request, pk, Action.UPDATE_PROGRESS)
    board = bool(request.htmx and request.POST.get("board"))
    form = ProgressForm(request.POST)
    refusal, status = None, 200
    if form.is_valid():
        try:
            step = services.step_progress(
                actor=actor_from(request),
                step_id=step.pk,
                expected_version=form.expected_version(),
                status=form.cleaned_data["status"],
                progress=form.cleaned_data.get("progress"),
            )
        except SERVICE_ERRORS as error:
            refusal, status = " ".join(error_messages(error)), run_status(error)
            if not board:
                report(request, error)
    else:
        refusal, status = " ".join(m for errors in form.errors.values() for m in errors), 400
        if not board:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
    if board:
        if refusal:
            step = _step(request, pk)
        context = {"step": step, "movable": {step.pk}, "statuses": Step.Status.choices}
        return render(
            request, "work/project_board.html#card", context | {"refusal": refusal}, status=status
        )
    return redirect("work:step", pk=step.pk)


@login_required
@require_POST
def step_delete(request, pk):
    """Delete a step."""
    step = _step(request, pk, Action.DELETE)
    project_id = step.project_id
    try:
        services.step_delete(
            actor=actor_from(request), step_id=step.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        report(request, error)
        return redirect("work:step", pk=step.pk)
    messages.success(request, _("Step deleted."))
    if project_id:
        return redirect("work:project", pk=project_id)
    return redirect("work:my_steps")


@login_required
@require_POST
def step_flag_clear(request, pk):
    """Acknowledge a slip flag."""
    step = _step(request, pk, Action.CHANGE)
    try:
        services.step_flag_clear(
            actor=actor_from(request), step_id=step.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    return redirect("work:step", pk=step.pk)


@login_required
@require_POST
def dependency_add(request, pk):
    """Make this step wait for another."""
    step = _step(request, pk, Action.CHANGE)
    form = DependencyForm(request.POST, steps=selectors.link_choices(request.facts, step))
    if form.is_valid():
        try:
            services.dependency_create(
                actor=actor_from(request),
                predecessor=form.cleaned_data["predecessor"],
                successor=step,
                lag_days=form.cleaned_data.get("lag_days") or 0,
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Link added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("work:step", pk=step.pk)


@login_required
@require_POST
def dependency_delete(request, pk):
    """Remove a link between two steps."""
    link = get_visible_or_404(request.facts, Dependency, pk=pk)
    require(request.facts, Action.DELETE, link)
    back = request.POST.get("step", "")
    services.dependency_delete(actor=actor_from(request), dependency_id=link.pk)
    messages.success(request, _("Link removed."))
    return redirect("work:step", pk=int(back) if back.isdigit() else link.successor_id)


@login_required
@require_POST
def comment_add(request, pk):
    """Post a comment; people mentioned are notified."""
    step = _step(request, pk, Action.COMMENT)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_post(
                actor=actor_from(request), step=step, body=form.cleaned_data["body"]
            )
        except SERVICE_ERRORS as error:
            report(request, error)
    else:
        messages.error(request, _("Write something before posting."))
    return redirect(reverse("work:step", args=[step.pk]) + "#comments")


@login_required
@require_POST
def comment_delete(request, pk):
    """Remove a comment."""
    comment = get_visible_or_404(request.facts, StepComment, pk=pk)
    require(request.facts, Action.DELETE, comment)
    services.comment_delete(actor=actor_from(request), comment_id=comment.pk)
    return redirect("work:step", pk=comment.step_id)


@login_required
@require_POST
def time_log(request, pk):
    """Log time spent on the step."""
    step = _step(request, pk, Action.LOG_TIME)
    form = TimeForm(request.POST)
    if form.is_valid():
        try:
            services.time_log(
                actor=actor_from(request), step=step, **cleaned(form, ["date", "hours", "note"])
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Time logged."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("work:step", args=[step.pk]) + "#time")


@login_required
@require_POST
def time_entry_delete(request, pk):
    """Remove a time entry."""
    entry = get_visible_or_404(request.facts, TimeEntry, pk=pk)
    require(request.facts, Action.DELETE, entry)
    services.time_entry_delete(actor=actor_from(request), entry_id=entry.pk)
    return redirect("work:step", pk=entry.step_id)


MY_STEPS_SHOWN = 500


@login_required
def my_steps(request):
    """The viewer's open steps across projects and departments, soonest due first (those
    without a due date last); status, assignee and due date change in place or for the
    selected steps at once (POST)."""
    outcome = step_lists.bulk_change(request) if request.method == "POST" else {}
    steps = step_lists.prepare_rows(
        request.facts, selectors.my_steps(request.facts, request.person)[:MY_STEPS_SHOWN]
    )
    today = timezone.localdate()
    context = {
        "steps": steps,
        "today": today,
        "soon": today + timedelta(days=7),
        **step_lists.list_context(steps, "mine"),
        **outcome,
    }
    template = "work/my_steps.html#step-table" if request.htmx else "work/my_steps.html"
    return render(request, template, context)


@login_required
@require_POST
def step_inline(request, pk):
    """Change a step's status, assignee or due date from its row in a list; the row comes
    back as it now is (with the reason when the change was refused)."""
    field = request.POST.get("field", "")
    step = _step(request, pk, Action.UPDATE_PROGRESS if field == "status" else Action.CHANGE)
    problems = step_lists.inline_change(request, step)
    fresh = selectors.steps(request.facts, Step.objects.filter(pk=step.pk)).first()
    if fresh is None:  # the change took the step out of the list's reach
        return HttpResponse("")
    rows = step_lists.prepare_rows(request.facts, [fresh])
    layout = request.POST.get("layout", "")
    context = {
        "step": rows[0],
        "row_problems": problems,
        "row_field": request.POST.get("field", ""),
        "today": timezone.localdate(),
        **step_lists.list_context(rows, layout),
        "selectable": True,
        "hide_project": layout == "project",
        "hide_department": layout == "department",
    }
    return render(request, "work/_step_rows.html#step-row", context)


@login_required
def my_steps_export(request, file_format):
    """The viewer's open steps as CSV or XLSX."""
    rows = exports.step_rows(selectors.my_steps(request.facts, request.person))
    return audited_export(
        request,
        action="work.step.export",
        kind="steps",
        filename=exports.MY_STEPS_FILENAME,
        headers=exports.STEP_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


@login_required
def department_steps(request, pk):
    """A department's steps across all projects ("our steps"), filterable."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.VIEW_DETAILS, department)
    outcome = step_lists.bulk_change(request) if request.method == "POST" else {}
    filters = _department_step_filters(request)
    steps = selectors.steps(facts, Step.objects.filter(department=department), **filters)
    page = Paginator(steps, STEPS_PER_PAGE).get_page(request.GET.get("page"))
    rows = step_lists.prepare_rows(facts, page.object_list)
    today = timezone.localdate()
    context = {
        "department": department,
        "time_by_person": selectors.time_totals(
            selectors.steps(facts, Step.objects.filter(department=department)), "assignee"
        ),
        "month_start": today.replace(day=1),
        "page": page,
        "filters": filters,
        "people": selectors.department_people(department),
        "today": timezone.localdate(),
        "can_add": can(facts, Action.CHANGE, Step(department=department)),
        "query_string": request.GET.urlencode(),
        "steps": rows,
        **step_lists.list_context(rows, "department"),
        **outcome,
    }
    template = (
        "work/department_steps.html#step-table" if request.htmx else "work/department_steps.html"
    )
    return render(request, template, context)


@login_required
def department_steps_export(request, pk, file_format):
    """A department's steps as filtered on screen, as CSV or XLSX."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.EXPORT, department)
    steps = selectors.steps(
        facts, Step.objects.filter(department=department), **_department_step_filters(request)
    )
    return audited_export(
        request,
        action="work.step.export",
        target=department,
        filename=f"{department.code}-{exports.STEPS_FILENAME}",
        headers=exports.STEP_COLUMNS,
        rows=exports.step_rows(steps),
        file_format=file_format,
    )


def _department_step_filters(request) -> dict:
    return {
        "status": request.GET.get("status", "open"),
        "assignee_id": int_param(request, "assignee"),
        "query": request.GET.get("q", "").strip()[:100],
        "flagged": request.GET.get("flagged") == "1",
    }
