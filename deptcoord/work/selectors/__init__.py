"""Reads for the work pages and the API, already narrowed to what the viewer may see.

Lists run a fixed number of queries whatever their size: figures come from annotations and
related records from ``select_related``. One module per subject; the names are all here.
"""

from deptcoord.work.selectors.money import (
    ZERO,
    Budget,
    budget,
    estimate_vs_actual,
    expenses,
    time_totals,
    timesheet,
)
from deptcoord.work.selectors.projects import (
    TIMELINE_FIELDS,
    Timeline,
    TimelineStep,
    goals_served,
    project_detail_queryset,
    projects,
    timeline,
)
from deptcoord.work.selectors.requests import is_stale, requests, stale_count
from deptcoord.work.selectors.steps import (
    STEP_RELATED,
    assignable_people,
    board,
    link_choices,
    my_steps,
    project_steps,
    recurring,
    step_comments,
    step_detail_queryset,
    step_links,
    step_time,
    steps,
)
from deptcoord.work.selectors.workload import (
    CELL_TITLE,
    MANY_PEOPLE,
    WorkloadCell,
    WorkloadRow,
    department_people,
    meeting_hours,
    project_people,
    week_starts,
    workload_for,
)

__all__ = [
    "CELL_TITLE",
    "MANY_PEOPLE",
    "STEP_RELATED",
    "TIMELINE_FIELDS",
    "ZERO",
    "Budget",
    "Timeline",
    "TimelineStep",
    "WorkloadCell",
    "WorkloadRow",
    "assignable_people",
    "board",
    "budget",
    "department_people",
    "estimate_vs_actual",
    "expenses",
    "goals_served",
    "is_stale",
    "link_choices",
    "meeting_hours",
    "my_steps",
    "project_detail_queryset",
    "project_people",
    "project_steps",
    "projects",
    "recurring",
    "requests",
    "stale_count",
    "step_comments",
    "step_detail_queryset",
    "step_links",
    "step_time",
    "steps",
    "time_totals",
    "timeline",
    "timesheet",
    "week_starts",
    "workload_for",
]
