"""Who hears about what happens to steps and requests: department coordinators, assignees,
people mentioned."""

from django.urls import reverse

from deptcoord.notices.notifications import notify
from deptcoord.org.models import Membership, Person


def department_coordinators(department_id: int) -> list[Person]:
    """The department's coordinators, or its head when it has none."""
    memberships = Membership.objects.filter(
        department_id=department_id,
        role__in=[Membership.Role.COORDINATOR, Membership.Role.HEAD],
        person__is_active=True,
    ).select_related("person")
    coordinators = [m.person for m in memberships if m.role == Membership.Role.COORDINATOR]
    return coordinators or [m.person for m in memberships]


def step_url(step) -> str:
    """The page of a step."""
    return reverse("work:step", args=[step.pk])


def request_url(request) -> str:
    """The page of a request."""
    return reverse("work:request", args=[request.pk])


def notify_department(
    department_id: int, *, kind, message, params, url, target, skip=None, actor=None
):
    """Notify the department's coordinators (never the person who acted)."""
    for person in department_coordinators(department_id):
        if skip is not None and person.pk == skip:
            continue
        notify(
            recipient=person,
            kind=kind,
            message=message,
            params=params,
            url=url,
            target=target,
            actor=actor,
        )
