"""The one access policy: who may see and do what, on every page, endpoint, export and e-mail.

Entry points: ``can`` (or ``allowed``, every action at once), ``visible`` (``openable`` for a
related record in a list), ``get_visible_or_404`` and ``require``. Apps state their
rules in their own ``access.py`` and register them here; this package imports no app.
"""

from deptcoord.access.actions import Action, Relation, Role
from deptcoord.access.facts import ANONYMOUS, RoleFacts
from deptcoord.access.policy import (
    Rule,
    allowed,
    can,
    decide,
    get_visible_or_404,
    on_denied,
    openable,
    register,
    report_refusal,
    require,
    rule_for,
    visible,
)

__all__ = [
    "ANONYMOUS",
    "Action",
    "Relation",
    "Role",
    "RoleFacts",
    "Rule",
    "allowed",
    "can",
    "decide",
    "get_visible_or_404",
    "on_denied",
    "openable",
    "register",
    "report_refusal",
    "require",
    "rule_for",
    "visible",
]
