"""Building meetings for tests: through the services, as a given person."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from deptcoord.core.actor import Actor
from deptcoord.meetings import services
from deptcoord.org.facts import role_facts_for_person


def actor(person) -> Actor:
    """The person as the actor of a write."""
    return Actor(person=person, facts=role_facts_for_person(person))


def next_weekday(weekday: int, weeks: int = 1) -> date:
    """A date ``weeks`` weeks ahead on the weekday (0 = Monday)."""
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def schedule(organiser, *, day=None, rule="", participants=(), guests=(), **fields):
    """A meeting (09:00–10:00 in Hồ Chí Minh City by default) organised by ``organiser``."""
    day = day or next_weekday(1)
    values = {
        "title_en": "Launch sync",
        "start": datetime.combine(day, datetime.min.time()).replace(hour=9),
        "end": datetime.combine(day, datetime.min.time()).replace(hour=10),
        "time_zone": "Asia/Ho_Chi_Minh",
        "rrule": rule,
        "participants": [(p, True) for p in participants],
        "guests": list(guests),
        **fields,
    }
    return services.meeting_create(actor=actor(organiser), **values)
