"""Building people records for tests through the services."""

from datetime import timedelta

from django.utils import timezone

from deptcoord.core.actor import SYSTEM, Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.people import services


def actor(person) -> Actor:
    """The person as the acting user."""
    return Actor(person=person, facts=role_facts_for_person(person))


def days(count: int):
    """Today moved by ``count`` days."""
    return timezone.localdate() + timedelta(days=count)


def warning(subject, author, level, body="Late three times", reason="Missed the stand-ups"):
    """A written warning given through the service."""
    return services.feedback_give(
        actor=actor(author), subject=subject, kind="warning", body=body, reason=reason, level=level
    )


def plan(person, by, start=-10, end=120):
    """An active development plan from ``start`` to ``end`` days from today."""
    return services.plan_create(
        actor=actor(by),
        person=person,
        period_start=days(start),
        period_end=days(end),
        goal="Lead the analytics of the launch",
    )


def system_catalogue():
    """A category with two skills and a role profile targeting them (4 and 3)."""
    category = services.skill_category_create(
        actor=SYSTEM, name_en="Marketing", name_vi="Marketing"
    )
    seo = services.skill_create(actor=SYSTEM, category=category, name_en="SEO", name_vi="SEO")
    ads = services.skill_create(
        actor=SYSTEM, category=category, name_en="Digital advertising", name_vi="Quảng cáo số"
    )
    profile = services.role_profile_create(
        actor=SYSTEM, name_en="Digital marketer", name_vi="Chuyên viên Marketing số"
    )
    services.role_targets_set(
        actor=SYSTEM, role_profile_id=profile.pk, targets={seo.pk: 4, ads.pk: 3}
    )
    return category, seo, ads, profile
