"""How projects and steps show in the forms' pickers: a step with its project, a project with
its lead department."""

from deptcoord.core.widgets import PickerKind, register_picker
from deptcoord.work.models import Project, Step


def describe_step(step: Step) -> str:
    """The project's code and title."""
    return str(step.project) if step.project_id else ""


def describe_project(project: Project) -> str:
    """The lead department."""
    return project.lead_department.name if project.lead_department_id else ""


register_picker(
    PickerKind(
        model=Step,
        describe=describe_step,
        related=("project",),
        min_options=8,
        name=lambda step: step.title,
    )
)
register_picker(
    PickerKind(
        model=Project,
        describe=describe_project,
        related=("lead_department",),
        min_options=8,
    )
)
