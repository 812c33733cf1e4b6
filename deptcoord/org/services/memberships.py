"""Giving people roles in departments (head, coordinator, member) and taking them away."""

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.org.models import Department, Membership, Person


@transaction.atomic
def membership_set(
    *, actor: Actor, person: Person, department: Department, role: str
) -> Membership:
    """Add the person to the department with the role, or change their role there."""
    authorize(actor, Action.MANAGE_MEMBERS, department)
    role = Membership.Role(role)
    membership, created = Membership.objects.select_for_update().get_or_create(
        person=person, department=department, defaults={"role": role}
    )
    if not created and membership.role == role:
        return membership
    before = None if created else membership.role
    membership.role = role
    membership.save()
    audit_record(
        actor=actor,
        kind="create" if created else "update",
        action="org.membership.set",
        target=person,
        changes={f"role:{department.code}": [before, role.value]},
        department_id=department.pk,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Actor, membership_id: int) -> None:
    """Take a person out of a department (their primary department stays as it is)."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("person", "department")
        .get(pk=membership_id)
    )
    authorize(actor, Action.DELETE, membership)
    audit_record(
        actor=actor,
        kind="delete",
        action="org.membership.remove",
        target=membership.person,
        changes={f"role:{membership.department.code}": [membership.role, None]},
        department_id=membership.department_id,
    )
    membership.delete()
