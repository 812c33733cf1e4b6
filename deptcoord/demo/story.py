"""The SM Home launch, goal by goal, for the demo company (see ``demo.py``): what each
department aims at this quarter, and the check-ins its people have made since it began."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import services
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.periods import month
from deptcoord.org.models import Department, Membership, Person

MILLION = Decimal(1_000_000)
BILLION = 1000 * MILLION
LAUNCH_MILESTONES = "\n".join(
    [
        "Feature freeze · Chốt tính năng",
        "Beta with 200 users · Thử nghiệm với 200 người dùng",
        "Safety certification · Chứng nhận an toàn",
        "Mass production · Sản xuất hàng loạt",
        "Launch day · Ngày ra mắt",
    ]
)
# Pace of each story line against a steady one (1.0): on track, at risk, off track.
ON_TRACK, AT_RISK, OFF_TRACK = 1.06, 0.8, 0.55


@dataclass(frozen=True)
class Story:
    """When the story is told (today), over which period, with which dice."""

    today: date
    rng: random.Random
    period: dict


class Company:
    """The demo company's departments, heads and coordinators, looked up once."""

    def __init__(self):
        self.departments = {dept.code: dept for dept in Department.objects.all()}
        self.leaders: dict[tuple[str, str], Person] = {}
        for membership in Membership.objects.filter(
            role__in=["head", "coordinator"]
        ).select_related("person", "department"):
            self.leaders.setdefault(
                (membership.department.code, membership.role), membership.person
            )

    def head(self, code: str) -> Person:
        """The head of a department."""
        return self.leaders[(code, "head")]

    def coordinator(self, code: str) -> Person:
        """The coordinator of a department (its head when it has none)."""
        return self.leaders.get((code, "coordinator")) or self.head(code)


def _goal(title: tuple[str, str], **fields) -> Goal:
    return services.goal_create(actor=SYSTEM, title_en=title[0], title_vi=title[1], **fields)


def _key_result(goal: Goal, title: tuple[str, str], owner: Person, **fields) -> KeyResult:
    return services.key_result_create(
        actor=SYSTEM, goal=goal, owner=owner, title_en=title[0], title_vi=title[1], **fields
    )


def _rounded(key_result: KeyResult, value: float) -> Decimal:
    """Values as people report them: money to the million (or thousand), counts in whole
    units, percentages to 0.1 and ratings to 0.01."""
    start, target = key_result.start_value, key_result.target_value
    if key_result.metric == "money":
        step = MILLION if max(abs(start), abs(target)) >= BILLION else Decimal(1000)
        return (Decimal(value) / step).quantize(Decimal(1)) * step
    if key_result.metric == "percent":
        return Decimal(str(round(value, 1)))
    if start == start.to_integral_value() and target == target.to_integral_value():
        return Decimal(round(value))
    return Decimal(str(round(value, 2)))


def _weekly_check_ins(key_result, today: date, pace: float, rng: random.Random, notes=()) -> None:
    """A check-in every Monday since the quarter began, at the given pace with some noise."""
    start, end = key_result.starts_on, key_result.due_on
    span = float(key_result.target_value - key_result.start_value)
    day, week = start + timedelta(days=(7 - start.weekday()) % 7 or 7), 0
    while day <= min(today, timezone.localdate()):
        elapsed = (day - start).days / (end - start).days
        wobble = 1 + rng.uniform(-0.06, 0.06)
        value = float(key_result.start_value) + span * min(1.0, elapsed * pace * wobble)
        confidence = "on_track" if pace >= 1 else "at_risk" if pace >= 0.75 else "off_track"
        note = notes[week] if week < len(notes) else ""
        services.check_in_create(
            actor=SYSTEM,
            key_result_id=key_result.pk,
            value=_rounded(key_result, value),
            confidence=confidence if week > 1 else "on_track",
            note=note,
            day=day,
        )
        day, week = day + timedelta(days=7), week + 1


def _tracked(goal, title, owner, pace: float, story, notes=(), **fields) -> KeyResult:
    """A key result with weekly check-ins at the given pace since the quarter began."""
    key_result = _key_result(goal, title, owner, **fields)
    _weekly_check_ins(key_result, story.today, pace, story.rng, notes)
    return key_result


