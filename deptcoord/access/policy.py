"""The policy's entry points and the registry of per-kind rules.

A rule turns (facts, record) into the person's roles and relation to the record; ``decide``
looks them up in the rule's table. ``visible`` narrows a queryset with the rule's filter.
"""

from collections.abc import Callable, Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404

from deptcoord.access.actions import Action, Relation, Role
from deptcoord.access.facts import RoleFacts

Table = Mapping[tuple[Role, Relation], frozenset[Action]]
_rules: dict[type[Model], "Rule"] = {}
_denial_listeners: list[Callable[[RoleFacts, str, object, str], None]] = []


def decide(table: Table, standings: Iterable[tuple[Role, Relation]]) -> frozenset[Action]:
    """The actions the table grants to any of the person's (role, relation) standings."""
    granted: set[Action] = set()
    for standing in standings:
        granted |= table.get(standing, frozenset())
    return frozenset(granted)


class Rule:
    """How one kind of record is seen and acted on; subclasses live in each app's access.py."""

    model: type[Model]
    table: Table = {}

    def standings(self, facts: RoleFacts, obj: Model) -> set[tuple[Role, Relation]]:
        """The person's (role, relation) pairs toward the record."""
        raise NotImplementedError

    def visible_filter(self, facts: RoleFacts) -> Q:
        """A filter selecting exactly the records the person may see."""
        raise NotImplementedError

    def actions(self, facts: RoleFacts, obj: Model) -> frozenset[Action]:
        """Everything the person may do with the record."""
        if not facts.is_authenticated:
            return frozenset()
        return decide(self.table, self.standings(facts, obj))


def register(rule: Rule) -> Rule:
    """Register an app's rule for its model."""
    _rules[rule.model] = rule
    return rule


def rule_for(model: type[Model]) -> Rule:
    """The rule registered for a model (a model without a rule is a programming error)."""
    for klass in model.__mro__:
        if klass in _rules:
            return _rules[klass]
    raise LookupError(f"No access rule is registered for {model.__name__}.")


def on_denied(listener: Callable[[RoleFacts, str, object, str], None]) -> None:
    """Subscribe to denials (the audit trail records them as security events)."""
    _denial_listeners.append(listener)


def _report_denial(facts: RoleFacts, kind: str, target: object, action: str) -> None:
    for listener in _denial_listeners:
        listener(facts, kind, target, action)


def report_refusal(refusal: PermissionDenied) -> None:
    """Keep a service's refusal in the trail once its transaction is over (the entry written
    inside it was rolled back); a page that shows the refusal on its form calls this."""
    refused = getattr(refusal, "refused", None)
    if refused is not None:
        _report_denial(*refused)


def allowed(facts: RoleFacts, obj: Model) -> frozenset[Action]:
    """Everything the person may do with the record, read once (for a page that asks several
    times)."""
    return rule_for(type(obj)).actions(facts, obj)


def can(facts: RoleFacts, action: Action, obj: Model) -> bool:
    """Whether the person may take the action on the record."""
    return action in allowed(facts, obj)


def visible(facts: RoleFacts, queryset: QuerySet) -> QuerySet:
    """The part of the queryset the person may see."""
    if not facts.is_authenticated:
        return queryset.none()
    return queryset.filter(rule_for(queryset.model).visible_filter(facts))


def openable(facts: RoleFacts, model: type[Model], ref: str) -> Exists:
    """Whether the person may open the ``model`` record that the field ``ref`` of each row
    names, as an annotation (one query for a whole list): a list shows a related record's name
    only where it may be opened, like a page answers 404 for it."""
    return Exists(visible(facts, model._default_manager.filter(pk=OuterRef(ref))))


def get_visible_or_404(facts: RoleFacts, source: type[Model] | QuerySet, **lookup) -> Model:
    """The record if the person may see it; otherwise 404, exactly as if it did not exist."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    try:
        return visible(facts, queryset).get(**lookup)
    except (ValueError, TypeError, OverflowError, ValidationError):
        raise Http404 from None
    except queryset.model.DoesNotExist:
        if queryset.model._default_manager.filter(**lookup).exists():
            _report_denial(facts, queryset.model._meta.label, lookup, Action.VIEW)
        raise Http404 from None


def require(facts: RoleFacts, action: Action, obj: Model) -> None:
    """Refuse (403) an action on a visible record the person may not take."""
    if not can(facts, action, obj):
        _report_denial(facts, obj._meta.label, obj.pk, action)
        raise PermissionDenied
