"""The list of plan runs as a spreadsheet: what each plan covered, how it ended, who ran it."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import moment_cell

RUN_COLUMNS = [
    "id",
    "name",
    "scope",
    "department",
    "project",
    "start",
    "end",
    "status",
    "goals_reachable",
    "goals_total",
    "what_if_of",
    "started_by_email",
    "started_at",
    "finished_at",
    "applied_at",
]
RUNS_FILENAME = _("plans")
# The engine's input and results are large; the list needs none of them.
HEAVY_FIELDS = ("problem", "preview", "result", "step_versions", "apply_report", "change")


def run_rows(runs) -> list[list]:
    """One row per plan run (its department, project, starter and parent selected)."""
    rows = []
    for run in runs:
        summary = run.best_so_far or {}
        total = summary.get("goals_total") or ""
        rows.append(
            [
                run.pk,
                run.name,
                run.scope,
                run.department.code,
                run.project.code if run.project_id else "",
                run.start.isoformat(),
                run.end.isoformat(),
                run.status,
                summary.get("goals_achievable", "") if total else "",
                total,
                run.parent_id or "",
                run.created_by.email if run.created_by_id else "",
                moment_cell(run.created_at),
                moment_cell(run.finished_at),
                moment_cell(run.applied_at),
            ]
        )
    return rows
