"""Template helpers of the work pages: badges for statuses, and hours (money is the
``money`` filter of the ``deptcoord`` library)."""

from django import template
from django.utils.html import format_html, format_html_join

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
