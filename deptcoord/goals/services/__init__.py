"""Every write to goals, key results, check-ins, templates and standards, each recorded in the
audit trail in the same transaction."""

from deptcoord.goals.services.check_ins import check_in_create
from deptcoord.goals.services.goals import goal_create, goal_delete, goal_update
from deptcoord.goals.services.key_results import (
    key_result_create,
    key_result_delete,
    key_result_update,
)
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.standards import (
    measurement_record,
    standard_create,
    standard_update,
)
from deptcoord.goals.services.templates import (
    template_create,
    template_delete,
    template_key_result_add,
    template_key_result_remove,
    template_roll_out,
    template_update,
)

__all__ = [
    "check_in_create",
    "goal_create",
    "goal_delete",
    "goal_update",
    "key_result_create",
    "key_result_delete",
    "key_result_update",
    "measurement_record",
    "outlook_refresh",
    "standard_create",
    "standard_update",
    "template_create",
    "template_delete",
    "template_key_result_add",
    "template_key_result_remove",
    "template_roll_out",
    "template_update",
]
