"""Reads of notices: a person's own notifications and how each kind reaches them."""

from django.db.models import QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.notices.models import Notification, NotificationPreference
from deptcoord.notices.notifications import kind_default, notification_kinds


def notifications_visible(facts: RoleFacts) -> QuerySet:
    """The notifications the person may read (their own), newest first."""
    return visible(facts, Notification.objects.all())


def deliveries_chosen(person) -> dict[str, str]:
    """How each registered kind reaches the person (the kind's default unless they chose)."""
    chosen = dict(
        NotificationPreference.objects.filter(person=person).values_list("kind", "delivery")
    )
    return {kind: chosen.get(kind) or kind_default(kind) for kind in notification_kinds()}
