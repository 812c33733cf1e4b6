"""Goal figures rolled up from key results and contributing goals.

The pure ``forecast.roll_up_goal`` weighs key results and contributing goals. ``compute_figures``
rolls up whole trees from plain rows (the daily refresh); ``figures_of`` rolls up one goal from
its own key results and its children's stored figures (after a change, from the changed goal up
to the top). Both agree: drafts and cancelled goals do not count toward their parent, and a
closed goal (achieved, missed, cancelled) is never at risk and reports no confidence.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import FloatField, QuerySet
from django.db.models.functions import Cast

from deptcoord.goals import forecast
from deptcoord.goals.forecast import GoalNode, WeightedProgress
from deptcoord.goals.models import CONFIDENCE_RANK, Goal

CONTRIBUTING = {Goal.Status.ACTIVE, Goal.Status.ACHIEVED, Goal.Status.MISSED}
OPEN = {Goal.Status.DRAFT, Goal.Status.ACTIVE}
FIGURE_FIELDS = ["progress", "forecast_progress", "at_risk", "confidence"]
DIRECTIONS = {direction.value: direction for direction in forecast.Direction}


@dataclass(frozen=True)
class Figures:
    """A goal's progress and forecast (0–100, None when nothing measures it), whether anything
    under it is at risk, and the worst confidence reported on its own key results."""

    progress: float | None
    forecast_progress: float | None
    at_risk: bool
    confidence: str

    def differ_from(self, goal: Goal) -> bool:
        """Whether the goal's stored figures are not these."""
        return any(getattr(self, name) != getattr(goal, name) for name in FIGURE_FIELDS)


def goal_rows(goals: QuerySet):
    """(id, parent id, weight, status) of the goals (decimals read as floats: the roll-up
    needs no more, and SQLite's decimal conversion would cost more than the roll-up itself)."""
    return goals.annotate(share=Cast("weight", FloatField())).values_list(
        "id", "parent_id", "share", "status"
    )


def key_result_rows(key_results: QuerySet):
    """What the roll-up reads of each key result, as plain values."""
    return key_results.annotate(
        start=Cast("start_value", FloatField()),
        target=Cast("target_value", FloatField()),
        current=Cast("current_value", FloatField()),
        share=Cast("weight", FloatField()),
    ).values_list(
        "goal_id",
        "start",
        "target",
        "direction",
        "current",
        "forecast_value",
        "share",
        "at_risk",
        "confidence",
    )


@dataclass
class _Pool:
    """What one goal's own key results bring."""

    progress: list = field(default_factory=list)
    forecast: list = field(default_factory=list)
    at_risk: bool = False
    confidence: str = ""


def _pools(key_results) -> dict[int, _Pool]:
    pools: dict[int, _Pool] = defaultdict(_Pool)
    progress_of = forecast.progress_percent
    for (
        goal_id,
        start,
        target,
        direction,
        current,
        projected,
        weight,
        at_risk,
        confidence,
    ) in key_results:
        direction = DIRECTIONS[direction]
        progress = progress_of(float(start), float(target), direction, float(current))
        ahead = progress
        if projected is not None:
            ahead = progress_of(float(start), float(target), direction, projected)
        pool = pools[goal_id]
        index = len(pool.progress)
        pool.progress.append(WeightedProgress(index, progress, float(weight)))
        pool.forecast.append(WeightedProgress(index, ahead, float(weight)))
        pool.at_risk = pool.at_risk or at_risk
        if CONFIDENCE_RANK.get(confidence, -1) > CONFIDENCE_RANK.get(pool.confidence, -1):
            pool.confidence = confidence
    return pools


def _figures(status: str, pool: _Pool, progress, projected, children_at_risk: bool) -> Figures:
    is_open = status in OPEN
    return Figures(
        progress=progress,
        forecast_progress=projected,
        at_risk=is_open and (pool.at_risk or children_at_risk),
        confidence=pool.confidence if is_open else "",
    )


def compute_figures(goals, key_results) -> dict[int, Figures]:
    """Roll up whole trees from (id, parent id, weight, status) goal rows and key-result rows."""
    status = {pk: state for pk, _parent, _weight, state in goals}
    weight = {pk: float(value) for pk, _parent, value, _state in goals}
    children: dict[int, list[int]] = defaultdict(list)
    tops = []
    for pk, parent, _weight, state in goals:
        if parent in status and state in CONTRIBUTING:
            children[parent].append(pk)
        else:
            tops.append(pk)
    pools = _pools(key_results)
    progress_nodes, forecast_nodes, risky = {}, {}, {}
    for pk in _bottom_up(tops, children):
        pool, kids = pools.get(pk) or _Pool(), children[pk]
        progress_nodes[pk] = GoalNode(
            pk, tuple(pool.progress), tuple(progress_nodes[c] for c in kids), weight[pk]
        )
        forecast_nodes[pk] = GoalNode(
            pk, tuple(pool.forecast), tuple(forecast_nodes[c] for c in kids), weight[pk]
        )
        risky[pk] = status[pk] in OPEN and (pool.at_risk or any(risky[c] for c in kids))
    progress, projected = {}, {}
    for top in tops:
        progress.update(forecast.roll_up_goal(progress_nodes[top]).by_goal())
        projected.update(forecast.roll_up_goal(forecast_nodes[top]).by_goal())
    result = {}
    for pk in progress_nodes:
        below = any(risky[child] for child in children[pk])
        result[pk] = _figures(
            status[pk], pools.get(pk) or _Pool(), progress[pk], projected[pk], below
        )
    return result


def _bottom_up(tops: list[int], children: dict[int, list[int]]) -> list[int]:
    """Every goal reachable from the tops, each after all the goals under it."""
    order, stack = [], list(tops)
    while stack:
        pk = stack.pop()
        order.append(pk)
        stack.extend(children[pk])
    return list(reversed(order))


def figures_of(goal: Goal, key_results, children) -> Figures:
    """One goal's figures from its key-result rows and its children's stored figures, given as
    (id, weight, status, progress, forecast progress, at risk) rows."""
    pool = _pools(key_results).get(goal.pk) or _Pool()
    contributing = [child for child in children if child[2] in CONTRIBUTING]

    def stored(pk, weight, value) -> GoalNode:
        parts = (WeightedProgress(pk, value, 1.0),) if value is not None else ()
        return GoalNode(pk, parts, (), float(weight))

    progress = GoalNode(
        goal.pk, tuple(pool.progress), tuple(stored(c[0], c[1], c[3]) for c in contributing)
    )
    projected = GoalNode(
        goal.pk, tuple(pool.forecast), tuple(stored(c[0], c[1], c[4]) for c in contributing)
    )
    return _figures(
        goal.status,
        pool,
        forecast.roll_up_goal(progress).progress_percent,
        forecast.roll_up_goal(projected).progress_percent,
        any(child[5] for child in contributing),
    )
