"""Computing a person's role facts for the policy, once per request."""

from deptcoord.access import ANONYMOUS, Role, RoleFacts
from deptcoord.access.actions import DEPARTMENT_ROLE_RANK
from deptcoord.org.models import Membership, Person
from deptcoord.org.tree import descendants_map, parent_of

RUNNING_ROLES = {Role.HEAD, Role.COORDINATOR}


def role_facts_for_person(person: Person | None) -> RoleFacts:
    """The person's facts: company roles, and department roles carried down to sub-departments."""
    if person is None or not person.is_active:
        return ANONYMOUS
    memberships = list(
        Membership.objects.filter(person=person).values_list("department_id", "role")
    )
    roles: dict[int, Role] = {}
    if any(Role(role) in RUNNING_ROLES for _dept, role in memberships):
        below = descendants_map(parent_of())
    else:
        below = {}
    for department_id, role in memberships:
        role = Role(role)
        for pk in [department_id, *(below.get(department_id, []) if role in RUNNING_ROLES else [])]:
            current = roles.get(pk)
            if current is None or DEPARTMENT_ROLE_RANK[role] > DEPARTMENT_ROLE_RANK[current]:
                roles[pk] = role
    return RoleFacts(
        person_id=person.pk,
        is_admin=person.is_admin or bool(person.user and person.user.is_superuser),
        is_executive=person.is_executive,
        is_hr=person.is_hr,
        department_roles=roles,
        primary_department_id=person.primary_department_id,
    )
