"""How the keys notices writes in the audit trail read in a history panel: a notification
kind by its label with its delivery in words, and the kinds an unsubscribe left in the app."""

from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

from deptcoord.audit.history import Spec
from deptcoord.notices.models import Delivery
from deptcoord.notices.notifications import notification_kinds

KINDS_OFF = pgettext_lazy("history", "Kinds left out of the digest")


def history_key(name: str) -> Spec | None:
    """The label and choices of a key notices writes; None for any other key."""
    kinds = notification_kinds()
    if name in kinds:
        return Spec(capfirst(str(kinds[name])), "choice", dict(Delivery.choices))
    if name == "digest_kinds_off":
        labels = {kind: capfirst(str(label)) for kind, label in kinds.items()}
        return Spec(str(KINDS_OFF), "list", labels)
    return None
