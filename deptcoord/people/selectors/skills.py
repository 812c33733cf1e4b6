"""Reads of the skills catalogue, assessments, skills matrices and a person's skills, narrowed
by the access policy. Strengths, gaps and suggestions come from the pure ``people.gaps``."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.org.models import Department, Person
from deptcoord.org.tree import department_and_teams
from deptcoord.people import gaps as gap_rules
from deptcoord.people.models import (
    Assessment,
    DevelopmentAction,
    PersonProfile,
    RoleProfile,
    RoleTarget,
    Skill,
    SkillCategory,
)
from deptcoord.work.selectors import workload_for

# A colleague's time for mentoring: their hours a week not taken by steps or meetings over the
# coming weeks (the workload), less the mentoring they already do.
FREE_TIME_WEEKS = 4


def catalogue(facts: RoleFacts, include_inactive: bool = False) -> list[SkillCategory]:
    """The categories with their skills (two queries)."""
    skills = visible(facts, Skill.objects.all()).order_by("name_en", "id")
    if not include_inactive:
        skills = skills.filter(is_active=True)
    return list(
        visible(facts, SkillCategory.objects.all()).prefetch_related(
            Prefetch("skills", queryset=skills)
        )
    )


def active_skills(facts: RoleFacts) -> QuerySet:
    """Skills one may assess, in catalogue order."""
    return visible(facts, Skill.objects.filter(is_active=True)).select_related("category")


def role_profiles(facts: RoleFacts) -> QuerySet:
    """Role profiles with their targets and how many people hold each."""
    return (
        visible(facts, RoleProfile.objects.all())
        .annotate(holder_count=Count("holders", distinct=True))
        .prefetch_related(
            Prefetch("targets", queryset=RoleTarget.objects.select_related("skill__category"))
        )
    )


def latest_levels(assessments) -> dict[int, dict[int, int]]:
    """Each person's current level per skill: the latest coordinator assessment, else the
    latest self-assessment (assessments ordered oldest first)."""
    coordinator: dict[int, dict[int, int]] = defaultdict(dict)
    own: dict[int, dict[int, int]] = defaultdict(dict)
    for person_id, skill_id, level, kind in assessments:
        target = coordinator if kind == Assessment.Kind.COORDINATOR else own
        target[person_id][skill_id] = level
    return {
        person_id: {**own.get(person_id, {}), **coordinator.get(person_id, {})}
        for person_id in set(coordinator) | set(own)
    }


def _levels_of(person_ids) -> dict[int, dict[int, int]]:
    rows = (
        Assessment.objects.filter(person__in=person_ids, skill__is_active=True)
        .order_by("day", "id")
        .values_list("person_id", "skill_id", "level", "kind")
    )
    return latest_levels(rows)


def _targets_of(person_ids) -> dict[int, dict[int, int]]:
    profile_of = dict(
        PersonProfile.objects.filter(person__in=person_ids, role_profile__isnull=False).values_list(
            "person_id", "role_profile_id"
        )
    )
    by_profile: dict[int, dict[int, int]] = defaultdict(dict)
    for profile_id, skill_id, level in RoleTarget.objects.filter(
        role_profile__in=set(profile_of.values()), skill__is_active=True
    ).values_list("role_profile_id", "skill_id", "level"):
        by_profile[profile_id][skill_id] = level
    return {person: dict(by_profile.get(profile, {})) for person, profile in profile_of.items()}


@dataclass
class MatrixCell:
    """One person's level in one skill, against their target."""

    level: int | None
    target: int | None
    gap: bool = False
    strength: bool = False


@dataclass
class MatrixRow:
    """A person's row in the skills matrix; ``team`` names the team under the department the
    person belongs to ("" for the department's own people). A person without a role profile
    has no targets, so no gap count: the page says "no profile" rather than a reassuring 0.
    Its ``cells`` are filled by ``SkillsMatrix.fill`` for the rows shown."""

    person: Person
    role_profile: str
    cells: list[MatrixCell] = field(default_factory=list)
    gap_count: int = 0
    team: str = ""
    levels: dict[int, int] = field(default_factory=dict, repr=False)
    targets: dict[int, int] = field(default_factory=dict, repr=False)
    gap_ids: frozenset[int] = field(default_factory=frozenset, repr=False)

    @property
    def has_profile(self) -> bool:
        """Whether the person has a role profile to measure gaps against."""
        return bool(self.role_profile)


