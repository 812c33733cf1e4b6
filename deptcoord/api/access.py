"""Tokens are their owner's alone."""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, Rule, register
from deptcoord.api.models import AccessToken

OWNER_ACTIONS = frozenset({Action.VIEW, Action.DELETE})


class AccessTokenRule(Rule):
    """Only the owner sees and revokes a token (admins neither see nor use others' tokens)."""

    model = AccessToken
    table = {(role, Relation.OWN): OWNER_ACTIONS for role in Role}

    def standings(self, facts, obj):
        if obj.person_id == facts.person_id:
            return {(Role.MEMBER, Relation.OWN)}
        return set()

    def visible_filter(self, facts):
        return Q(person_id=facts.person_id)


register(AccessTokenRule())
