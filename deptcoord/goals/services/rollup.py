"""Storing each goal's rolled-up figures, so trees, lists and the API read them directly.

Derived figures, not anyone's input: every service that changes what a goal's figures depend
on refreshes that goal and the goals above it, in the same transaction, without audit entries.
The daily job refreshes them all (forecasts move with time).
"""

from collections import defaultdict

from django.db import connection

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.rollup import (
    FIGURE_FIELDS,
    compute_figures,
    figures_of,
    goal_rows,
    key_result_rows,
)

LONGEST_CHAIN = 50


def chain_up(goal_id: int, longest: int = LONGEST_CHAIN) -> list[int]:
    """The goal and the goals above it, bottom first, read in one statement (at most
    ``longest``; a loop in stored parents ends the chain where it comes back)."""
    table = connection.ops.quote_name(Goal._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(  # the model's own table name, quoted; the values are bound
            f"WITH RECURSIVE up (id, parent_id, depth) AS ("  # noqa: S608
            f"SELECT id, parent_id, 0 FROM {table} WHERE id = %s UNION ALL "
            f"SELECT goal.id, goal.parent_id, up.depth + 1 FROM {table} goal "
            "JOIN up ON goal.id = up.parent_id WHERE up.depth < %s) "
            "SELECT id FROM up ORDER BY depth",
            [goal_id, longest - 1],
        )
        found = [row[0] for row in cursor.fetchall()]
    chain: list[int] = []
    for pk in found:
        if pk in chain:
            break
        chain.append(pk)
    return chain


def rollup_refresh(*, goal_ids) -> None:
    """Roll up these goals again, then every goal above them, each after those below it: the
    goals, their key results and their children read once for the whole chain (a check-in
    runs inside its transaction, which on SQLite holds the one writer)."""
    height: dict[int, int] = {}
    for goal_id in {pk for pk in goal_ids if pk is not None}:
        for level, pk in enumerate(chain_up(goal_id)):
            height[pk] = max(height.get(pk, 0), level)
    if not height:
        return
    order = sorted(height, key=height.__getitem__)
    goals = Goal.objects.only("pk", "parent_id", "status", *FIGURE_FIELDS).in_bulk(order)
    key_results = list(key_result_rows(KeyResult.objects.filter(goal__in=order)))
    children: dict[int, list[list]] = defaultdict(list)
    for parent_id, *child in Goal.objects.filter(parent__in=order).values_list(
        "parent_id", "id", "weight", "status", "progress", "forecast_progress", "at_risk"
    ):
        children[parent_id].append(child)
    for pk in order:
        goal = goals.get(pk)
        if goal is None:
            continue
        figures = figures_of(goal, key_results, children[pk])
        if not figures.differ_from(goal):
            continue
        Goal.objects.filter(pk=pk).update(
            **{name: getattr(figures, name) for name in FIGURE_FIELDS}
        )
        for child in children.get(goal.parent_id, ()):  # the goal above reads the new figures
            if child[0] == pk:
                child[3:6] = [figures.progress, figures.forecast_progress, figures.at_risk]


def rollup_refresh_all() -> int:
    """Roll every goal up again from scratch; return how many goals' figures changed."""
    figures = compute_figures(
        list(goal_rows(Goal.objects.all())), key_result_rows(KeyResult.objects.all())
    )
    changed = []
    for goal in Goal.objects.only("pk", *FIGURE_FIELDS).iterator(chunk_size=2000):
        fresh = figures.get(goal.pk)
        if fresh is not None and fresh.differ_from(goal):
            for name in FIGURE_FIELDS:
                setattr(goal, name, getattr(fresh, name))
            changed.append(goal)
    Goal.objects.bulk_update(changed, FIGURE_FIELDS, batch_size=500)
    return len(changed)
