"""A person's role facts, computed once per request by the organisation app and handed in."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from deptcoord.access.actions import DEPARTMENT_ROLE_RANK, Role


@dataclass(frozen=True)
class RoleFacts:
    """Who the person is to the policy: company roles and the role held in each department.

    ``department_roles`` already carries a head's or coordinator's role down to the
    sub-departments; ``invited`` lists ``(kind, id)`` records a guest was invited to.
    """

    person_id: int | None
    is_admin: bool = False
    is_executive: bool = False
    is_hr: bool = False
    department_roles: Mapping[int, Role] = field(default_factory=dict)
    primary_department_id: int | None = None
    invited: frozenset[tuple[str, int]] = frozenset()

    @property
    def is_authenticated(self) -> bool:
        """True for a signed-in person."""
        return self.person_id is not None

    def company_roles(self) -> set[Role]:
        """The company-wide roles held."""
        roles = set()
        if self.is_admin:
            roles.add(Role.ADMIN)
        if self.is_executive:
            roles.add(Role.EXECUTIVE)
        if self.is_hr:
            roles.add(Role.HR)
        return roles

    def role_in(self, department_id: int | None) -> Role | None:
        """The person's role in a department, or None."""
        if department_id is None:
            return None
        return self.department_roles.get(department_id)

    def best_department_role(self) -> Role | None:
        """The highest department role held anywhere, or None for a guest."""
        if not self.department_roles:
            return None
        return max(self.department_roles.values(), key=DEPARTMENT_ROLE_RANK.__getitem__)

    def departments_run(self) -> frozenset[int]:
        """Departments this person runs, as head or coordinator."""
        return frozenset(
            pk
            for pk, role in self.department_roles.items()
            if role in {Role.HEAD, Role.COORDINATOR}
        )

    def departments_in(self) -> frozenset[int]:
        """Departments this person belongs to in any role."""
        return frozenset(self.department_roles)

    def is_guest(self) -> bool:
        """A person with no department and no company role: sees only what they are invited to."""
        return self.is_authenticated and not self.department_roles and not self.company_roles()


ANONYMOUS = RoleFacts(person_id=None)
