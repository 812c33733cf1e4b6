"""The department tree: the departments below and above others, read by the role facts, the
access rules and the goal alignment of every app."""

from deptcoord.access import RoleFacts
from deptcoord.org.models import Department


def departments_above(facts: RoleFacts) -> set[int]:
    """The departments above those the person belongs to (a team's department, and up)."""
    mine = facts.departments_in()
    if not mine:
        return set()
    parent_of = dict(Department.objects.values_list("id", "parent_id"))
    above: set[int] = set()
    for pk in mine:
        node = parent_of.get(pk)
        while node is not None and node not in above:
            above.add(node)
            node = parent_of.get(node)
    return above - mine


def descendants_map(parent_of: dict[int, int | None]) -> dict[int, list[int]]:
    """Each department's descendants, from a child → parent map."""
    children: dict[int, list[int]] = {}
    for child, parent in parent_of.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    result = {}
    for root in parent_of:
        stack, found = list(children.get(root, [])), []
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(children.get(node, []))
        result[root] = found
    return result


def department_and_teams(department_id: int) -> list[int]:
    """The department and every department under it."""
    below = descendants_map(dict(Department.objects.values_list("id", "parent_id")))
    return [department_id, *below.get(department_id, [])]
