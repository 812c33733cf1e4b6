"""Every write to projects, steps, dependencies, requests, recurring activities, time and
expenses, each recorded in the audit trail in the same transaction."""

from deptcoord.work.services.comments import comment_delete, comment_post
from deptcoord.work.services.dependencies import (
    dependency_create,
    dependency_delete,
    dependency_update,
)
from deptcoord.work.services.money import (
    expense_create,
    expense_delete,
    expense_update,
    time_entry_delete,
    time_entry_update,
    time_log,
)
from deptcoord.work.services.projects import project_create, project_update
from deptcoord.work.services.recurring import (
    recurring_create,
    recurring_delete,
    recurring_generate,
    recurring_update,
)
from deptcoord.work.services.requests import (
    request_accept,
    request_decline,
    request_send,
    request_withdraw,
)
from deptcoord.work.services.shifts import slip_shift, step_reschedule
from deptcoord.work.services.steps import (
    step_create,
    step_delete,
    step_flag_clear,
    step_progress,
    step_update,
    steps_bulk_update,
)

__all__ = [
    "comment_delete",
    "comment_post",
    "dependency_create",
    "dependency_delete",
    "dependency_update",
    "expense_create",
    "expense_delete",
    "expense_update",
    "project_create",
    "project_update",
    "recurring_create",
    "recurring_delete",
    "recurring_generate",
    "recurring_update",
    "request_accept",
    "request_decline",
    "request_send",
    "request_withdraw",
    "slip_shift",
    "step_create",
    "step_delete",
    "step_flag_clear",
    "step_progress",
    "step_reschedule",
    "step_update",
    "steps_bulk_update",
    "time_entry_delete",
    "time_entry_update",
    "time_log",
]
