"""Rows of the work lists as spreadsheets: steps, projects, requests, recurring activities and
timesheets."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import day_cell

STEP_COLUMNS = [
    "id",
    "project",
    "title_en",
    "title_vi",
    "department",
    "assignee_email",
    "status",
    "progress",
    "priority",
    "effort_hours",
    "start",
    "due",
    "milestone",
    "flagged",
]
PROJECT_COLUMNS = [
    "id",
    "code",
    "title_en",
    "title_vi",
    "lead_department",
    "coordinator_email",
    "status",
    "start",
    "end",
    "budget",
    "currency",
    "steps",
    "steps_done",
]
REQUEST_COLUMNS = [
    "id",
    "from_department",
    "to_department",
    "title",
    "reason",
    "due",
    "effort_hours",
    "state",
    "proposed_due",
    "decline_reason",
    "project",
    "step",
    "requested_by_email",
    "sent_at",
]
RECURRING_COLUMNS = [
    "id",
    "title_en",
    "title_vi",
    "department",
    "project",
    "rule",
    "starts_on",
    "assignee_email",
    "effort_hours",
    "lead_days",
    "active",
    "steps_created_until",
]
TIMESHEET_COLUMNS = ["date", "person", "email", "project", "step", "department", "hours", "note"]
STEPS_FILENAME = _("steps")
PROJECTS_FILENAME = _("projects")
TIMESHEET_FILENAME = _("timesheet")
MY_STEPS_FILENAME = _("my-steps")
REQUESTS_FILENAME = _("requests")
RECURRING_FILENAME = _("recurring-activities")


def _project_shown(record) -> bool:
    """Whether a row names the record's project: only one the viewer may open (the selectors
    say so in ``project_visible``; rows read without it are of a project already opened)."""
    return bool(record.project_id) and getattr(record, "project_visible", True)


def step_rows(steps) -> list[list]:
    """One row per step."""
    return [
        [
            step.pk,
            step.project.code if _project_shown(step) else "",
            step.title_en,
            step.title_vi,
            step.department.code,
            step.assignee.email if step.assignee_id else "",
            step.status,
            step.progress,
            step.priority,
            step.effort_hours,
            day_cell(step.start),
            day_cell(step.due),
            "yes" if step.is_milestone else "",
            "yes" if step.flagged else "",
        ]
        for step in steps
    ]


def request_rows(requests) -> list[list]:
    """One row per request between departments."""
    return [
        [
            item.pk,
            item.from_department.code,
            item.to_department.code,
            item.title,
            item.reason,
            day_cell(item.due),
            item.effort_hours,
            item.state,
            day_cell(item.proposed_due),
            item.decline_reason,
            item.project.code if _project_shown(item) else "",
            item.step_id or "",
            item.requested_by.email if item.requested_by_id else "",
            item.created_at.isoformat(timespec="minutes"),
        ]
        for item in requests
    ]


def project_rows(projects) -> list[list]:
    """One row per project."""
    return [
        [
            project.pk,
            project.code,
            project.title_en,
            project.title_vi,
            project.lead_department.code,
            project.coordinator.email,
            project.status,
            day_cell(project.start),
            day_cell(project.end),
            project.budget,
            project.currency,
            project.step_count,
            project.done_count,
        ]
        for project in projects
    ]


def recurring_rows(activities) -> list[list]:
    """One row per recurring activity (its department, project and assignee selected)."""
    return [
        [
            activity.pk,
            activity.title_en,
            activity.title_vi,
            activity.department.code,
            activity.project.code if activity.project_id else "",
            activity.rrule,
            day_cell(activity.starts_on),
            activity.assignee.email if activity.assignee_id else "",
            activity.effort_hours,
            activity.lead_days,
            "yes" if activity.is_active else "no",
            day_cell(activity.generated_until),
        ]
        for activity in activities
    ]


def timesheet_rows(entries) -> list[list]:
    """One row per time entry."""
    return [
        [
            day_cell(entry.date),
            entry.person.full_name,
            entry.person.email,
            entry.step.project.code
            if entry.step.project_id and getattr(entry, "project_visible", True)
            else "",
            entry.step.title,
            entry.step.department.code,
            entry.hours,
            entry.note,
        ]
        for entry in entries
    ]
