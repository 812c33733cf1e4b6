"""Every write to projects, steps, dependencies, requests, recurring activities, time and
expenses, each recorded in the audit trail in the same transaction."""

from deptcoord.work.services.projects import project_create, project_update
from deptcoord.work.services.steps import step_create, step_delete, step_update

__all__ = [
    "project_create",
    "project_update",
    "step_create",
    "step_delete",
    "step_update",
]
