"""Building goals for tests through the services, on a period around today."""

from datetime import timedelta

from django.utils import timezone

from deptcoord.core.actor import SYSTEM, Actor
from deptcoord.goals import services
from deptcoord.goals.models import Goal
from deptcoord.org.facts import role_facts_for_person


def actor(person) -> Actor:
    """The person as the acting user."""
    return Actor(person=person, facts=role_facts_for_person(person))


def period(days_before: int = 60, days_after: int = 30):
    """A period that started ``days_before`` days ago and ends ``days_after`` days from now."""
    today = timezone.localdate()
    return today - timedelta(days=days_before), today + timedelta(days=days_after)


def goal(owner, level=Goal.Level.DEPARTMENT, department=None, parent=None, by=SYSTEM, **fields):
    """A goal (a department goal by default) over ``period()``."""
    start, end = period()
    values = {
        "title_en": f"{level.title()} goal",
        "title_vi": f"Mục tiêu {level}",
        "period_start": start,
        "period_end": end,
        **fields,
    }
    return services.goal_create(
        actor=by, level=level, owner=owner, department=department, parent=parent, **values
    )


def key_result(goal, owner, start=0, target=100, by=SYSTEM, **fields):
    """A number key result from ``start`` to ``target``."""
    values = {"title_en": "Units sold", "title_vi": "Số máy bán ra", **fields}
    return services.key_result_create(
        actor=by, goal=goal, owner=owner, start_value=start, target_value=target, **values
    )


def check_in(key_result, value, days_ago=0, by=SYSTEM, confidence="on_track", note=""):
    """A check-in dated ``days_ago`` days ago."""
    return services.check_in_create(
        actor=by,
        key_result_id=key_result.pk,
        value=value,
        confidence=confidence,
        note=note,
        day=timezone.localdate() - timedelta(days=days_ago),
    )
