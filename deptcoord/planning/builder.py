"""Reads the steps, people and goals in a plan's scope and builds the engine's problem.

Two functions decide who and when: `eligible_people` (who may do a step: its assignee, else
the people of its department assessed at the skill level it needs) and
`calendars.hours_available` (hours per person and day, less time off, meetings and work
committed elsewhere). Everything else here is reading rows and turning dates into day indexes.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from deptcoord.goals.models import Goal
from deptcoord.org.models import Membership, Person
from deptcoord.people.models import Assessment
from deptcoord.people.selectors.skills import latest_levels
from deptcoord.planning import department as engine
from deptcoord.planning.calendars import hours_available
from deptcoord.planning.suggestions import with_postponed_goal
from deptcoord.work.models import Dependency, Project, Request, Step

GOAL_WEIGHTS = {Goal.Priority.HIGH: 3, Goal.Priority.MEDIUM: 2, Goal.Priority.LOW: 1}
# A step without an estimate still takes someone's time: half a day.
DEFAULT_EFFORT_HOURS = 4.0


@dataclass
class PlanInput:
    """The engine's problem and what the pages need to name its ids."""

    problem: engine.DepartmentProblem
    labels: dict = field(default_factory=dict)
    step_versions: dict = field(default_factory=dict)


def step_key(pk) -> str:
    return f"step-{pk}"


def person_key(pk) -> str:
    return f"person-{pk}"


def goal_key(pk) -> str:
    return f"goal-{pk}"


def skill_key(pk) -> str:
    return f"skill-{pk}"


def project_key(pk) -> str:
    return f"project-{pk}"


def pk_of(key: str) -> int:
    """The database id inside an engine id ("step-12" → 12)."""
    return int(key.rsplit("-", 1)[1])


def default_goals(department, project, start: date, end: date):
    """The active goals of the period in scope: the department's, or those the project serves."""
    overlapping = Goal.objects.filter(
        status=Goal.Status.ACTIVE, period_start__lte=end, period_end__gte=start
    )
    if project is not None:
        return overlapping.filter(projects=project)
    return overlapping.filter(department=department)


def steps_in_scope(department, project, goals, start: date, end: date):
    """Open steps to plan: the project's, or the department's for the goals or the window."""
    open_steps = Step.objects.exclude(status=Step.Status.DONE).select_related("project")
    if project is not None:
        return open_steps.filter(project=project).order_by("pk")
    dated = Q(due__gte=start, due__lte=end) | Q(start__gte=start, start__lte=end)
    undated = Q(due__isnull=True, start__isnull=True)
    serving = Q(project__goals__in=[goal.pk for goal in goals])
    chosen = open_steps.filter(department=department).filter(dated | undated | serving)
    return chosen.distinct().order_by("pk")


def department_members(department_ids) -> dict[int, list[int]]:
    """Active people per department."""
    members: dict[int, list[int]] = {}
    rows = Membership.objects.filter(department__in=department_ids, person__is_active=True)
    for department_id, person_id in rows.values_list("department_id", "person_id").order_by(
        "person_id"
    ):
        members.setdefault(department_id, []).append(person_id)
    return members


def skill_levels(people_ids, skill_ids) -> dict[int, dict[int, int]]:
    """Each person's current level in the skills (the latest coordinator assessment, else the
    latest self-assessment; one query)."""
    if not skill_ids:
        return {}
    rows = (
        Assessment.objects.filter(person__in=people_ids, skill__in=skill_ids)
        .order_by("day", "id")
        .values_list("person_id", "skill_id", "level", "kind")
    )
    return latest_levels(rows)


def has_level(levels: dict[int, dict[int, int]], person_id: int, step) -> bool:
    """Whether the person's level in the step's required skill is enough (unassessed = 0)."""
    if step.required_skill_id is None:
        return True
    level = levels.get(person_id, {}).get(step.required_skill_id, 0)
    return level >= (step.required_level or 0)


