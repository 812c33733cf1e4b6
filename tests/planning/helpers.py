"""A small hand-built plan for Marketing: one project, two goals, steps on known people.

The window starts on Monday 1 March 2027 (no public holiday for weeks); everyone works 8 hours
Monday to Friday. The member has two dependent 12-hour steps (Monday–Tuesday, then
Wednesday–Thursday): the launch goal (high priority, due Thursday) is reachable, the teaser
goal (due Wednesday) on the same project's steps is not.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from deptcoord.core.actor import Actor
from deptcoord.goals.models import Goal
from deptcoord.org.facts import role_facts_for_person
from deptcoord.planning import services
from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import execute
from deptcoord.work.models import Dependency, Project, Step

MONDAY = date(2027, 3, 1)
FRIDAY = MONDAY + timedelta(days=4)
WINDOW_END = MONDAY + timedelta(days=27)


def actor(person) -> Actor:
    """The person as the acting user."""
    return Actor(person=person, facts=role_facts_for_person(person))


@dataclass
class Plan:
    """The records of the small plan."""

    project: Project
    launch: Goal
    teaser: Goal
    brief: Step
    campaign: Step


def make_goal(world, title, end, priority=Goal.Priority.MEDIUM):
    return Goal.objects.create(
        title_en=title,
        title_vi=f"{title} (vi)",
        level=Goal.Level.DEPARTMENT,
        department=world.own,
        owner=world.head,
        period_start=MONDAY - timedelta(days=30),
        period_end=end,
        priority=priority,
        status=Goal.Status.ACTIVE,
    )


def make_step(world, project, title, effort, assignee=None, department=None, **fields):
    return Step.objects.create(
        project=project,
        department=department or world.own,
        assignee=assignee,
        title_en=title,
        title_vi=f"{title} (vi)",
        effort_hours=effort,
        **fields,
    )


def build_plan(world) -> Plan:
    """The project, its two goals and two dependent steps on the member."""
    launch = make_goal(world, "Launch", MONDAY + timedelta(days=3), Goal.Priority.HIGH)
    teaser = make_goal(world, "Teaser", MONDAY + timedelta(days=2), Goal.Priority.LOW)
    project = Project.objects.create(
        code="SMH",
        title_en="SM Home launch",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=MONDAY - timedelta(days=10),
        end=WINDOW_END,
    )
    project.goals.set([launch, teaser])
    brief = make_step(world, project, "Brief", 12, world.member)
    campaign = make_step(world, project, "Campaign", 12, world.member)
    Dependency.objects.create(predecessor=brief, successor=campaign, lag_days=0)
    return Plan(project, launch, teaser, brief, campaign)


def start_run(world, plan: Plan, person=None, **fields) -> PlanRun:
    """A department run for Marketing over four weeks, started by the coordinator."""
    values = {"department": world.own, "start": MONDAY, "end": WINDOW_END, **fields}
    return services.plan_run_start(actor=actor(person or world.coordinator), **values)


def finished_run(world, plan: Plan, **fields) -> PlanRun:
    """A run solved at once with tiny time limits."""
    run = start_run(world, plan, **fields)
    return execute(run.pk, seconds=1, suggestion_seconds=0.5)
