"""How goals show in the forms' pickers: the title, with the department (or the level) and the
period under it."""

from deptcoord.core.widgets import PickerKind, register_picker
from deptcoord.goals.models import Goal
from deptcoord.goals.periods import period_label


def describe_goal(goal: Goal) -> str:
    """Department (or level) · period."""
    owner = goal.department.name if goal.department_id else goal.get_level_display()
    return f"{owner} · {period_label(goal.period_start, goal.period_end)}"


register_picker(
    PickerKind(
        model=Goal,
        describe=describe_goal,
        related=("department",),
        min_options=8,
        name=lambda goal: goal.title,
    )
)
