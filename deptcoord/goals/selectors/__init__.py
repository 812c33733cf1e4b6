"""Every read of goals, key results, templates and standards, narrowed by the access policy."""

from deptcoord.goals.selectors.goals import (
    ALL,
    GoalFilters,
    ancestors,
    check_ins,
    chosen_owner,
    contributing,
    filters_from,
    goal_detail_queryset,
    goals,
    key_results,
    parent_choices,
    sorted_goals,
)
from deptcoord.goals.selectors.progress import ProgressBasis, progress_basis
from deptcoord.goals.selectors.standards import measurements, standard_detail_queryset, standards
from deptcoord.goals.selectors.templates import (
    last_roll_out,
    roll_out_parents,
    template_detail_queryset,
    templates,
)
from deptcoord.goals.selectors.tree import child_rows, tree_page

__all__ = [
    "ALL",
    "GoalFilters",
    "ProgressBasis",
    "ancestors",
    "check_ins",
    "child_rows",
    "chosen_owner",
    "contributing",
    "filters_from",
    "goal_detail_queryset",
    "goals",
    "key_results",
    "last_roll_out",
    "measurements",
    "parent_choices",
    "progress_basis",
    "roll_out_parents",
    "sorted_goals",
    "standard_detail_queryset",
    "standards",
    "template_detail_queryset",
    "templates",
    "tree_page",
]
