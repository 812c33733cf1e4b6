"""The department tree, read by the access rules of every app."""

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
