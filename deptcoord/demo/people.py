"""Skills, development and feedback for the demo company, around the SM Home launch.

A skills catalogue (marketing, sales, product, customer care, general) and role profiles with
target levels; every launch-team member assessed twice (a self-assessment a quarter ago, the
coordinator's a month ago), with a visible gap in Digital Marketing's analytics; a development
plan with a mentor from Product; public praise for the launch work; an acknowledged written
warning in Customer Care; and a 1:1 between Marketing's coordinator and a digital specialist.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from deptcoord.core.actor import SYSTEM, Actor
from deptcoord.demo.launch_plan import CODE as LAUNCH_CODE
from deptcoord.demo.story import Company
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.people import services
from deptcoord.people.models import RoleProfile, Skill, SkillCategory
from deptcoord.work import services as work_services
from deptcoord.work.models import Project

CATALOGUE = {
    ("Marketing", "Marketing"): [
        ("Digital advertising", "Quảng cáo số"),
        ("Marketing analytics", "Phân tích dữ liệu marketing"),
        ("Content writing", "Viết nội dung"),
        ("Brand management", "Quản trị thương hiệu"),
    ],
    ("Sales", "Bán hàng"): [
        ("Negotiation", "Đàm phán"),
        ("Key account management", "Quản lý khách hàng lớn"),
        ("Retail channel management", "Quản lý kênh bán lẻ"),
    ],
    ("Product", "Sản phẩm"): [
        ("Product discovery", "Khám phá sản phẩm"),
        ("Smart-home technology", "Công nghệ nhà thông minh"),
        ("Data analysis", "Phân tích dữ liệu"),
    ],
    ("Customer care", "Chăm sóc khách hàng"): [
        ("Complaint handling", "Xử lý khiếu nại"),
        ("Product troubleshooting", "Hỗ trợ kỹ thuật sản phẩm"),
    ],
    ("General", "Kỹ năng chung"): [
        ("Presentation", "Thuyết trình"),
        ("Business English", "Tiếng Anh thương mại"),
        ("Excel and reporting", "Excel và báo cáo"),
    ],
}
# (English, Vietnamese) role name, the person title it fits, {skill (English): target}
ROLES = [
    (
        ("Digital marketing specialist", "Chuyên viên Marketing số"),
        "Digital marketing specialist",
        {
            "Digital advertising": 4,
            "Marketing analytics": 3,
            "Content writing": 3,
            "Business English": 3,
            "Excel and reporting": 3,
        },
    ),
    (
        ("Content specialist", "Chuyên viên Nội dung"),
        "Content specialist",
        {"Content writing": 4, "Brand management": 3, "Presentation": 3},
    ),
    (
        ("Account executive", "Nhân viên Kinh doanh"),
        "Account executive",
        {
            "Negotiation": 4,
            "Key account management": 3,
            "Retail channel management": 3,
            "Presentation": 3,
            "Smart-home technology": 2,
        },
    ),
    (
        ("Product specialist", "Chuyên viên Sản phẩm"),
        "Product specialist",
        {
            "Product discovery": 4,
            "Smart-home technology": 4,
            "Data analysis": 3,
            "Business English": 3,
        },
    ),
    (
        ("Customer care agent", "Nhân viên Chăm sóc khách hàng"),
        "Customer care agent",
        {"Complaint handling": 4, "Product troubleshooting": 3, "Smart-home technology": 2},
    ),
]
LEVELS = [
    ("Verbal warning", "Nhắc nhở bằng lời", 1, "Recorded, discussed face to face."),
    ("Written warning", "Cảnh cáo bằng văn bản", 2, "In writing, acknowledged by the employee."),
    ("Final warning", "Cảnh cáo lần cuối", 3, "The last step before dismissal."),
]


def actor(person: Person) -> Actor:
    """The person as the acting user."""
    return Actor(person=person, facts=role_facts_for_person(person), via="demo")


def _catalogue() -> dict[str, Skill]:
    skills = {}
    for position, ((category_en, category_vi), names) in enumerate(CATALOGUE.items()):
        category = services.skill_category_create(
            actor=SYSTEM, name_en=category_en, name_vi=category_vi, position=position
        )
        for english, vietnamese in names:
            skills[english] = services.skill_create(
                actor=SYSTEM, category=category, name_en=english, name_vi=vietnamese
            )
    return skills


def _roles(skills: dict[str, Skill]) -> dict[str, tuple[RoleProfile, dict]]:
    roles = {}
    for (english, vietnamese), title, targets in ROLES:
        profile = services.role_profile_create(actor=SYSTEM, name_en=english, name_vi=vietnamese)
        services.role_targets_set(
            actor=SYSTEM,
            role_profile_id=profile.pk,
            targets={skills[name].pk: level for name, level in targets.items()},
        )
        roles[title] = (profile, targets)
    return roles


def _assess(company: Company, skills, roles, today: date, rng: random.Random) -> list[Person]:
    """Assess every launch-team member against their role; returns the Digital team."""
    digital = []
    for person in (
        Person.objects.filter(title_en__in=list(roles), is_active=True)
        .select_related("primary_department")
        .order_by("pk")
    ):
        profile, targets = roles[person.title_en]
        services.person_profile_set(actor=SYSTEM, person=person, role_profile=profile)
        code = person.primary_department.code
        coordinator = company.coordinator(code.split("-")[0])
        if code == "MKT-DIG":
            digital.append(person)
        for name, target in targets.items():
            level = max(0, min(5, target + rng.choice([-1, 0, 0, 0, 1, 1])))
            _record(person, skills[name], max(0, level - 1), today - timedelta(days=90), None)
            _record(person, skills[name], level, today - timedelta(days=30), coordinator)
    return digital


def _record(person, skill, level, day, assessor) -> None:
    services.assessment_create(
        actor=actor(assessor or person), person=person, skill=skill, level=level, day=day
    )


def _launch_gap(company, skills, digital: list[Person], today: date) -> Person:
    """The gap the launch team sees: analytics in Digital Marketing, with a mentor in Product."""
    learner = digital[0]
    coordinator = company.coordinator("MKT")
    services.assessment_create(
        actor=actor(coordinator),
        person=learner,
        skill=skills["Marketing analytics"],
        level=1,
        day=today - timedelta(days=7),
        note="Needs help reading campaign dashboards before launch day. "
        "Cần hỗ trợ đọc dashboard chiến dịch trước ngày ra mắt.",
    )
    mentor = (
        Person.objects.filter(primary_department__code="PRD", title_en="Product specialist")
        .order_by("pk")
        .first()
    )
    services.assessment_create(
        actor=actor(company.coordinator("PRD")),
        person=mentor,
        skill=skills["Data analysis"],
        level=5,
        day=today - timedelta(days=7),
    )
    services.assessment_create(
        actor=actor(company.coordinator("PRD")),
        person=mentor,
        skill=skills["Marketing analytics"],
        level=4,
        day=today - timedelta(days=7),
    )
    plan = services.plan_create(
        actor=actor(coordinator),
        person=learner,
        period_start=today - timedelta(days=14),
        period_end=today + timedelta(days=120),
        goal="Read and act on campaign analytics for the SM Home launch. "
        "Đọc và hành động theo số liệu chiến dịch ra mắt SM Home.",
    )
    services.action_add(
        actor=actor(coordinator),
        plan_id=plan.pk,
        kind="mentoring",
        title="Weekly dashboard review with a product analyst · Rà soát dashboard hằng tuần",
        skill=skills["Marketing analytics"],
        mentor=mentor,
        due=today + timedelta(days=45),
    )
    services.action_add(
        actor=actor(coordinator),
        plan_id=plan.pk,
        kind="training",
        title="Google Analytics 4 course · Khoá học Google Analytics 4",
        skill=skills["Marketing analytics"],
        due=today - timedelta(days=3),
    )
    services.action_add(
        actor=actor(coordinator),
        plan_id=plan.pk,
        kind="stretch",
        title="Own the launch-week ads report · Phụ trách báo cáo quảng cáo tuần ra mắt",
        step=_launch_step(learner, today + timedelta(days=60)),
        due=today + timedelta(days=60),
    )
    return learner


def _launch_step(learner: Person, due: date):
    """The launch project's step for the learner's stretch assignment (the learner's team
    joins the project for it; none without the work chapter)."""
    launch = Project.objects.filter(code=LAUNCH_CODE).first()
    department = learner.primary_department
    if launch is None or department is None:
        return None
    if not launch.departments.filter(pk=department.pk).exists():
        launch = work_services.project_update(
            actor=SYSTEM,
            project_id=launch.pk,
            expected_version=None,
            departments=[*launch.departments.all(), department],
        )
    return work_services.step_create(
        actor=SYSTEM,
        project=launch,
        department=department,
        title_en="Launch-week ads report",
        title_vi="Báo cáo quảng cáo tuần ra mắt",
        assignee=learner,
        start=due - timedelta(days=14),
        due=due,
        effort_hours=12,
    )


def _feedback(company: Company, digital: list[Person], today: date) -> None:
    levels = {
        rank: services.feedback_level_create(
            actor=SYSTEM, name_en=english, name_vi=vietnamese, rank=rank, description=description
        )
        for english, vietnamese, rank, description in LEVELS
    }
    praise = [
        (
            "MKT",
            digital[1],
            "Your teaser video for SM Home passed 200,000 views in a week. "
            "Video teaser SM Home của bạn đạt 200.000 lượt xem trong một tuần. Cảm ơn bạn!",
        ),
        (
            "SAL",
            _first("SAL-N", "Account executive"),
            "Signed the first retail chain for SM Home "
            "ahead of plan. Ký được chuỗi bán lẻ đầu tiên cho SM Home trước kế hoạch.",
        ),
        (
            "PRD",
            _first("PRD", "Product specialist", 1),
            "Beta with 200 users ran without a single "
            "blocker. Đợt beta 200 người dùng chạy trơn tru, không lỗi chặn nào.",
        ),
    ]
    for code, subject, body in praise:
        services.feedback_give(
            actor=actor(company.coordinator(code)),
            subject=subject,
            kind="praise",
            visibility="public",
            body=body,
        )
    subject = _first("CS", "Customer care agent", 2)
    warning = services.feedback_give(
        actor=actor(company.head("CS")),
        subject=subject,
        kind="warning",
        level=levels[2],
        body="Three hotline shifts missed in October without notice. "
        "Ba ca trực hotline trong tháng 10 vắng mặt không báo trước.",
        reason="Shifts on 6, 13 and 20 October left unanswered calls. "
        "Các ca ngày 6, 13 và 20/10 để cuộc gọi nhỡ không ai trả lời.",
    )
    services.feedback_acknowledge(actor=actor(subject), feedback_id=warning.pk)
    services.feedback_annotate(
        actor=actor(subject),
        feedback_id=warning.pk,
        body="My child was in hospital; I have swapped my shifts for November. "
        "Con tôi nằm viện; tôi đã đổi ca tháng 11.",
    )


def _first(code: str, title: str, index: int = 0) -> Person:
    people = Person.objects.filter(primary_department__code=code, title_en=title).order_by("pk")
    return people[index]


def _one_on_one(company: Company, digital: list[Person], today: date) -> None:
    coordinator, member = company.coordinator("MKT"), digital[0]
    meeting = services.one_on_one_create(
        actor=actor(coordinator),
        member=member,
        scheduled_at=timezone.make_aware(datetime.combine(today + timedelta(days=2), time(9, 30))),
    )
    points = [
        (coordinator, "Launch-week ads budget · Ngân sách quảng cáo tuần ra mắt"),
        (member, "Time for the analytics course · Thời gian học khoá phân tích dữ liệu"),
        (member, "Working from the Đà Nẵng event · Làm việc tại sự kiện Đà Nẵng"),
    ]
    for author, text in points:
        services.talking_point_add(actor=actor(author), one_on_one_id=meeting.pk, text=text)
    services.action_item_add(
        actor=actor(coordinator),
        one_on_one_id=meeting.pk,
        text="Share last month's campaign dashboard · Gửi dashboard chiến dịch tháng trước",
        owner=coordinator,
        due=today + timedelta(days=3),
    )
    services.private_note_add(
        actor=actor(coordinator),
        one_on_one_id=meeting.pk,
        body="Ask how the course is going before pushing on the report.",
    )


@transaction.atomic
def load(today: date) -> None:
    """Add the people chapter to the demo company (once)."""
    if SkillCategory.objects.exists():
        return
    rng = random.Random(7)
    company = Company()
    skills = _catalogue()
    roles = _roles(skills)
    digital = _assess(company, skills, roles, today, rng)
    _launch_gap(company, skills, digital, today)
    _feedback(company, digital, today)
    _one_on_one(company, digital, today)
