"""Template helpers of the work pages: badges for statuses, and hours (money is the
``money`` filter of the ``deptcoord`` library)."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from deptcoord.core.links import link_to
from deptcoord.work import formatting
from deptcoord.work.models import Project, Request, Step
from deptcoord.work.selectors.workload import CELL_TITLE

register = template.Library()

STEP_BADGES = {
    "todo": "text-bg-light border",
    "in_progress": "text-bg-primary",
    "blocked": "text-bg-danger",
    "done": "text-bg-success",
}
PROJECT_BADGES = {
    "planned": "text-bg-light border",
    "active": "text-bg-primary",
    "on_hold": "text-bg-warning",
    "done": "text-bg-success",
    "cancelled": "text-bg-secondary",
}
# Labels looked up once per value: a model's get_<field>_display() rebuilds its choices on
# every call, which shows on lists of hundreds of rows.
STEP_LABELS = dict(Step.Status.choices)
PROJECT_LABELS = dict(Project.Status.choices)
REQUEST_LABELS = dict(Request.State.choices)
REQUEST_BADGES = {
    "pending": "text-bg-warning",
    "accepted": "text-bg-success",
    "declined": "text-bg-danger",
    "withdrawn": "text-bg-secondary",
}


@register.simple_tag
def step_status(step):
    """A step's status as a badge."""
    return format_html(
        '<span class="badge {}">{}</span>',
        STEP_BADGES.get(step.status, "text-bg-light"),
        STEP_LABELS.get(step.status, step.status),
    )


@register.simple_tag
def project_status(project):
    """A project's status as a badge."""
    return format_html(
        '<span class="badge {}">{}</span>',
        PROJECT_BADGES.get(project.status, "text-bg-light"),
        PROJECT_LABELS.get(project.status, project.status),
    )


@register.simple_tag
def request_state(item):
    """A request's state as a badge."""
    return format_html(
        '<span class="badge {}">{}</span>',
        REQUEST_BADGES.get(item.state, "text-bg-light"),
        REQUEST_LABELS.get(item.state, item.state),
    )


@register.filter
def hours(value):
    """Hours without needless decimals."""
    return formatting.hours(value)