def company_goal(company: Company, story) -> Goal:
    """The company's OKR: the launch, measured in speakers, revenue and the app's rating."""
    goal = _goal(
        (
            "Launch the SM Home smart speaker successfully",
            "Ra mắt thành công loa thông minh SM Home",
        ),
        level=Goal.Level.COMPANY,
        owner=company.head("BOD"),
        category=Goal.Category.PRODUCT_LAUNCH,
        priority=Goal.Priority.HIGH,
        description="Sao Mai's first smart speaker: in stores, in homes and well reviewed by the "
        "end of the quarter. · Loa thông minh đầu tiên của Sao Mai: có mặt ở cửa hàng, trong "
        "nhà khách hàng và được đánh giá tốt trước cuối quý.",
        **story.period,
    )
    sold = ("SM Home speakers sold", "Số loa SM Home bán ra")
    _tracked(goal, sold, company.head("SAL"), ON_TRACK, story, start_value=0, target_value=20_000)
    revenue = ("Revenue from SM Home", "Doanh thu từ SM Home")
    _tracked(goal, revenue, company.head("FIN"), 1.04, story, **_money(0, 30 * BILLION))
    rating = ("App store rating of the SM Home app", "Điểm đánh giá ứng dụng SM Home")
    _tracked(
        goal,
        rating,
        company.head("PRD"),
        ON_TRACK,
        story,
        start_value=Decimal("3.8"),
        target_value=Decimal("4.5"),
    )
    return goal


def _money(start, target, **fields) -> dict:
    return {
        "metric": "money",
        "currency": "VND",
        "start_value": start,
        "target_value": target,
        **fields,
    }


def marketing(company: Company, parent: Goal, story) -> None:
    """Marketing's awareness goal (leads at risk) and the Digital team's campaign under it."""
    goal = _goal(
        (
            "Make SM Home known before launch day",
            "Đưa SM Home đến với khách hàng trước ngày ra mắt",
        ),
        level=Goal.Level.DEPARTMENT,
        department=company.departments["MKT"],
        owner=company.head("MKT"),
        parent=parent,
        category=Goal.Category.MARKETING_STRATEGY,
        priority=Goal.Priority.HIGH,
        **story.period,
    )
    reach = ("People reached online", "Số người tiếp cận trực tuyến")
    _tracked(
        goal, reach, company.head("MKT-DIG"), ON_TRACK, story, start_value=0, target_value=5_000_000
    )
    leads = ("Qualified leads from the campaign", "Khách hàng tiềm năng từ chiến dịch")
    notes = ("", "", "", "Landing page was down for two days · Trang đích lỗi hai ngày")
    _tracked(
        goal,
        leads,
        company.coordinator("MKT"),
        AT_RISK,
        story,
        notes,
        start_value=0,
        target_value=20_000,
    )
    _digital_team(company, goal, story)


def _digital_team(company: Company, parent: Goal, story) -> None:
    """The Digital Marketing team's campaign, aligned under Marketing's goal."""
    team = _goal(
        ("Run the SM Home online campaign", "Triển khai chiến dịch trực tuyến SM Home"),
        level=Goal.Level.TEAM,
        department=company.departments["MKT-DIG"],
        owner=company.head("MKT-DIG"),
        parent=parent,
        category=Goal.Category.MARKETING_STRATEGY,
        **story.period,
    )
    cost = ("Cost per lead", "Chi phí cho mỗi khách hàng tiềm năng")
    _tracked(
        team,
        cost,
        company.head("MKT-DIG"),
        ON_TRACK,
        story,
        **_money(120_000, 80_000, direction="decrease"),
    )


def sales(company: Company, parent: Goal, story) -> Goal:
    """Sales' retail goal: stores off track, revenue on track."""
    goal = _goal(
        ("Sell SM Home through 300 retail stores", "Phân phối SM Home qua 300 cửa hàng bán lẻ"),
        level=Goal.Level.DEPARTMENT,
        department=company.departments["SAL"],
        owner=company.head("SAL"),
        parent=parent,
        category=Goal.Category.SALES_TARGET,
        kind=Goal.Kind.KPI,
        priority=Goal.Priority.HIGH,
        **story.period,
    )
    stores = ("Retail stores listing SM Home", "Cửa hàng bày bán SM Home")
    notes = ("", "", "", "", "Two chains delayed their listing · Hai chuỗi hoãn nhận hàng")
    _tracked(
        goal,
        stores,
        company.coordinator("SAL"),
        OFF_TRACK,
        story,
        notes,
        start_value=0,
        target_value=300,
    )
    booked = ("Revenue booked by Sales", "Doanh số Phòng Kinh doanh")
    _tracked(goal, booked, company.head("SAL"), 1.03, story, **_money(0, 24 * BILLION))
    return goal


