"""The planner's pages: runs list, plan setup, a run's progress and result, what-ifs, apply,
scenarios side by side."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require, visible
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department
from deptcoord.planning import exports, selectors, services
from deptcoord.planning.forms import PlanForm
from deptcoord.planning.models import PlanRun

PAGE_SIZE = 50
MAX_COMPARED = 4
DEFAULT_WEEKS = 13


def _runs_listed(request):
    """The runs the list shows (it has no filter beyond the policy), newest first."""
    return selectors.runs(request.facts).order_by("-created_at", "-id")


@login_required
def run_list(request):
    """The plans the person may see, newest first."""
    page = Paginator(_runs_listed(request), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "runs": page.object_list,
        "can_plan": bool(selectors.plannable_departments(request.facts)),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "planning/run_list.html", context)


@login_required
def runs_export(request, file_format):
    """The plans of the list, all of them, as CSV or XLSX."""
    runs = _runs_listed(request).defer(*exports.HEAVY_FIELDS)
    return audited_export(
        request,
        action="planning.run.export",
        kind="plan_runs",
        filename=exports.RUNS_FILENAME,
        headers=exports.RUN_COLUMNS,
        rows=exports.run_rows(runs),
        file_format=file_format,
    )


def _goal_choices(facts, department):
    goals = Goal.objects.filter(status=Goal.Status.ACTIVE).exclude(level=Goal.Level.PERSON)
    if department is not None:
        goals = goals.filter(department=department)
    return visible(facts, goals).order_by("priority", "period_end", "pk")


@login_required
def run_new(request):
    """Choose what to plan, the time frame and the goals; start the run."""
    facts = request.facts
    departments = selectors.plannable_departments(facts)
    if not departments and not selectors.plannable_projects(facts).exists():
        require(facts, Action.PLAN, PlanRun(department=None))
    projects = selectors.plannable_projects(facts)
    chosen = request.GET.get("department", "")
    department = get_visible_or_404(facts, Department, pk=chosen) if chosen.isdigit() else None
    project_id = request.GET.get("project", "")
    project = projects.filter(pk=project_id).first() if project_id.isdigit() else None
    if project_id and project is None:
        raise Http404
    today = timezone.localdate()
    initial = {
        "department": department or (departments[0] if departments else None),
        "project": project,
        "start": today,
        "end": today + timedelta(weeks=DEFAULT_WEEKS),
    }
    form = PlanForm(
        request.POST or None,
        initial=initial,
        departments=Department.objects.filter(pk__in=[d.pk for d in departments]),
        projects=projects,
        goals=_goal_choices(facts, department),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.plan_run_start(
                actor=actor_from(request),
                department=data["department"],
                project=data["project"],
                start=data["start"],
                end=data["end"],
                goals=list(data["goals"]) or None,
                name=data["name"],
            )
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("The planner is working on “%(name)s”.") % {"name": run})
            return redirect("planning:detail", pk=run.pk)
    return render(request, "planning/run_form.html", {"form": form})


def _run(request, pk) -> PlanRun:
    return get_visible_or_404(request.facts, selectors.runs(request.facts), pk=pk)


@login_required
def run_detail(request, pk):
    """A run: its progress while it runs, then verdicts, timeline, load and suggestions."""
    run = _run(request, pk)
    context = {
        "run": run,
        "view": selectors.result_view(run),
        "report": selectors.apply_report_view(run),
        "scenarios": list(run.scenarios.order_by("created_at")),
        "can_plan": can(request.facts, Action.PLAN, run),
        "can_apply": can(request.facts, Action.APPLY_PLAN, run),
    }
    return render(request, "planning/run_detail.html", context)


@login_required
def run_progress(request, pk):
    """The progress bar (polled by htmx); a finished run reloads the page for its result."""
    run = _run(request, pk)
    if run.is_finished:
        response = HttpResponse("")
        response["HX-Refresh"] = "true"
        return response
    return render(request, "planning/run_detail.html#progress", {"run": run})


@login_required
@require_POST
def run_what_if(request, pk, index):
    """Plan the run again with one of its suggestions, as a new scenario."""
    run = _run(request, pk)
    require(request.facts, Action.PLAN, run)
    try:
        scenario = services.plan_run_what_if(
            actor=actor_from(request), run_id=run.pk, suggestion=index
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("planning:detail", pk=run.pk)
    messages.success(request, _("The planner is trying this change as a new scenario."))
    return redirect("planning:detail", pk=scenario.pk)


@login_required
@require_POST
def run_apply(request, pk):
    """Give the steps the plan's dates and assignees; report the conflicts."""
    run = _run(request, pk)
    require(request.facts, Action.APPLY_PLAN, run)
    try:
        run = services.plan_run_apply(actor=actor_from(request), run_id=run.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        report = run.apply_report
        messages.success(
            request,
            _("Plan applied: %(applied)d steps updated, %(conflicts)d conflicts.")
            % {"applied": len(report["applied"]), "conflicts": len(report["conflicts"])},
        )
    return redirect("planning:detail", pk=run.pk)


@login_required
def compare(request):
    """Scenarios side by side: each goal's verdict in each run."""
    ids = [value for value in request.GET.getlist("run") if value.isdigit()][:MAX_COMPARED]
    chosen = {run.pk: run for run in selectors.runs(request.facts).filter(pk__in=ids)}
    if len(chosen) != len(set(ids)):
        raise Http404
    columns = []
    for pk in dict.fromkeys(int(value) for value in ids):
        run = chosen[pk]
        columns.append({"run": run, "view": selectors.result_view(run)})
    names = {}
    for column in columns:
        verdicts = {}
        for goal in column["view"]["goals"] if column["view"] else []:
            names.setdefault(goal["id"], goal["name"])
            verdicts[goal["id"]] = goal
        column["verdicts"] = verdicts
    rows = [
        {"name": name, "cells": [column["verdicts"].get(goal_id) for column in columns]}
        for goal_id, name in names.items()
    ]
    return render(request, "planning/compare.html", {"columns": columns, "rows": rows})
