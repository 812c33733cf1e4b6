"""The organisation's part of the Today briefing: the people a scope covers, who is away and
the days off ahead."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.core.briefing import Scope
from deptcoord.org import selectors as org
from deptcoord.org.calendar import upcoming_days_off
from deptcoord.org.models import Membership, Person

DAYS_OFF_AHEAD = 45


def scope_people(facts: RoleFacts, scope: Scope) -> QuerySet:
    """The active people the scope covers: its departments' members, or only the person."""
    people = visible(facts, Person.objects.filter(is_active=True))
    if scope.department_ids is None:
        return people
    if not scope.runs:
        return people.filter(pk=scope.person_id)
    members = Membership.objects.filter(department__in=sorted(scope.department_ids))
    return people.filter(
        Q(pk__in=members.values("person_id")) | Q(primary_department__in=scope.department_ids)
    )


@dataclass
class Whereabouts:
    """Who is away today and later this week, the days off ahead, and the head count."""

    away_today: list
    away_this_week: list
    days_off: dict
    not_invited: int
    headcount: int


def whereabouts(facts: RoleFacts, today: date, department_ids=None) -> Whereabouts:
    """The people of the departments (every department for None), as the viewer may see them."""
    week_end = today + timedelta(days=6 - today.weekday())
    tomorrow = today + timedelta(days=1)
    later = org.people_away_between(facts, tomorrow, week_end, department_ids).filter(
        start_date__gte=tomorrow
    )
    people = visible(facts, Person.objects.filter(is_active=True))
    if department_ids is not None:
        people = people.filter(primary_department__in=department_ids)
    return Whereabouts(
        away_today=list(org.people_away(facts, today, department_ids)),
        away_this_week=list(later),
        days_off=upcoming_days_off(today, DAYS_OFF_AHEAD),
        not_invited=people.filter(user__isnull=True).count(),
        headcount=people.count(),
    )
