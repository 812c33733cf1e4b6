"""Goals and their key results as one table, and standards with their latest measurement, for
CSV and XLSX downloads.

Goals: one row per key result (a goal without key results has one row of its own). The key
result's id is in every row, so a copy of the file with new values can be imported as actuals;
likewise the standard's id, for measurements.
"""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import day_cell

COLUMNS = [
    "goal_id",
    "goal_title_en",
    "goal_title_vi",
    "level",
    "category",
    "kind",
    "commitment",
    "department_code",
    "goal_owner_email",
    "parent_goal_id",
    "period_start",
    "period_end",
    "priority",
    "status",
    "goal_progress_percent",
    "goal_forecast_percent",
    "key_result_id",
    "key_result_title_en",
    "key_result_title_vi",
    "metric",
    "unit",
    "currency",
    "start_value",
    "target_value",
    "current_value",
    "direction",
    "weight",
    "key_result_owner_email",
    "last_check_in",
    "confidence",
    "forecast_value",
    "at_risk",
]
FILENAME = _("goals")


def _rounded(value) -> float | str:
    return "" if value is None else round(value, 1)


def _plain(value):
    """A stored decimal without trailing zeros (1200000, not 1200000.0000)."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _goal_cells(goal) -> list:
    return [
        goal.pk,
        goal.title_en,
        goal.title_vi,
        goal.level,
        goal.category,
        goal.kind,
        goal.commitment,
        goal.department.code if goal.department else "",
        goal.owner.email,
        goal.parent_id or "",
        goal.period_start.isoformat(),
        goal.period_end.isoformat(),
        goal.priority,
        goal.status,
        _rounded(goal.progress),
        _rounded(goal.forecast_progress),
    ]


def _key_result_cells(key_result) -> list:
    return [
        key_result.pk,
        key_result.title_en,
        key_result.title_vi,
        key_result.metric,
        key_result.unit,
        key_result.currency,
        _plain(key_result.start_value),
        _plain(key_result.target_value),
        _plain(key_result.current_value),
        key_result.direction,
        _plain(key_result.weight),
        key_result.owner.email,
        day_cell(key_result.last_check_in_on),
        key_result.confidence,
        "" if key_result.forecast_value is None else round(key_result.forecast_value, 4),
        "yes" if key_result.at_risk else "no",
    ]


def goal_rows(goals) -> list[list]:
    """Rows for the goals (their key results prefetched with their owners)."""
    rows = []
    for goal in goals:
        cells = _goal_cells(goal)
        key_results = list(goal.key_results.all())
        if not key_results:
            rows.append(cells + [""] * (len(COLUMNS) - len(cells)))
        rows.extend(cells + _key_result_cells(key_result) for key_result in key_results)
    return rows


STANDARD_COLUMNS = [
    "standard_id",
    "title_en",
    "title_vi",
    "department_code",
    "owner_email",
    "metric",
    "unit",
    "currency",
    "comparison",
    "threshold",
    "frequency",
    "active",
    "latest_period_start",
    "latest_value",
    "latest_breached",
    "measurement_due",
]
STANDARDS_FILENAME = _("standards")


def standard_rows(rows) -> list[list]:
    """One row per standard of the list, with its latest measurement (``StandardRow``s)."""
    return [
        [
            row.standard.pk,
            row.standard.title_en,
            row.standard.title_vi,
            row.standard.department.code,
            row.standard.owner.email,
            row.standard.metric,
            row.standard.unit,
            row.standard.currency,
            row.standard.comparison,
            _plain(row.standard.threshold),
            row.standard.frequency,
            "yes" if row.standard.is_active else "no",
            day_cell(row.latest_period),
            "" if row.latest_value is None else _plain(row.latest_value),
            ("yes" if row.latest_breached else "no") if row.latest_period else "",
            "yes" if row.due else "no",
        ]
        for row in rows
    ]
