"""The skills catalogue, people's assessments (self and by their coordinator) and praise."""

from datetime import timedelta

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import PRAISE, PRODUCTS, REGIONS, SKILLS
from deptcoord.demo.generator.work import members_by_department


def skills(context: Context, progress) -> int:
    """The catalogue's categories and skills, then about four assessments per person."""
    from deptcoord.people.models import Assessment, Skill, SkillCategory

    rng = context.rng
    categories = context.bulk(
        SkillCategory,
        (
            SkillCategory(name_en=name_en, name_vi=name_vi, position=n)
            for n, (name_en, name_vi, _skills) in enumerate(SKILLS)
        ),
    )
    catalogue = context.bulk(
        Skill,
        (
            Skill(category=category, name_en=name_en, name_vi=name_vi)
            for category, (_en, _vi, pairs) in zip(categories, SKILLS, strict=True)
            for name_en, name_vi in pairs
        ),
    )
    members = members_by_department(context)
    rows = []
    for person, home in zip(context.made["people"], context.made["homes"], strict=True):
        coordinator = members[home.pk][min(1, len(members[home.pk]) - 1)]
        for skill in rng.sample(catalogue, k=rng.randint(2, 6)):
            day = context.today - timedelta(days=rng.randint(0, 300))
            level = rng.randint(1, 5)
            rows.append(
                Assessment(
                    person=person,
                    skill=skill,
                    level=level,
                    kind="self",
                    assessed_by=person,
                    day=day,
                )
            )
            if rng.random() < 0.5 and coordinator is not person:
                rows.append(
                    Assessment(
                        person=person,
                        skill=skill,
                        level=max(1, level - rng.randint(0, 1)),
                        kind="coordinator",
                        assessed_by=coordinator,
                        day=day + timedelta(days=3),
                    )
                )
    return len(catalogue) + len(context.bulk(Assessment, rows, progress))


def praise(context: Context, progress) -> int:
    """Praise between colleagues of the same department, most of it on the recognition wall."""
    from deptcoord.people.models import Feedback

    rng = context.rng
    members = members_by_department(context)
    rows = []
    for person, home in zip(context.made["people"], context.made["homes"], strict=True):
        colleagues = members[home.pk]
        if len(colleagues) < 2 or rng.random() < 0.5:
            continue
        subject = rng.choice([c for c in colleagues if c is not person])
        _region_en, region_vi = rng.choice(REGIONS)
        rows.append(
            Feedback(
                kind="praise",
                visibility="public" if rng.random() < 0.8 else "private",
                subject=subject,
                author=person,
                body=rng.choice(PRAISE).format(product=rng.choice(PRODUCTS), region_vi=region_vi),
            )
        )
    return len(context.bulk(Feedback, rows, progress))
