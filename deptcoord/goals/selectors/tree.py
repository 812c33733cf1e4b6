"""The goal tree: company → department → team → person, a page of top goals at a time; deeper
levels open on request (with htmx), the first one at once when the top goals are few."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count

from deptcoord.access import RoleFacts
from deptcoord.goals.models import Goal
from deptcoord.goals.selectors.goals import GoalFilters, goals, sorted_goals

PAGE_SIZE = 50
OPEN_FIRST_LEVEL = 10
"""With this many top goals or fewer on a page, their contributing goals show at once."""


@dataclass
class GoalRow:
    """A goal in the tree and how many of its contributing goals the person sees."""

    goal: Goal
    child_count: int = 0
    children: list["GoalRow"] = field(default_factory=list)
    depth: int = 0

    @property
    def expanded(self) -> bool:
        """Whether its contributing goals are already on the page."""
        return bool(self.children)


def tree_page(facts: RoleFacts, filters: GoalFilters, page_number):
    """A page of the top goals (those whose parent is not shown); when there are only a few,
    their contributing goals are opened too. A fixed number of queries either way."""
    matching = goals(facts, filters)
    tops = sorted_goals(matching.exclude(parent_id__in=matching.values("pk")), filters.sort)
    page = Paginator(tops, PAGE_SIZE).get_page(page_number)
    roots = list(page.object_list)
    if len(roots) > OPEN_FIRST_LEVEL:  # closed: how many contribute to each is enough
        counts = _child_counts(matching, roots)
        page.rows = [GoalRow(root, counts.get(root.pk, 0)) for root in roots]
        return page
    children_of = _children_of(matching, roots, filters)
    counts = _child_counts(matching, [child for group in children_of.values() for child in group])
    page.rows = []
    for root in roots:
        children = children_of[root.pk]
        shown = [GoalRow(child, counts.get(child.pk, 0), depth=1) for child in children]
        page.rows.append(GoalRow(root, len(children), shown))
    return page


def child_rows(facts: RoleFacts, filters: GoalFilters, goal: Goal, depth: int) -> list[GoalRow]:
    """The shown goals aligned right under ``goal``, each with its own number of children."""
    matching = goals(facts, filters)
    children = list(sorted_goals(matching.filter(parent=goal), filters.sort))
    counts = _child_counts(matching, children)
    return [GoalRow(child, counts.get(child.pk, 0), depth=depth) for child in children]


def _children_of(matching, parents: list[Goal], filters) -> dict[int, list]:
    """The shown goals right under each parent, in one query."""
    children_of: dict[int, list] = {goal.pk: [] for goal in parents}
    below = matching.filter(parent_id__in=list(children_of)) if parents else matching.none()
    for child in sorted_goals(below, filters.sort):
        children_of[child.parent_id].append(child)
    return children_of


def _child_counts(matching, goals: list[Goal]) -> dict[int, int]:
    """How many shown goals sit right under each of these, in one query."""
    return dict(
        matching.filter(parent_id__in=[goal.pk for goal in goals])
        .order_by()
        .values_list("parent_id")
        .annotate(count=Count("id"))
    )