@register.filter
def overdue(step, today):
    """Whether an open step is past its due date."""
    return bool(step.due and step.due < today and step.status != "done")


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (None when missing)."""
    return mapping.get(key) if mapping else None


@register.simple_tag
def heatmap_rows(rows, linked):
    """The heat map's rows (a person, then a cell per week), built here rather than cell by
    cell in the template: a department's eight weeks are hundreds of cells. Overloaded cells
    link to their causes when ``linked``."""
    title = str(CELL_TITLE)

    def cell(person_id, cell):
        text = cell.text
        if cell.overloaded and linked:
            text = format_html(
                '<a class="heat-link" href="#causes-{}-{}">{}</a>',
                person_id,
                cell.week.strftime("%Y%m%d"),
                text,
            )
        return (
            cell.level,
            title % {"assigned": cell.assigned, "capacity": cell.capacity},
            text,
        )

    return format_html_join(
        "",
        '<tr><th scope="row" class="text-nowrap fw-normal">{}</th>{}</tr>',
        (
            (
                row.person.full_name,
                format_html_join(
                    "",
                    '<td class="text-center heat heat-{}" title="{}">{}</td>',
                    (cell(row.person.pk, item) for item in row.cells),
                ),
            )
            for row in rows
        ),
    )


@lru_cache(maxsize=16)
def _row_words(language: str, script_prefix: str) -> dict:
    """What every row of a list of steps says, in one language: translated once, not per row
    (and escaped, the titles being put in later)."""
    words = {
        "select": gettext("Select “%(title)s”"),
        "assignee_of": gettext("Assignee of “%(title)s”"),
        "due_of": gettext("Due date of “%(title)s”"),
        "status_of": gettext("Status of “%(title)s”"),
        "milestone": gettext("Milestone"),
        "pushed": gettext("Pushed by a slip"),
        "project": gettext("Project"),
        "department": gettext("Department"),
        "activity": gettext("Department activity"),
        "assignee": gettext("Assignee"),
        "nobody": gettext("Not assigned"),
        "due": gettext("Due"),
        "no_due": gettext("No due date"),
        "status": gettext("Status"),
        "effort": gettext("Effort (h)"),
        "progress": gettext("Progress"),
    }
    return {key: escape(text) for key, text in words.items()} | {
        "step_url": link_to("work:step"),
        "project_url": link_to("work:project"),
        "inline_url": link_to("work:step_inline"),
    }


@register.simple_tag(takes_context=True)
def step_row(context, step):
    """One row of a list of steps (``work/_step_rows.html``), written here rather than in the
    template: a project's list has 50 rows of some 40 values each, and the template engine
    took most of the page's time to write them. Reads ``selectable``, ``selected``,
    ``row_problems``, ``hide_project``, ``hide_department``, ``today`` and ``layout`` from
    the context. Every stored text goes through ``escape``; the rest is the
    product's own."""
    words = _row_words(get_language(), get_script_prefix())
    pk, version, problems = step.pk, step.version, context.get("row_problems")
    title = escape(step.title)
    inline = words["inline_url"](pk)
    layout = escape(context.get("layout", ""))

    def control(field, label_key):
        """What the row's in-place controls share: their label, where they post, how."""
        about = words[label_key] % {"title": title}
        return (
            f'id="{field}-{pk}" name="{field}" data-field="{field}" aria-label="{about}"'
            f' hx-post="{inline}" hx-vals=\'{{"field": "{field}", "version": "{version}",'
            f' "layout": "{layout}"}}\' hx-target="#step-row-{pk}" hx-swap="outerHTML"'
        )

    marked = ' class="table-danger"' if problems else ""
    row = [f'<tr id="step-row-{pk}" data-step="{pk}"{marked}>']
    if context.get("selectable"):
        row.append('<td class="select-cell">')
        if step.can_change or step.can_progress:
            checked = " checked" if pk in (context.get("selected") or ()) else ""
            about = words["select"] % {"title": title}
            row.append(
                f'<input class="form-check-input" type="checkbox" form="bulk-form" name="step"'
                f' value="{pk}:{version}" id="pick-{pk}" data-pick{checked}>'
                f'<label class="visually-hidden" for="pick-{pk}">{about}</label>'
            )
        row.append("</td>")
    row.append(f'<td class="title-cell"><a class="fw-semibold" href="{words["step_url"](pk)}">')
    if step.is_milestone:
        row.append(
            f'<i class="bi bi-diamond-fill text-warning" aria-label="{words["milestone"]}"></i> '
        )
    row.append(f"{title}</a>")
    if step.flagged:
        row.append(
            ' <span class="badge text-bg-warning ms-1"><i class="bi bi-flag-fill"'
            f' aria-hidden="true"></i> {words["pushed"]}</span>'
        )
    if problems:
        said = "".join(f"{escape(problem)} " for problem in problems)
        row.append(
            f'<div class="small text-danger-emphasis mt-1" role="alert" id="row-problem-{pk}">'
            f"{said}</div>"
        )
    row.append("</td>")
    if not context.get("hide_project"):
        if getattr(step, "project_visible", False):
            where = (
                f'<a class="text-nowrap" href="{words["project_url"](step.project_id)}">'
                f"{escape(step.project.code)}</a>"
            )
        elif step.project_id:
            where = '<span class="text-body-secondary">—</span>'
        else:
            where = f'<span class="text-body-secondary">{words["activity"]}</span>'
        row.append(f'<td data-label="{words["project"]}">{where}</td>')
    if not context.get("hide_department"):
        row.append(f'<td data-label="{words["department"]}">{escape(step.department.name)}</td>')
    if step.can_change:
        nobody = "" if step.assignee_id else " selected"
        assignee = (
            f'<select class="form-select form-select-sm inline-control"'
            f" {control('assignee', 'assignee_of')}>"
            f'<option value="none"{nobody}>{words["nobody"]}</option>{step.people_options}'
            "</select>"
        )
    else:
        assignee = escape(step.assignee.full_name) if step.assignee_id else words["nobody"]
    row.append(f'<td data-label="{words["assignee"]}">{assignee}</td>')
    today = context.get("today")
    late = " text-danger fw-semibold overdue" if today and overdue(step, today) else ""
    if step.can_change:
        due = (
            f'<input class="form-control form-control-sm inline-control inline-date" type="date"'
            f' value="{step.due.isoformat() if step.due else ""}" {control("due", "due_of")}'
            ' hx-trigger="change">'
        )
    elif step.due:
        due = date_format(step.due, "SHORT_DATE_FORMAT")
    else:
        due = f'<span class="text-body-secondary">{words["no_due"]}</span>'
    row.append(f'<td data-label="{words["due"]}" class="text-nowrap{late}">{due}</td>')
    if step.can_progress:
        options = "".join(
            f'<option value="{value}"{" selected" if value == step.status else ""}>{label}</option>'
            for value, label in _status_choices(get_language())
        )
        status = (
            f'<select class="form-select form-select-sm inline-control"'
            f" {control('status', 'status_of')}>{options}</select>"
        )
    else:
        status = step_status(step)
    row.append(f'<td data-label="{words["status"]}">{status}</td>')
    progress = int(step.progress or 0)
    row.append(
        f'<td data-label="{words["effort"]}" class="text-end effort-cell">'
        f"{formatting.hours(step.effort_hours)}</td>"
        f'<td data-label="{words["progress"]}" class="progress-cell"><div class="progress"'
        f' role="progressbar" aria-label="{words["progress"]}" aria-valuenow="{progress}"'
        ' aria-valuemin="0" aria-valuemax="100" style="height:.5rem"><div class="progress-bar"'
        f' style="width: {progress}%"></div></div>'
        f'<span class="small text-body-secondary">{progress}%</span></td></tr>'
    )
    return mark_safe("".join(row))


@lru_cache(maxsize=16)
def _status_choices(language: str) -> tuple:
    """The statuses a step may take, their names escaped, in one language."""
    return tuple((value, escape(label)) for value, label in Step.Status.choices)
