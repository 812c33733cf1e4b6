"""Giving people roles in departments (head, coordinator, member) and taking them away."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
    _tell_the_person(actor, membership)
    audit_record(
        actor=actor,
        kind="create" if created else "update",
        action="org.membership.set",
        target=person,
        changes={f"role:{department.code}": [before, role.value]},
        department_id=department.pk,
    )
    return membership


ROLE_GIVEN = _("%(actor)s made you %(role)s in %(department)s.")


def _tell_the_person(actor: Actor, membership: Membership) -> None:
    """The person learns of their new role, unless they gave it to themselves."""
    from deptcoord.notices.notifications import notify

    if actor.person is None or actor.person_id == membership.person_id:
        return
    department = membership.department
    notify(
        recipient=membership.person,
        kind="org.membership",
        message=ROLE_GIVEN,
        params={
            "actor": actor.person.full_name,
            "role": Membership.Role(membership.role).label,
            "department": department,
        },
        url=reverse("org:department_detail", kwargs={"pk": department.pk}),
        target=department,
        actor=actor.person,
    )


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
