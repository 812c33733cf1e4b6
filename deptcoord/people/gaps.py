"""Strengths, gaps and mentoring suggestions from skill levels (pure: no Django).

A gap is a skill below the role's target level. A strength is a skill at least one level above
the target, or among the best in the department (at the department's top level, and at least
``STRONG_LEVEL``). Mentoring suggestions pair each gap with colleagues strong in that skill, in
or outside the department, who have enough free hours a week to mentor.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

STRONG_LEVEL = 3
MENTORING_HOURS = 1.0
SUGGESTIONS_PER_GAP = 3


@dataclass(frozen=True)
class Gap:
    """A skill where the person is below their role's target (unassessed counts as level 0)."""

    skill_id: int
    level: int
    target: int
    assessed: bool

    @property
    def shortfall(self) -> int:
        """How many levels are missing."""
        return self.target - self.level


@dataclass(frozen=True)
class Strength:
    """A skill the person is strong in, and why: above target, or best in the department."""

    skill_id: int
    level: int
    target: int | None
    above_target: bool
    best_in_department: bool


@dataclass(frozen=True)
class Colleague:
    """Someone who might mentor: their department, levels and free hours a week."""

    person_id: int
    department_id: int | None
    levels: Mapping[int, int]
    free_hours: float


@dataclass(frozen=True)
class Suggestion:
    """A colleague suggested to mentor a person in a skill."""

    person_id: int
    skill_id: int
    mentor_id: int
    mentor_level: int
    same_department: bool
    free_hours: float


def gaps(levels: Mapping[int, int], targets: Mapping[int, int]) -> list[Gap]:
    """The skills below target, the largest shortfall first."""
    found = [
        Gap(skill, levels.get(skill, 0), target, skill in levels)
        for skill, target in targets.items()
        if levels.get(skill, 0) < target
    ]
    return sorted(found, key=lambda gap: (-gap.shortfall, gap.skill_id))


def department_best(department_levels: Iterable[Mapping[int, int]]) -> dict[int, int]:
    """The highest level anyone in the department holds in each skill."""
    best: dict[int, int] = {}
    for levels in department_levels:
        for skill, level in levels.items():
            best[skill] = max(best.get(skill, 0), level)
    return best


def strengths(
    levels: Mapping[int, int], targets: Mapping[int, int], best: Mapping[int, int]
) -> list[Strength]:
    """The skills at least one level above target, or at the department's best (≥ STRONG_LEVEL)."""
    found = []
    for skill, level in levels.items():
        target = targets.get(skill)
        above = target is not None and level >= target + 1
        top = level >= STRONG_LEVEL and level >= best.get(skill, 0)
        if above or top:
            found.append(Strength(skill, level, target, above, top))
    return sorted(found, key=lambda strength: (-strength.level, strength.skill_id))


def is_strong(level: int, target: int) -> bool:
    """Whether a level makes a good mentor for a gap with this target."""
    return level >= max(target, STRONG_LEVEL)


def mentoring_suggestions(
    person_id: int,
    department_id: int | None,
    person_gaps: Iterable[Gap],
    colleagues: Iterable[Colleague],
    hours_needed: float = MENTORING_HOURS,
    per_gap: int = SUGGESTIONS_PER_GAP,
) -> list[Suggestion]:
    """For each gap, up to ``per_gap`` colleagues strong in the skill with at least
    ``hours_needed`` free hours a week: the strongest first, then the freest, then those in the
    person's department (ties broken by id, so the answer never depends on input order)."""
    pool = [
        colleague
        for colleague in colleagues
        if colleague.person_id != person_id and colleague.free_hours >= hours_needed
    ]
    result = []
    for gap in person_gaps:
        strong = [c for c in pool if is_strong(c.levels.get(gap.skill_id, 0), gap.target)]
        strong.sort(
            key=lambda c: (
                -c.levels[gap.skill_id],
                -c.free_hours,
                c.department_id != department_id,
                c.person_id,
            )
        )
        result.extend(
            Suggestion(
                person_id=person_id,
                skill_id=gap.skill_id,
                mentor_id=c.person_id,
                mentor_level=c.levels[gap.skill_id],
                same_department=c.department_id == department_id,
                free_hours=c.free_hours,
            )
            for c in strong[:per_gap]
        )
    return result