def personal_sales(company: Company, parent: Goal, story) -> None:
    """Each account executive's monthly revenue goal, rolled out for last month and this one."""
    template = services.template_create(
        actor=SYSTEM,
        department=company.departments["SAL"],
        title_en="Monthly revenue ≥ 300 million ₫",
        title_vi="Doanh số tháng ≥ 300 triệu ₫",
        category=Goal.Category.SALES_TARGET,
        kind=Goal.Kind.KPI,
        description="Each account executive, every month. · Mỗi nhân viên kinh doanh, hằng tháng.",
        key_results=[
            {"title_en": "Revenue this month", "title_vi": "Doanh số trong tháng"}
            | _money(0, 300 * MILLION)
        ],
    )
    this_month = month(story.today.year, story.today.month)
    before = this_month.start - timedelta(days=1)
    for period in (month(before.year, before.month), this_month):
        if period.start < parent.period_start:
            continue
        rolled = services.template_roll_out(
            actor=SYSTEM,
            template_id=template.pk,
            period_start=period.start,
            period_end=period.end,
            parent=parent,
            title_contains="Account executive",
        )
        for goal in rolled.created:
            _monthly_figures(goal, period, story)


def _monthly_figures(goal: Goal, period, story) -> None:
    """Mid-month and month-end revenue; last month's goals are then achieved or missed."""
    key_result = goal.key_results.get()
    share = story.rng.uniform(0.7, 1.25)
    days = [day for day in (period.start + timedelta(days=14), period.end) if day <= story.today]
    for index, day in enumerate(days):
        progress = share * (0.5 if index == 0 else 1.0)
        services.check_in_create(
            actor=SYSTEM,
            key_result_id=key_result.pk,
            value=(300 * MILLION * Decimal(str(round(progress, 3)))).quantize(Decimal(1)),
            confidence="on_track" if share >= 0.95 else "at_risk",
            day=day,
        )
    if period.end < story.today:
        status = Goal.Status.ACHIEVED if share >= 1 else Goal.Status.MISSED
        services.goal_update(actor=SYSTEM, goal_id=goal.pk, expected_version=None, status=status)


def product(company: Company, parent: Goal, story) -> None:
    """Product's firmware goal: launch milestones reached fortnightly, defects falling. The
    count of open critical defects before launch stays inside Product: the goal is private."""
    goal = _goal(
        (
            "Ship SM Home firmware 1.0 with no critical defects",
            "Phát hành firmware 1.0 cho SM Home, không lỗi nghiêm trọng",
        ),
        level=Goal.Level.DEPARTMENT,
        department=company.departments["PRD"],
        owner=company.head("PRD"),
        parent=parent,
        category=Goal.Category.PRODUCT_LAUNCH,
        priority=Goal.Priority.HIGH,
        private=True,
        **story.period,
    )
    steps = ("Launch milestones", "Các mốc ra mắt")
    milestones = _key_result(
        goal, steps, company.coordinator("PRD"), metric="milestone", milestones=LAUNCH_MILESTONES
    )
    for reached in range(1, 5):
        day = goal.period_start + timedelta(days=reached * 14)
        if day <= min(story.today, timezone.localdate()):
            services.check_in_create(
                actor=SYSTEM, key_result_id=milestones.pk, value=reached, day=day
            )
    defects = ("Open critical defects", "Lỗi nghiêm trọng còn mở")
    _tracked(
        goal,
        defects,
        company.head("PRD"),
        ON_TRACK,
        story,
        start_value=25,
        target_value=0,
        direction="decrease",
    )


def customer_care(company: Company, parent: Goal, story) -> None:
    """Customer Care's KPI: first-contact resolution, and a help centre not published yet."""
    goal = _goal(
        ("Support SM Home buyers from day one", "Hỗ trợ khách hàng SM Home ngay từ ngày đầu"),
        level=Goal.Level.DEPARTMENT,
        department=company.departments["CS"],
        owner=company.head("CS"),
        parent=parent,
        category=Goal.Category.CUSTOMER,
        kind=Goal.Kind.KPI,
        **story.period,
    )
    resolution = ("First-contact resolution", "Tỷ lệ giải quyết ngay lần đầu")
    _tracked(
        goal,
        resolution,
        company.coordinator("CS"),
        ON_TRACK,
        story,
        metric="percent",
        start_value=70,
        target_value=85,
    )
    help_centre = ("SM Home help centre published", "Trung tâm trợ giúp SM Home đã xuất bản")
    _key_result(goal, help_centre, company.head("CS"), metric="yes_no")
