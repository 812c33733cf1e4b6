"""Ordering of things that wait on each other: topological order and cycle finding."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from deptcoord.planning.errors import DEPENDENCY_CYCLE, PlanningError


def topological_order(successors: Mapping[Hashable, Iterable[Hashable]]) -> list:
    """Return the keys so that every item comes before its successors; raise on a cycle."""
    indegree = {node: 0 for node in successors}
    for node in successors:
        for after in successors[node]:
            indegree[after] += 1
    ready = [node for node in successors if indegree[node] == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for after in successors[node]:
            indegree[after] -= 1
            if indegree[after] == 0:
                ready.append(after)
    if len(order) < len(successors):
        cycle = find_cycle(successors)
        raise PlanningError(DEPENDENCY_CYCLE, str(cycle[0]), cycle)
    return order


def find_cycle(successors: Mapping[Hashable, Iterable[Hashable]]) -> list:
    """Return one cycle as a list of nodes whose first node is repeated at the end."""
    state: dict = {}
    for root in successors:
        if root in state:
            continue
        path = [root]
        state[root] = "open"
        stack = [iter(successors[root])]
        while stack:
            after = next(stack[-1], None)
            if after is None:
                state[path.pop()] = "closed"
                stack.pop()
            elif state.get(after) == "open":
                return [*path[path.index(after) :], after]
            elif after not in state:
                state[after] = "open"
                path.append(after)
                stack.append(iter(successors[after]))
    return []