@dataclass
class SkillsMatrix:
    """People × skills of a department with gaps and strengths marked."""

    department: Department
    skills: list[Skill]
    rows: list[MatrixRow]
    best: dict[int, int] = field(default_factory=dict, repr=False)

    @property
    def gap_count(self) -> int:
        """Gaps across the department."""
        return sum(row.gap_count for row in self.rows)

    @property
    def without_profile(self) -> int:
        """People with no role profile (their gaps are unknown)."""
        return sum(1 for row in self.rows if not row.has_profile)

    def fill(self, rows) -> list[MatrixRow]:
        """Give these rows (a page of the matrix, or all of it for a download) their cells,
        strengths marked against the department's best."""
        rows = list(rows)
        for row in rows:
            if row.cells or not self.skills:
                continue
            strong = {
                found.skill_id for found in gap_rules.strengths(row.levels, row.targets, self.best)
            }
            row.cells = [
                MatrixCell(
                    row.levels.get(skill.pk),
                    row.targets.get(skill.pk),
                    skill.pk in row.gap_ids,
                    skill.pk in strong,
                )
                for skill in self.skills
            ]
        return rows


def skills_matrix(facts: RoleFacts, department: Department) -> SkillsMatrix:
    """The skills matrix of the department and its teams (a parent department's people are
    mostly in its teams) in a fixed number of queries whatever its size: every row with its
    gaps counted, the cells left for ``SkillsMatrix.fill`` on the rows shown."""
    people = list(
        Person.objects.filter(
            primary_department__in=department_and_teams(department.pk), is_active=True
        )
        .filter(_person_filter(facts))
        .select_related("skills_profile__role_profile", "primary_department")
        .order_by("full_name", "pk")
    )
    ids = [person.pk for person in people]
    levels, targets = _levels_of(ids), _targets_of(ids)
    skill_ids = set().union(
        *(levels.get(pk, {}) for pk in ids), *(targets.get(pk, {}) for pk in ids)
    )
    skills = list(Skill.objects.filter(pk__in=skill_ids).select_related("category"))
    skills.sort(key=lambda skill: (skill.category.position, skill.category_id, skill.name))
    rows = []
    for person in people:
        mine, wanted = levels.get(person.pk, {}), targets.get(person.pk, {})
        gap_ids = frozenset(gap.skill_id for gap in gap_rules.gaps(mine, wanted))
        profile = getattr(person, "skills_profile", None)
        row = MatrixRow(
            person,
            str(profile.role_profile) if profile and profile.role_profile else "",
            gap_count=len(gap_ids),
            levels=mine,
            targets=wanted,
            gap_ids=gap_ids,
        )
        if person.primary_department_id != department.pk:
            row.team = person.primary_department.name
        rows.append(row)
    return SkillsMatrix(department, skills, rows, gap_rules.department_best(levels.values()))


def _person_filter(facts: RoleFacts) -> Q:
    """People whose skills the viewer may see (the policy's filter for skill records)."""
    from deptcoord.people.access import person_record_filter

    return person_record_filter(facts, "")


@dataclass
class PersonSkills:
    """A person's skills: levels, targets, gaps, strengths, mentoring suggestions, history."""

    person: Person
    role_profile: RoleProfile | None
    rows: list[dict]
    gaps: list
    strengths: list
    suggestions: list
    history: list[Assessment]
    skills: dict[int, Skill]


def weekly_free_hours(people) -> dict[int, float]:
    """Each person's average free hours a week over the coming weeks (capacity less assigned
    steps and meetings, from the workload; a fixed number of queries)."""
    return {
        row.person.pk: sum(max(c.capacity - c.assigned, 0.0) for c in row.cells) / len(row.cells)
        for row in workload_for(list(people), FREE_TIME_WEEKS)
        if row.cells
    }


