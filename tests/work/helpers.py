"""Building work records for tests: a cross-department project and its steps."""

from datetime import date, timedelta

from django.utils import timezone

from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.work.models import Dependency, Project, Step


def actor(person) -> Actor:
    """The person as the actor of a service call."""
    return Actor(person=person, facts=role_facts_for_person(person))


def monday(weeks_ahead: int = 1) -> date:
    """A Monday some weeks from today."""
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)


def project(world, **fields) -> Project:
    """Marketing leads, Sales takes part."""
    start = fields.pop("start", monday(-1))
    made = Project.objects.create(
        code=fields.pop("code", "SMH"),
        title_en=fields.pop("title_en", "SM Home launch"),
        lead_department=world.own,
        coordinator=world.coordinator,
        start=start,
        end=fields.pop("end", start + timedelta(days=120)),
        **fields,
    )
    made.departments.set([world.own, world.other])
    return made


def step(department, title="Step", project=None, **fields) -> Step:
    """A step created directly (no audit entry)."""
    return Step.objects.create(department=department, project=project, title_en=title, **fields)


def link(before: Step, after: Step, lag: int = 0) -> Dependency:
    """``after`` waits for ``before``."""
    return Dependency.objects.create(predecessor=before, successor=after, lag_days=lag)
