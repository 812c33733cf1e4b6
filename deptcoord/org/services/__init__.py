"""Every write to the organisation, each recorded in the audit trail in the same transaction."""

from deptcoord.org.services.departments import (
    department_create,
    department_deactivate,
    department_reactivate,
    department_update,
)
from deptcoord.org.services.memberships import membership_remove, membership_set
from deptcoord.org.services.people import (
    person_create,
    person_deactivate,
    person_invite,
    person_reactivate,
    person_set_company_roles,
    person_update,
    profile_update,
)
from deptcoord.org.services.time_off import time_off_create, time_off_delete, time_off_update

__all__ = [
    "department_create",
    "department_deactivate",
    "department_reactivate",
    "department_update",
    "membership_remove",
    "membership_set",
    "person_create",
    "person_deactivate",
    "person_invite",
    "person_reactivate",
    "person_set_company_roles",
    "person_update",
    "profile_update",
    "time_off_create",
    "time_off_delete",
    "time_off_update",
]