def mentor_pool(exclude_id: int) -> list[gap_rules.Colleague]:
    """Every active colleague with assessments, with their levels and hours free to mentor."""
    levels = _levels_of(Person.objects.filter(is_active=True).exclude(pk=exclude_id).values("pk"))
    departments = dict(
        Person.objects.filter(pk__in=levels).values_list("pk", "primary_department_id")
    )
    free = weekly_free_hours(Person.objects.filter(pk__in=levels))
    load: dict[int, int] = defaultdict(int)
    for mentor_id in DevelopmentAction.objects.filter(
        mentor__in=levels, done_on__isnull=True, kind=DevelopmentAction.Kind.MENTORING
    ).values_list("mentor_id", flat=True):
        load[mentor_id] += 1
    return [
        gap_rules.Colleague(
            person_id=pk,
            department_id=departments.get(pk),
            levels=person_levels,
            free_hours=free.get(pk, 0.0) - load[pk] * gap_rules.MENTORING_HOURS,
        )
        for pk, person_levels in levels.items()
    ]


def person_skills(facts: RoleFacts, person: Person, suggest: bool = True) -> PersonSkills:
    """A person's skills page (the caller has checked the person's skills are visible);
    ``suggest`` adds mentoring suggestions, which read the whole company's levels."""
    history = list(
        visible(facts, Assessment.objects.filter(person=person))
        .select_related("skill", "assessed_by")
        .order_by("day", "id")
    )
    levels = latest_levels((a.person_id, a.skill_id, a.level, a.kind) for a in history).get(
        person.pk, {}
    )
    targets = _targets_of([person.pk]).get(person.pk, {})
    colleagues = Person.objects.filter(
        primary_department_id=person.primary_department_id, is_active=True
    ).values("pk")
    best = gap_rules.department_best(_levels_of(colleagues).values())
    person_gaps = gap_rules.gaps(levels, targets)
    suggestions = (
        gap_rules.mentoring_suggestions(
            person.pk, person.primary_department_id, person_gaps, mentor_pool(person.pk)
        )
        if suggest
        else []
    )
    skill_ids = set(levels) | set(targets)
    skills = Skill.objects.select_related("category").in_bulk(skill_ids)
    mentors = Person.objects.in_bulk({s.mentor_id for s in suggestions})
    gap_ids = {gap.skill_id for gap in person_gaps}
    strong = gap_rules.strengths(levels, targets, best)
    strong_ids = {s.skill_id for s in strong}
    rows = [
        {
            "skill": skills[pk],
            "level": levels.get(pk),
            "target": targets.get(pk),
            "gap": pk in gap_ids,
            "strength": pk in strong_ids,
        }
        for pk in sorted(skill_ids, key=lambda pk: (skills[pk].category.position, skills[pk].name))
        if pk in skills
    ]
    profile = PersonProfile.objects.filter(person=person).select_related("role_profile").first()
    return PersonSkills(
        person=person,
        role_profile=profile.role_profile if profile else None,
        rows=rows,
        gaps=[(gap, skills.get(gap.skill_id)) for gap in person_gaps],
        strengths=[(item, skills.get(item.skill_id)) for item in strong],
        suggestions=[
            (item, skills.get(item.skill_id), mentors.get(item.mentor_id)) for item in suggestions
        ],
        history=history,
        skills=skills,
    )


def history_chart(person_skills_view: PersonSkills) -> dict:
    """Each skill's assessed level over time, for Chart.js (dates as ISO strings)."""
    series: dict[int, list] = defaultdict(list)
    for assessment in person_skills_view.history:
        series[assessment.skill_id].append(
            {"x": assessment.day.isoformat(), "y": assessment.level, "kind": assessment.kind}
        )
    return {
        "series": [
            {"label": str(person_skills_view.skills.get(pk) or pk), "points": points}
            for pk, points in series.items()
        ]
    }
