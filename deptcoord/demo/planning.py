"""The planner's chapter of the demo: Marketing's plan for the SM Home launch.

Two Marketing goals for the coming weeks. The launch campaign (high priority, by the end of the
eight-week plan) is served by the launch project of the work chapter (SMH-LAUNCH): Marketing's
open steps in it — the launch video, the landing page, the KOL reviews, the launch event and
the ads flight. The launch event's preparation (in a week and a half) is a small project of
its own whose three steps all fall to the Marketing coordinator, one after the other, and do
not fit by the event's date; the planner says so, and finds that about ten more hours a week
for the coordinator make it. The plan has been run for real (a short CP-SAT limit), so the
result page opens on it.
"""

from datetime import date, timedelta
from itertools import pairwise

from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.demo.launch_plan import CODE as LAUNCH_CODE
from deptcoord.goals import services as goal_services
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department, Membership
from deptcoord.org.services.extra_hours import extra_hours_agree
from deptcoord.planning import services
from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import execute
from deptcoord.work import services as work_services
from deptcoord.work.models import Dependency, Project

PLAN_WEEKS = 8
EVENT = [
    ("Book the launch venue", "Đặt địa điểm sự kiện ra mắt", 20),
    ("Send partner invitations", "Gửi thư mời đối tác", 20),
    ("Run-of-show and rehearsal", "Kịch bản và tổng duyệt", 20),
]


def _monday_after(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def _goal(department, owner, titles, end, priority) -> Goal:
    return goal_services.goal_create(
        actor=SYSTEM,
        level=Goal.Level.DEPARTMENT,
        department=department,
        owner=owner,
        title_en=titles[0],
        title_vi=titles[1],
        category=Goal.Category.PRODUCT_LAUNCH,
        priority=priority,
        period_start=end - timedelta(days=45),
        period_end=end,
    )


def _project(code, titles, department, coordinator, goal, start, end):
    return work_services.project_create(
        actor=SYSTEM,
        code=code,
        title_en=titles[0],
        title_vi=titles[1],
        lead_department=department,
        coordinator=coordinator,
        start=start,
        end=end,
        goals=[goal],
        status="active",
    )


def _steps(project, department, rows, assignee=None, chained=False):
    steps = [
        work_services.step_create(
            actor=SYSTEM,
            department=department,
            project=project,
            title_en=title_en,
            title_vi=title_vi,
            effort_hours=hours,
            assignee=assignee,
        )
        for title_en, title_vi, hours in rows
    ]
    if chained:
        for before, after in pairwise(steps):
            Dependency.objects.create(predecessor=before, successor=after, lag_days=0)
    return steps


@transaction.atomic
def load(today: date) -> None:
    """Marketing's launch plan, solved once (the chapter is skipped when a plan exists)."""
    marketing = Department.objects.filter(code="MKT").first()
    launch = Project.objects.filter(code=LAUNCH_CODE).first()
    if marketing is None or launch is None or PlanRun.objects.exists():
        return
    leaders = dict(
        Membership.objects.filter(department=marketing, role__in=["head", "coordinator"])
        .values_list("role", "person")
        .order_by("role")
    )
    head = marketing.memberships.get(person_id=leaders["head"]).person
    coordinator = marketing.memberships.get(person_id=leaders.get("coordinator", head.pk)).person
    start = _monday_after(today)
    end = start + timedelta(weeks=PLAN_WEEKS) - timedelta(days=1)
    campaign_goal = _goal(
        marketing,
        head,
        ("SM Home launch campaign live", "Chiến dịch ra mắt SM Home lên sóng"),
        min(end, launch.end),
        Goal.Priority.HIGH,
    )
    work_services.project_update(
        actor=SYSTEM,
        project_id=launch.pk,
        expected_version=None,
        goals=[*launch.goals.all(), campaign_goal],
    )
    event_goal = _goal(
        marketing,
        coordinator,
        ("SM Home launch event ready", "Sẵn sàng sự kiện ra mắt SM Home"),
        start + timedelta(days=8),
        Goal.Priority.MEDIUM,
    )
    event = _project(
        "SMH-EVENT",
        ("SM Home launch event preparation", "Chuẩn bị sự kiện ra mắt SM Home"),
        marketing,
        coordinator,
        event_goal,
        start - timedelta(days=7),
        end,
    )
    _steps(event, marketing, EVENT, assignee=coordinator, chained=True)
    run = services.plan_run_start(
        actor=SYSTEM,
        department=marketing,
        start=start,
        end=end,
        name="SM Home launch — Marketing",
    )
    execute(run.pk, seconds=1, suggestion_seconds=0.3)
    _launch_week_overtime(launch)


def _launch_week_overtime(launch: Project) -> None:
    """Sales' coordinator agreed to work longer in the launch week (shown on her page, and
    counted by the planner and the workload)."""
    sales = Department.objects.filter(code="SAL").first()
    role = Membership.objects.filter(department=sales, role="coordinator").first()
    if role is None or launch.end is None:
        return
    extra_hours_agree(
        actor=SYSTEM,
        person=role.person,
        first_day=launch.end - timedelta(days=6),
        last_day=launch.end,
        hours_per_week=6,
        reason=launch.code,
    )
