"""The department tree: the departments below and above others, read by the role facts, the
access rules and the goal alignment of every app."""

from deptcoord.access import RoleFacts
from deptcoord.core.request_memo import forget_on_write, remembered
from deptcoord.org.models import Department

TREE = "org.department_tree"
forget_on_write(Department, TREE)


def parent_of() -> dict[int, int | None]:
    """Each department's parent (read once per request; not to be changed by the reader)."""
    return remembered(TREE, lambda: dict(Department.objects.values_list("id", "parent_id")))


def departments_above(facts: RoleFacts) -> set[int]:
    """The departments above those the person belongs to (a team's department, and up)."""
    mine = facts.departments_in()
    if not mine:
        return set()
    parents = parent_of()
    above: set[int] = set()
    for pk in mine:
        node = parents.get(pk)
        while node is not None and node not in above:
            above.add(node)
            node = parents.get(node)
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
    below = descendants_map(parent_of())
    return [department_id, *below.get(department_id, [])]
