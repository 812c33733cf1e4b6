"""Every write of the people app."""

from deptcoord.people.services.assessments import assessment_create
from deptcoord.people.services.catalogue import (
    feedback_level_create,
    feedback_level_update,
    person_profile_set,
    role_profile_create,
    role_profile_update,
    role_targets_set,
    skill_category_create,
    skill_category_update,
    skill_create,
    skill_update,
)
from deptcoord.people.services.development import (
    action_add,
    action_mark,
    action_update,
    plan_create,
    plan_update,
)
from deptcoord.people.services.feedback import (
    feedback_acknowledge,
    feedback_annotate,
    feedback_give,
    feedback_update,
    reads_record,
)
from deptcoord.people.services.one_on_ones import (
    action_item_add,
    action_item_mark,
    one_on_one_check_in,
    one_on_one_create,
    one_on_one_update,
    private_note_add,
    talking_point_add,
    talking_point_mark,
)

__all__ = [
    "action_add",
    "action_item_add",
    "action_item_mark",
    "action_mark",
    "action_update",
    "assessment_create",
    "feedback_acknowledge",
    "feedback_annotate",
    "feedback_give",
    "feedback_level_create",
    "feedback_level_update",
    "feedback_update",
    "one_on_one_check_in",
    "one_on_one_create",
    "one_on_one_update",
    "person_profile_set",
    "plan_create",
    "plan_update",
    "private_note_add",
    "reads_record",
    "role_profile_create",
    "role_profile_update",
    "role_targets_set",
    "skill_category_create",
    "skill_category_update",
    "skill_create",
    "skill_update",
    "talking_point_add",
    "talking_point_mark",
]
