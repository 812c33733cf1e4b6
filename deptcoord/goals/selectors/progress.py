"""What a goal's progress is made of, so the page can say how it is computed.

The rule (``goals/rollup.py``): progress is the weighted average of the goal's key results and
of its contributing goals (active, achieved or missed, with something measured). A key result
with no check-in yet counts at 0 %: it has not moved from its start value. So adding key
results lowers the progress until they are checked in, and the page says so.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.rollup import CONTRIBUTING


@dataclass(frozen=True)
class ProgressBasis:
    """How many key results and contributing goals a goal's progress averages, and how many of
    those key results have no check-in yet (they count as 0 %)."""

    key_results: int
    not_started: int
    goals: int


def progress_basis(goal: Goal) -> ProgressBasis:
    """The parts of the goal's progress (two queries, whatever their number)."""
    counted = KeyResult.objects.filter(goal=goal, weight__gt=0).aggregate(
        total=Count("id"), waiting=Count("id", filter=Q(last_check_in_on__isnull=True))
    )
    goals = Goal.objects.filter(
        parent=goal, status__in=CONTRIBUTING, weight__gt=0, progress__isnull=False
    ).count()
    return ProgressBasis(counted["total"], counted["waiting"], goals)
