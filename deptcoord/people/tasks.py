"""Background jobs of the people app: a daily reminder of overdue development actions."""

from collections import defaultdict

from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from deptcoord.notices.notifications import notify
from deptcoord.org.models import Membership
from deptcoord.people import messages
from deptcoord.people.models import DevelopmentAction, DevelopmentPlan


def overdue_actions(today):
    """Open actions of active plans past their due date, not reminded today."""
    return (
        DevelopmentAction.objects.filter(
            done_on__isnull=True, due__lt=today, plan__status=DevelopmentPlan.Status.ACTIVE
        )
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .select_related("plan__person")
        .order_by("plan__person_id", "due", "pk")
    )


def coordinators_of(department_ids) -> dict[int, list]:
    """The coordinators (or heads, when a department has none) of each department."""
    leaders: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for membership in Membership.objects.filter(
        department__in=department_ids, role__in=["head", "coordinator"]
    ).select_related("person"):
        leaders[membership.department_id][membership.role].append(membership.person)
    return {pk: roles.get("coordinator") or roles.get("head", []) for pk, roles in leaders.items()}


@task
def remind_overdue_actions() -> int:
    """Once a day, remind the person and their coordinator of each overdue development action."""
    today = timezone.localdate()
    actions = list(overdue_actions(today))
    leaders = coordinators_of({action.plan.person.primary_department_id for action in actions})
    sent = 0
    for action in actions:
        person = action.plan.person
        recipients = {person.pk: person}
        for leader in leaders.get(person.primary_department_id, []):
            recipients.setdefault(leader.pk, leader)
        for recipient in recipients.values():
            sent += bool(
                notify(
                    recipient=recipient,
                    kind="people.action_overdue",
                    message=messages.ACTION_OVERDUE,
                    params={
                        "title": action.title,
                        "name": person.full_name,
                        "due": action.due,
                    },
                    url=reverse("people:plan_detail", kwargs={"pk": action.plan_id}),
                    target=action.plan,
                )
            )
    DevelopmentAction.objects.filter(pk__in=[action.pk for action in actions]).update(
        reminded_on=today
    )
    return sent