def eligible_people(
    step, members: dict[int, list[int]], accepted_by: dict[int, int], levels=None
) -> list[int]:
    """Who may do a step: its fixed assignee, else the people of its department (or of the
    department that accepted the request the step came from) who have the skill it needs at
    the level it needs."""
    if step.assignee_id is not None and step.assignee.is_active:
        return [step.assignee_id]
    department_id = accepted_by.get(step.pk, step.department_id)
    people = list(members.get(department_id, []))
    if department_id != step.department_id:
        people += [p for p in members.get(step.department_id, []) if p not in people]
    return [p for p in people if has_level(levels or {}, p, step)]


def person_skills(person_id: int, steps, eligible: dict[int, list[int]]) -> frozenset[str]:
    """The required skills the person is able to bring (eligible for a step needing it)."""
    return frozenset(
        skill_key(s.required_skill_id)
        for s in steps
        if s.required_skill_id and s.assignee_id is None and person_id in eligible[s.pk]
    )


def remaining_effort(step) -> float:
    """Hours still to do: the estimate less the progress made."""
    effort = float(step.effort_hours or 0) or DEFAULT_EFFORT_HOURS
    left = effort * (100 - (step.progress or 0)) / 100
    return round(max(left, 0.5), 2)


def _day(start: date, day: date | None, default: int) -> int:
    return (day - start).days if day is not None else default


def committed_elsewhere(people_ids, planned_ids, start: date, end: date):
    """Work already assigned to the people outside the plan, dated inside the window."""
    others = (
        Step.objects.filter(assignee_id__in=people_ids, due__gte=start)
        .filter(Q(start__lte=end) | Q(start__isnull=True, due__lte=end))
        .exclude(status=Step.Status.DONE)
        .exclude(pk__in=planned_ids)
        .only("assignee_id", "start", "due", "effort_hours", "progress")
    )
    return [
        (
            step.assignee_id,
            _day(start, step.start or step.due, 0),
            _day(start, step.due, 0),
            remaining_effort(step) if step.effort_hours else 0.0,
        )
        for step in others
    ]


def _step_label(step) -> dict:
    found = {
        "en": step.title_en or step.title_vi,
        "vi": step.title_vi or step.title_en,
        "project": step.project.code if step.project_id else "",
        "department": step.department_id,
    }
    if step.required_skill_id:
        found["skill"] = skill_key(step.required_skill_id)
        found["level"] = step.required_level or 0
    return found


def _labels_for(steps, people, goals, projects) -> dict:
    skills = {s.required_skill for s in steps if s.required_skill_id}
    return {
        "steps": {step_key(s.pk): _step_label(s) for s in steps},
        "skills": {
            skill_key(k.pk): {"en": k.name_en or k.name_vi, "vi": k.name_vi or k.name_en}
            for k in skills
        },
        "people": {person_key(p.pk): {"en": p.full_name, "vi": p.full_name} for p in people},
        "goals": {
            **{
                goal_key(g.pk): {"en": g.title_en or g.title_vi, "vi": g.title_vi or g.title_en}
                for g in goals
            },
            **{
                project_key(p.pk): {
                    "en": f"{p.code} {p.title_en or p.title_vi}",
                    "vi": f"{p.code} {p.title_vi or p.title_en}",
                    "project": True,
                }
                for p in projects
            },
        },
    }


def _dependencies(steps, start: date, release: dict[int, int]):
    planned = {s.pk for s in steps}
    found = []
    links = Dependency.objects.filter(successor__in=planned).select_related("predecessor")
    for link in links.order_by("pk"):
        if link.predecessor_id in planned:
            found.append(
                engine.Dependency(
                    step_key(link.predecessor_id), step_key(link.successor_id), link.lag_days or 0
                )
            )
        elif link.predecessor.status != Step.Status.DONE and link.predecessor.due:
            # Work outside the plan: assume it finishes on its due date.
            ready = (link.predecessor.due - start).days + 1 + (link.lag_days or 0)
            release[link.successor_id] = max(release.get(link.successor_id, 0), ready)
    return found


