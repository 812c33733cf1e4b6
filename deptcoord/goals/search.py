"""The goals' search sources: goals and key results."""

from django.utils.translation import gettext_lazy as _

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.search.registry import SearchSource, register_source

register_source(
    SearchSource(
        kind="goal",
        model=Goal,
        label=_("Goal"),
        icon="bi-bullseye",
        title_fields=("title_en", "title_vi"),
        body_fields=("description",),
        url_name="goals:goal_detail",
    )
)
register_source(
    SearchSource(
        kind="key_result",
        model=KeyResult,
        label=_("Key result"),
        icon="bi-graph-up-arrow",
        title_fields=("title_en", "title_vi"),
        body_fields=("goal.title_en", "goal.title_vi"),
        url_name="goals:key_result_detail",
        department_field="goal.department_id",
        related=("goal",),
    )
)
