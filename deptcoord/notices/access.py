"""Who sees notifications: each is its recipient's alone."""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, Rule, register
from deptcoord.notices.models import Notification

RECIPIENT_ACTIONS = frozenset({Action.VIEW, Action.CHANGE})


class NotificationRule(Rule):
    """Only the recipient reads a notification and marks it read."""

    model = Notification
    table = {(role, Relation.OWN): RECIPIENT_ACTIONS for role in Role}

    def standings(self, facts, obj):
        if obj.recipient_id == facts.person_id:
            return {(Role.MEMBER, Relation.OWN)}
        return set()

    def visible_filter(self, facts):
        return Q(recipient_id=facts.person_id)


register(NotificationRule())
