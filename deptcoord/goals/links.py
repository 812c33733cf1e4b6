"""Goals and key results can be linked from department notes and documents."""

from django.utils.translation import gettext_lazy as _

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.search.linkables import Linkable, register_linkable

register_linkable(
    Linkable("goal", Goal, _("Goal"), "bi-bullseye", "goals:goal_detail", ("title_en", "title_vi"))
)
register_linkable(
    Linkable(
        "key_result",
        KeyResult,
        _("Key result"),
        "bi-graph-up-arrow",
        "goals:key_result_detail",
        ("title_en", "title_vi"),
    )
)
