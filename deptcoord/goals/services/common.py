"""What every goals service shares: saving a change with its audit entry, and who may own."""

from django.utils import timezone

from deptcoord.access import Action, can
from deptcoord.audit.services import (  # noqa: F401  (the goals services' audit helpers)
    record_created,
    record_deleted,
    save_with_audit,
)
from deptcoord.org.facts import role_facts_for_person


def today():
    """Today in the company's time zone (services date check-ins and forecasts with it)."""
    return timezone.localdate()


def plain_number(value) -> str:
    """A decimal as people write it in the history: 95.8, 1200000 (not 95.8000)."""
    return format(value.normalize(), "f")


def may_see(person, obj) -> bool:
    """Whether a person (not the actor) may see a record: owners must see what they own."""
    return can(role_facts_for_person(person), Action.VIEW, obj)
