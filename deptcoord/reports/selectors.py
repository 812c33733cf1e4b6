"""Reads for the Today briefing, narrowed by the access policy."""

from dataclasses import dataclass
from datetime import date, timedelta

from deptcoord.access import RoleFacts, visible
from deptcoord.org import selectors as org
from deptcoord.org.calendar import upcoming_days_off
from deptcoord.org.models import Department, Person


@dataclass
class Briefing:
    """What the person sees first in the morning."""

    departments: list
    away_today: list
    away_this_week: list
    days_off: dict
    not_invited: int
    headcount: int


def briefing(facts: RoleFacts, today: date) -> Briefing:
    """The briefing over the person's scope: their departments, or the company for executives."""
    scope = None if facts.company_roles() else sorted(facts.departments_in())
    departments = visible(facts, Department.objects.filter(is_active=True))
    if scope is not None:
        departments = departments.filter(pk__in=scope)
    week_end = today + timedelta(days=6 - today.weekday())
    tomorrow = today + timedelta(days=1)
    later = org.people_away_between(facts, tomorrow, week_end, scope).filter(
        start_date__gte=tomorrow
    )
    people = visible(facts, Person.objects.filter(is_active=True))
    if scope is not None:
        people = people.filter(primary_department__in=scope)
    return Briefing(
        departments=list(departments.order_by("code")),
        away_today=list(org.people_away(facts, today, scope)),
        away_this_week=list(later),
        days_off=upcoming_days_off(today, 45),
        not_invited=people.filter(user__isnull=True).count(),
        headcount=people.count(),
    )
