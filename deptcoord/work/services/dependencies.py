"""Linking steps: finish-to-start with a lag, across projects and departments, never in a
circle."""

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action, can
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.work import messages
from deptcoord.work.models import Dependency, Step
from deptcoord.work.services.common import record_created, record_deleted, save_with_audit

DEPENDENCY_FIELDS = ["predecessor", "successor", "lag_days"]


def _lag(value) -> int:
    try:
        lag = int(str(value if value not in (None, "") else 0).strip())
    except ValueError:
        raise ValidationError({"lag_days": [messages.LAG_RANGE]}) from None
    if not -365 <= lag <= 365:
        raise ValidationError({"lag_days": [messages.LAG_RANGE]})
    return lag


def path_between(start_id: int, goal_id: int) -> list[int] | None:
    """The chain of step ids from ``start_id`` to ``goal_id`` following dependencies forward,
    or None (breadth first, one query per level)."""
    parent = {start_id: None}
    frontier = [start_id]
    while frontier:
        pairs = Dependency.objects.filter(predecessor_id__in=frontier).values_list(
            "predecessor_id", "successor_id"
        )
        frontier = []
        for before, after in pairs:
            if after in parent:
                continue
            parent[after] = before
            if after == goal_id:
                chain = [after]
                while parent[chain[-1]] is not None:
                    chain.append(parent[chain[-1]])
                return chain[::-1]
            frontier.append(after)
    return None


def _cycle_names(chain: list[int]) -> str:
    titles = {step.pk: step.title for step in Step.objects.filter(pk__in=chain)}
    names = [f"“{titles[pk]}”" for pk in chain]
    return " → ".join([*names, names[0]])


@transaction.atomic
def dependency_create(*, actor: Actor, predecessor: Step, successor: Step, lag_days=0):
    """Make ``successor`` wait for ``predecessor`` to finish, plus ``lag_days`` working days.

    The actor must be able to change the successor and see the predecessor."""
    authorize(actor, Action.CHANGE, successor)
    if actor.via != "system" and not can(actor.facts, Action.VIEW, predecessor):
        raise ValidationError({"predecessor": [messages.STEP_NOT_VISIBLE]})
    if predecessor.pk == successor.pk:
        raise ValidationError({"predecessor": [messages.DEPENDENCY_ON_ITSELF]})
    lag = _lag(lag_days)
    if Dependency.objects.filter(predecessor=predecessor, successor=successor).exists():
        raise ValidationError({"predecessor": [messages.DEPENDENCY_EXISTS]})
    chain = path_between(successor.pk, predecessor.pk)
    if chain is not None:
        raise ValidationError(
            {"predecessor": [messages.DEPENDENCY_CYCLE % {"cycle": _cycle_names(chain)}]}
        )
    link = Dependency.objects.create(predecessor=predecessor, successor=successor, lag_days=lag)
    record_created(
        actor, link, DEPENDENCY_FIELDS, "work.dependency.create", successor.department_id
    )
    return link


@transaction.atomic
def dependency_update(*, actor: Actor, dependency_id: int, expected_version=None, lag_days=0):
    """Change the lag of a link."""
    link = lock(Dependency, dependency_id)
    authorize(actor, Action.CHANGE, link)
    check_version(link, expected_version)
    before = snapshot(link, DEPENDENCY_FIELDS)
    link.lag_days = _lag(lag_days)
    save_with_audit(
        actor,
        link,
        before,
        DEPENDENCY_FIELDS,
        "work.dependency.update",
        link.successor.department_id,
    )
    return link


@transaction.atomic
def dependency_delete(*, actor: Actor, dependency_id: int, expected_version=None) -> None:
    """Remove a link."""
    link = lock(Dependency, dependency_id)
    authorize(actor, Action.DELETE, link)
    check_version(link, expected_version)
    record_deleted(
        actor, link, DEPENDENCY_FIELDS, "work.dependency.delete", link.successor.department_id
    )
    link.delete()