def _plan_goals(steps, goals, projects, start: date) -> list[engine.Goal]:
    by_project: dict[int, list[str]] = {}
    for step in steps:
        if step.project_id:
            by_project.setdefault(step.project_id, []).append(step_key(step.pk))
    found = []
    served = {}
    for project in projects:
        for goal_id in (goal.pk for goal in project.goals.all()):
            served.setdefault(goal_id, []).extend(by_project.get(project.pk, []))
    for goal in goals:
        step_ids = tuple(sorted(set(served.get(goal.pk, ()))))
        if step_ids:
            weight = GOAL_WEIGHTS.get(goal.priority, 1)
            found.append(
                engine.Goal(goal_key(goal.pk), step_ids, (goal.period_end - start).days, weight)
            )
    for project in projects:
        if project.end and by_project.get(project.pk):
            step_ids = tuple(sorted(by_project[project.pk]))
            found.append(
                engine.Goal(project_key(project.pk), step_ids, (project.end - start).days, 1)
            )
    return found


def build_problem(*, department, project, goals, start: date, end: date) -> PlanInput:
    """The engine's problem for a scope and window, with labels and the step versions read."""
    days = (end - start).days + 1
    goals = list(goals)
    steps = list(
        steps_in_scope(department, project, goals, start, end).select_related(
            "assignee", "required_skill"
        )
    )
    accepted_by = dict(
        Request.objects.filter(
            step__in=[s.pk for s in steps], state=Request.State.ACCEPTED
        ).values_list("step_id", "to_department_id")
    )
    department_ids = {s.department_id for s in steps} | set(accepted_by.values())
    members = department_members(department_ids)
    levels = skill_levels(
        {p for ids in members.values() for p in ids},
        {s.required_skill_id for s in steps if s.required_skill_id},
    )
    eligible = {s.pk: eligible_people(s, members, accepted_by, levels) for s in steps}
    people_ids = sorted({p for ids in eligible.values() for p in ids})
    people = list(Person.objects.filter(pk__in=people_ids).order_by("pk"))
    commitments = committed_elsewhere(people_ids, [s.pk for s in steps], start, end)
    hours = hours_available(people, start, days, commitments)
    release = {}
    project_ids = {s.project_id for s in steps if s.project_id}
    projects = list(
        Project.objects.filter(pk__in=project_ids).prefetch_related("goals").order_by("pk")
    )
    for project_row in projects:
        if project_row.start and project_row.start > start:
            for step in steps:
                if step.project_id == project_row.pk:
                    release[step.pk] = (project_row.start - start).days
    dependencies = _dependencies(steps, start, release)
    problem = engine.DepartmentProblem(
        horizon_days=days,
        people=tuple(
            engine.Person(
                person_key(p.pk),
                {d: h for d, h in hours.get(p.pk, {}).items()},
                person_skills(p.pk, steps, eligible),
            )
            for p in people
        ),
        steps=tuple(
            engine.Step(
                step_key(s.pk),
                remaining_effort(s),
                tuple(person_key(p) for p in eligible[s.pk]),
                release_day=max(release.get(s.pk, 0), 0),
                skill=skill_key(s.required_skill_id) if s.required_skill_id else None,
            )
            for s in steps
        ),
        dependencies=tuple(dependencies),
        goals=tuple(_plan_goals(steps, goals, projects, start)),
    )
    # A goal whose period starts later (a postponed one) holds back the work only it needs.
    planned = {goal.goal_id for goal in problem.goals}
    for goal in goals:
        if goal.period_start > start and goal_key(goal.pk) in planned:
            problem = with_postponed_goal(
                problem, goal_key(goal.pk), (goal.period_start - start).days - 1
            )
    return PlanInput(
        problem=problem,
        labels=_labels_for(steps, people, goals, projects),
        step_versions={step_key(s.pk): s.version for s in steps},
    )
