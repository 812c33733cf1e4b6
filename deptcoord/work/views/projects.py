"""Projects: the list, a project's overview, timeline, board, budget, time and workload tabs,
creating and changing projects, exports and the plan import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, allowed, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.import_views import import_confirm_page, import_upload_page
from deptcoord.core.money import format_money
from deptcoord.core.service_calls import show_denial
from deptcoord.org import selectors as org
from deptcoord.work import exports, imports, selectors, services
from deptcoord.work.access import steps_allowing
from deptcoord.work.forms import ExpenseForm, ProjectForm
from deptcoord.work.models import Project, Step
from deptcoord.work.project_actions import project_buttons
from deptcoord.work.services.projects import PROJECT_FIELDS, PROJECT_LINKS
from deptcoord.work.views import step_lists
from deptcoord.work.views.common import (
    SERVICE_ERRORS,
    STEPS_PER_PAGE,
    all_departments,
    cleaned,
    goal_choices,
    int_param,
    people_choices,
    posted_version,
    report,
    run_departments,
)

PROJECTS_PER_PAGE = 50  # project cards on the list, a page at a time
DONE_SHOWN = 50  # done steps listed under the open ones on a project's page (the rest filtered)


def _project(request, pk, action=Action.VIEW) -> Project:
    project = get_visible_or_404(request.facts, selectors.project_detail_queryset(), pk=pk)
    if action != Action.VIEW:
        require(request.facts, action, project)
    return project


def _header(request, project, tab) -> dict:
    facts = request.facts
    actions = allowed(facts, project)
    return {
        "project": project,
        "tab": tab,
        "can_change": Action.CHANGE in actions,
        "can_add_step": Action.ADD_STEP in actions,
        "can_spend": Action.SPEND in actions,
        "can_view_budget": Action.VIEW_BUDGET in actions,
        "project_buttons": project_buttons(facts, project),
        "departments": list(project.departments.order_by("code")),
    }


def _list_filters(request) -> dict:
    return {
        "status": request.GET.get("status", "open"),
        "department_id": int_param(request, "department"),
        "query": request.GET.get("q", "").strip()[:100],
    }


@login_required
def project_list(request):
    """The projects the viewer may see, filterable by status, department and text, fifty a
    page."""
    facts = request.facts
    filters = _list_filters(request)
    projects = selectors.projects(facts, **filters)
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "projects": page.object_list,
        "page": page,
        "filters": filters,
        "statuses": Project.Status.choices,
        "department_choices": all_departments(facts),
        "can_create": bool(run_departments(facts)),
        "stale_requests": selectors.stale_count(facts),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "work/project_list.html", context)


@login_required
def projects_export(request, file_format):
    """The projects as filtered on screen, as CSV or XLSX."""
    require(request.facts, Action.VIEW, org.company())
    rows = exports.project_rows(selectors.projects(request.facts, **_list_filters(request)))
    return audited_export(
        request,
        action="work.project.export",
        kind="projects",
        filename=exports.PROJECTS_FILENAME,
        headers=exports.PROJECT_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


def _form(request, initial, project=None):
    facts = request.facts
    return ProjectForm(
        request.POST or None,
        initial=initial,
        departments=all_departments(facts),
        lead_departments=run_departments(facts) if project is None else all_departments(facts),
        people=people_choices(facts),
        goals=goal_choices(facts),
    )


@login_required
def project_create(request):
    """A new project led by a department the viewer runs."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    today = timezone.localdate()
    initial = {
        "lead_department": request.person.primary_department_id,
        "coordinator": request.person.pk,
        "start": today,
        "end": today.replace(year=today.year + (today.month > 9), month=(today.month + 2) % 12 + 1),
        "status": Project.Status.PLANNED,
        "currency": "VND",
        "budget_alert_percent": 80,
    }
    form = _form(request, initial)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(
                actor=actor_from(request), **cleaned(form, PROJECT_FIELDS + PROJECT_LINKS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, _("You do not run this department."), "lead_department")
        else:
            messages.success(request, _("Project “%(title)s” created.") % {"title": project.title})
            return redirect("work:project", pk=project.pk)
    return render(request, "work/project_form.html", {"form": form, "project": None})


@login_required
def project_edit(request, pk):
    """Change a project's fields, departments, goals and guests."""
    project = _project(request, pk, Action.CHANGE)
    initial = {field: getattr(project, field) for field in PROJECT_FIELDS}
    initial.update(
        lead_department=project.lead_department_id,
        coordinator=project.coordinator_id,
        departments=list(project.departments.values_list("pk", flat=True)),
        goals=list(project.goals.values_list("pk", flat=True)),
        invited=list(project.invited.values_list("pk", flat=True)),
        version=project.version,
    )
    form = _form(request, initial, project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                actor=actor_from(request),
                project_id=project.pk,
                expected_version=form.expected_version(),
                **cleaned(form, PROJECT_FIELDS + PROJECT_LINKS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(
                form, refusal, _("This change would take the project out of your reach."), None
            )
        else:
            messages.success(request, _("Changes saved."))
            return redirect("work:project", pk=project.pk)
    return render(request, "work/project_form.html", {"form": form, "project": project})


@login_required
def project_detail(request, pk):
    """A project's overview and its filterable list of steps."""
    facts = request.facts
    project = _project(request, pk)
    outcome = step_lists.bulk_change(request) if request.method == "POST" else {}
    filters = {
        "status": request.GET.get("status", ""),
        "department_id": int_param(request, "department"),
        "query": request.GET.get("q", "").strip()[:100],
        "flagged": request.GET.get("flagged") == "1",
    }
    steps = selectors.project_steps(facts, project, **filters)
    done_steps, done_count = [], 0
    if not filters["status"]:
        # Open steps first, by due date; the done ones folded underneath.
        done = steps.filter(status=Step.Status.DONE)
        done_count = done.count()
        done_steps = list(done.order_by("-completed_on", "-id")[:DONE_SHOWN]) if done_count else []
        steps = steps.exclude(status=Step.Status.DONE)
    page = Paginator(steps, STEPS_PER_PAGE).get_page(request.GET.get("page"))
    rows = step_lists.prepare_rows(facts, [*page.object_list, *done_steps])
    open_rows, done_rows = rows[: len(rows) - len(done_steps)], rows[len(rows) - len(done_steps) :]
    header = _header(request, project, "overview")
    goals, hidden_goals = selectors.goals_served(facts, project)
    context = header | {
        "page": page,
        "filters": filters,
        "steps": open_rows,
        "done_steps": done_rows,
        "done_count": done_count,
        "done_more": done_count > len(done_rows),
        **step_lists.list_context(rows, "project"),
        **outcome,
        "goals": goals,
        "hidden_goals": hidden_goals,
        "budget": selectors.budget(project) if header["can_view_budget"] else None,
        "history": org.history(facts, project),
        "requests": selectors.requests(facts).filter(project=project)[:20],
        "query_string": request.GET.urlencode(),
    }
    template = "work/project_detail.html#step-table" if request.htmx else "work/project_detail.html"
    return render(request, template, context)


@login_required
def project_steps_export(request, pk, file_format):
    """The project's steps as CSV or XLSX."""
    project = _project(request, pk, Action.EXPORT)
    rows = exports.step_rows(selectors.project_steps(request.facts, project))
    return audited_export(
        request,
        action="work.step.export",
        target=project,
        filename=f"{project.code}-{exports.STEPS_FILENAME}",
        headers=exports.STEP_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


def _gantt_tasks(timeline, step_base: str, editable: set[int]) -> list[dict]:
    tasks = []
    for row in timeline.rows:
        step = row.step
        # frappe-gantt takes one class per bar: the most telling one wins.
        if row.critical:
            css = "wk-critical"
        elif step.flagged:
            css = "wk-flagged"
        elif step.is_done:
            css = "wk-done"
        else:
            css = f"wk-{step.status}"
        tasks.append(
            {
                "id": f"s{step.pk}",
                "name": f"{step.title} · {step.department.code}",
                "start": row.start.isoformat(),
                "end": row.end.isoformat(),
                "progress": step.progress,
                "dependencies": ",".join(f"s{pk}" for pk in row.predecessors),
                "custom_class": css,
                "url": f"{step_base}{step.pk}/",
                # Bars of steps the reader may change can be dragged (a preview comes first).
                "editable": step.pk in editable,
                "preview": f"{step_base}{step.pk}/reschedule/preview/",
            }
        )
    return tasks


@login_required
def project_timeline(request, pk):
    """The project on a timeline with its dependencies and the critical path highlighted; the
    reader drags the bars of the steps they may change (their new dates previewed first)."""
    project = _project(request, pk)
    timeline = selectors.timeline(request.facts, project)
    editable = steps_allowing(
        request.facts, Action.CHANGE, project, [row.step for row in timeline.rows]
    )
    step_base = reverse("work:step", args=[0])[:-2]
    shown: dict = {}  # a plan has far fewer distinct dates than steps: format each once
    for row in timeline.rows:
        for day in (row.start, row.end):
            if day not in shown:
                shown[day] = date_format(day, "SHORT_DATE_FORMAT")
        row.start_text, row.end_text = shown[row.start], shown[row.end]
    context = _header(request, project, "timeline") | {
        "timeline": timeline,
        "step_base": step_base,
        "gantt": _gantt_tasks(timeline, step_base, editable),
        "editable": editable,
        "language": request.LANGUAGE_CODE,
    }
    return render(request, "work/project_timeline.html", context)


@login_required
def project_board(request, pk):
    """The project's steps by status; moving a card changes the step's status (htmx)."""
    project = _project(request, pk)
    facts = request.facts
    columns = selectors.board(facts, project)
    cards = [step for _value, _label, column in columns for step in column]
    movable = steps_allowing(facts, Action.UPDATE_PROGRESS, project, cards)
    context = _header(request, project, "board") | {
        "columns": columns,
        "movable": movable,
        "statuses": Step.Status.choices,
    }
    return render(request, "work/project_board.html", context)


@login_required
def project_budget(request, pk):
    """Spend against budget over time, by category, and the expenses (recorded by those who
    may spend)."""
    project = _project(request, pk, Action.VIEW_BUDGET)
    facts = request.facts
    form = ExpenseForm(initial={"date": timezone.localdate(), "category": "other"})
    figures = selectors.budget(project)
    chart = {
        "labels": figures.months,
        "spent": figures.cumulative,
        "plan": figures.plan,
        "budget": float(project.budget),
        "spentLabel": _("Spent to date"),
        "planLabel": _("Budget spread evenly"),
        "budgetLabel": _("Budget"),
    }
    context = _header(request, project, "budget") | {
        "figures": figures,
        "expenses": selectors.expenses(facts, project)[:500],
        "form": form,
        "chart": chart,
        "spent_text": format_money(figures.spent, project.currency),
        "budget_text": format_money(project.budget, project.currency),
    }
    return render(request, "work/project_budget.html", context)


@login_required
@require_POST
def expense_add(request, pk):
    """Record an expense against the project."""
    project = _project(request, pk, Action.SPEND)
    form = ExpenseForm(request.POST)
    if form.is_valid():
        try:
            services.expense_create(
                actor=actor_from(request),
                project=project,
                **cleaned(form, ["date", "amount", "category", "note"]),
            )
        except SERVICE_ERRORS as error:
            report(request, error)
        else:
            messages.success(request, _("Expense recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("work:project_budget", pk=project.pk)


@login_required
@require_POST
def expense_delete(request, pk):
    """Remove an expense."""
    from deptcoord.work.models import Expense

    expense = get_visible_or_404(request.facts, Expense, pk=pk)
    require(request.facts, Action.DELETE, expense)
    try:
        services.expense_delete(
            actor=actor_from(request),
            expense_id=expense.pk,
            expected_version=posted_version(request),
        )
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Expense removed."))
    return redirect("work:project_budget", pk=expense.project_id)


@login_required
def project_time(request, pk):
    """Estimate against actual per step, department and person."""
    project = _project(request, pk)
    facts = request.facts
    base = Step.objects.filter(project=project)
    steps = selectors.estimate_vs_actual(facts, base)
    visible_base = selectors.steps(facts, base)
    context = _header(request, project, "time") | {
        "steps": steps[:500],
        "by_department": selectors.time_totals(visible_base, "department"),
        "by_person": selectors.time_totals(visible_base, "assignee"),
    }
    return render(request, "work/project_time.html", context)


@login_required
def project_workload(request, pk):
    """The workload of the people on the project's steps, as a heat map."""
    project = _project(request, pk)
    weeks = min(int_param(request, "weeks") or 8, 26)
    people = selectors.overseen(request.facts, selectors.project_people(project))
    rows = selectors.workload_for(people, weeks)
    context = _header(request, project, "workload") | {"rows": rows, "weeks": weeks}
    return render(request, "work/project_workload.html", context)


IMPORT_TEMPLATE = "work/plan_import.html"


@login_required
def plan_import(request, pk):
    """Upload a plan; the preview shows each row's step or its problems."""
    project = _project(request, pk, Action.IMPORT)
    return import_upload_page(
        request,
        imports.UPLOAD_KIND,
        scope=str(project.pk),
        template=IMPORT_TEMPLATE,
        context=_header(request, project, "overview"),
    )


@login_required
@require_POST
def plan_import_confirm(request, pk):
    """Apply a previewed plan: all rows or, if any row has become bad, none."""

    def context_for(name, scope) -> dict:
        return _header(request, _project(request, int(scope), Action.IMPORT), "overview")

    return import_confirm_page(
        request, pk, kinds={imports.UPLOAD_KIND}, template=IMPORT_TEMPLATE, context_for=context_for
    )
