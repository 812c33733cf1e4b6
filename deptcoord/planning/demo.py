"""The planner's chapter of the demo: Marketing's plan for the SM Home launch.

Two Marketing goals for the coming weeks: the launch campaign (high priority, about five weeks
out) and the launch event (in a week and a half). The event's three steps all fall to the
Marketing coordinator, one after the other, and do not fit by the event's date; the planner
says so, and finds that about ten more hours a week for the coordinator make it. The campaign's
steps go to whoever in Marketing has the time. The plan has been run for real (a short CP-SAT
limit), so the result page opens on it.
"""

from datetime import date, timedelta
from itertools import pairwise

from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import services as goal_services
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department, Membership
from deptcoord.planning import services
from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import execute
from deptcoord.work import services as work_services
from deptcoord.work.models import Dependency

PLAN_WEEKS = 6
CAMPAIGN = [
    ("Launch content calendar", "Lịch nội dung ra mắt", 16),
    ("Product photos and video", "Ảnh và video sản phẩm", 24),
    ("Landing page copy", "Nội dung trang đích", 12),
    ("Social ads set-up", "Thiết lập quảng cáo mạng xã hội", 16),
    ("Influencer briefings", "Làm việc với người có ảnh hưởng", 12),
    ("Press release", "Thông cáo báo chí", 8),
]
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
    if marketing is None or PlanRun.objects.exists():
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
        start + timedelta(days=32),
        Goal.Priority.HIGH,
    )
    event_goal = _goal(
        marketing,
        coordinator,
        ("SM Home launch event ready", "Sẵn sàng sự kiện ra mắt SM Home"),
        start + timedelta(days=8),
        Goal.Priority.MEDIUM,
    )
    campaign = _project(
        "SMH-CAMP",
        ("SM Home launch campaign", "Chiến dịch ra mắt SM Home"),
        marketing,
        coordinator,
        campaign_goal,
        start - timedelta(days=7),
        end,
    )
    event = _project(
        "SMH-EVENT",
        ("SM Home launch event", "Sự kiện ra mắt SM Home"),
        marketing,
        coordinator,
        event_goal,
        start - timedelta(days=7),
        end,
    )
    _steps(campaign, marketing, CAMPAIGN)
    _steps(event, marketing, EVENT, assignee=coordinator, chained=True)
    run = services.plan_run_start(
        actor=SYSTEM,
        department=marketing,
        start=start,
        end=end,
        name="SM Home launch — Marketing",
    )
    execute(run.pk, seconds=1, suggestion_seconds=0.3)
