"""Every read of the people app, narrowed by the access policy."""

from deptcoord.people.selectors.development import plan_detail_queryset, plans, steps_for
from deptcoord.people.selectors.feedback import (
    feedback_detail_queryset,
    feedback_list,
    levels,
    reads,
    wall,
    wall_praise,
)
from deptcoord.people.selectors.one_on_ones import (
    member_key_results,
    my_notes,
    one_on_one_detail_queryset,
    one_on_ones,
)
from deptcoord.people.selectors.skills import (
    active_skills,
    catalogue,
    history_chart,
    person_skills,
    role_profiles,
    skills_matrix,
)

__all__ = [
    "active_skills",
    "catalogue",
    "feedback_detail_queryset",
    "feedback_list",
    "history_chart",
    "levels",
    "member_key_results",
    "my_notes",
    "one_on_one_detail_queryset",
    "one_on_ones",
    "person_skills",
    "plan_detail_queryset",
    "plans",
    "reads",
    "role_profiles",
    "skills_matrix",
    "steps_for",
    "wall",
    "wall_praise",
]
