"""The demo company that a new installation shows: Sao Mai JSC, a Vietnamese consumer-electronics
company preparing the launch of its SM Home smart speaker across Marketing, Sales, Product and
Customer Care."""

import random
import unicodedata
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.org import services
from deptcoord.org.models import Company, CompanyDayOff, Department, Membership, Person

DOMAIN = "saomai.vn"

DEPARTMENTS = [
    # code, English, Vietnamese, parent, description
    (
        "BOD",
        "Executive Board",
        "Ban Giám đốc",
        None,
        "Sets company goals; sponsors the SM Home launch.",
    ),
    ("MKT", "Marketing", "Phòng Marketing", None, "Brand, campaigns and the SM Home launch plan."),
    (
        "MKT-DIG",
        "Digital Marketing",
        "Nhóm Marketing số",
        "MKT",
        "Online ads, social media, e-commerce.",
    ),
    (
        "MKT-BRD",
        "Brand and Content",
        "Nhóm Thương hiệu và Nội dung",
        "MKT",
        "Brand, PR and content.",
    ),
    ("SAL", "Sales", "Phòng Kinh doanh", None, "Distributors, retail chains and key accounts."),
    ("SAL-N", "Sales North", "Kinh doanh miền Bắc", "SAL", "Hà Nội and the northern provinces."),
    ("SAL-S", "Sales South", "Kinh doanh miền Nam", "SAL", "TP.HCM and the southern provinces."),
    ("PRD", "Product", "Phòng Sản phẩm", None, "Product management, design and quality."),
    (
        "FIN",
        "Finance and Accounting",
        "Phòng Tài chính – Kế toán",
        None,
        "Budgets, spend and reporting.",
    ),
    ("CS", "Customer Care", "Phòng Chăm sóc khách hàng", None, "Hotline, warranty and feedback."),
    ("HR", "Human Resources", "Phòng Nhân sự", None, "Hiring, training and people records."),
]

# code → (how many members, English member title, Vietnamese member title)
TEAM_SHAPES = {
    "BOD": (1, "Executive assistant", "Trợ lý Ban Giám đốc"),
    "MKT": (2, "Marketing executive", "Chuyên viên Marketing"),
    "MKT-DIG": (5, "Digital marketing specialist", "Chuyên viên Marketing số"),
    "MKT-BRD": (3, "Content specialist", "Chuyên viên Nội dung"),
    "SAL": (2, "Sales administrator", "Chuyên viên Hỗ trợ kinh doanh"),
    "SAL-N": (6, "Account executive", "Nhân viên Kinh doanh"),
    "SAL-S": (6, "Account executive", "Nhân viên Kinh doanh"),
    "PRD": (6, "Product specialist", "Chuyên viên Sản phẩm"),
    "FIN": (3, "Accountant", "Kế toán viên"),
    "CS": (6, "Customer care agent", "Nhân viên Chăm sóc khách hàng"),
    "HR": (2, "HR specialist", "Chuyên viên Nhân sự"),
}
HEAD_TITLES = {
    "BOD": ("Chief Executive Officer", "Tổng Giám đốc"),
    "MKT": ("Head of Marketing", "Trưởng phòng Marketing"),
    "MKT-DIG": ("Digital Marketing Lead", "Trưởng nhóm Marketing số"),
    "MKT-BRD": ("Brand Lead", "Trưởng nhóm Thương hiệu"),
    "SAL": ("Head of Sales", "Trưởng phòng Kinh doanh"),
    "SAL-N": ("Regional Sales Manager North", "Quản lý Kinh doanh miền Bắc"),
    "SAL-S": ("Regional Sales Manager South", "Quản lý Kinh doanh miền Nam"),
    "PRD": ("Head of Product", "Trưởng phòng Sản phẩm"),
    "FIN": ("Chief Accountant", "Kế toán trưởng"),
    "CS": ("Head of Customer Care", "Trưởng phòng Chăm sóc khách hàng"),
    "HR": ("Head of HR", "Trưởng phòng Nhân sự"),
}
COORDINATOR_TITLE = ("Department coordinator", "Điều phối viên")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Hoài", "Ngọc", "Thanh", "Đức", "Hải", "Bảo", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngân",
    "Phong",
    "Phương",
    "Quân",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]


def ascii_slug(text: str) -> str:
    """Vietnamese text without diacritics, for e-mail addresses (Đỗ Minh Thư → do minh thu)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn").lower()


class NameMaker:
    """Distinct, realistic Vietnamese names and their e-mail addresses, the same on every run."""

    def __init__(self, seed: int = 2026):
        self.random = random.Random(seed)
        self.used_names: set[str] = set()
        self.used_emails: set[str] = set()

    def next(self) -> tuple[str, str]:
        """A new full name and its e-mail address (given.family, numbered if taken)."""
        while True:
            name = " ".join(
                (self.random.choice(FAMILY), self.random.choice(MIDDLE), self.random.choice(GIVEN))
            )
            if name not in self.used_names:
                break
        self.used_names.add(name)
        words = ascii_slug(name).split()
        base = f"{words[-1]}.{words[0]}"
        email, number = f"{base}@{DOMAIN}", 2
        while email in self.used_emails:
            email, number = f"{base}{number}@{DOMAIN}", number + 1
        self.used_emails.add(email)
        return name, email


def _person(names: NameMaker, department: Department, title: tuple[str, str], **extra) -> Person:
    name, email = names.next()
    return services.person_create(
        actor=SYSTEM,
        full_name=name,
        email=email,
        title_en=title[0],
        title_vi=title[1],
        primary_department=department,
        **extra,
    )


def _load_departments() -> dict[str, Department]:
    departments: dict[str, Department] = {}
    for code, english, vietnamese, parent, description in DEPARTMENTS:
        departments[code] = services.department_create(
            actor=SYSTEM,
            code=code,
            name_en=english,
            name_vi=vietnamese,
            parent=departments.get(parent),
            description=description,
        )
    return departments


def _load_people(departments: dict[str, Department]) -> list[Person]:
    names = NameMaker()
    people = []
    for code, department in departments.items():
        head = _person(names, department, HEAD_TITLES[code])
        services.membership_set(actor=SYSTEM, person=head, department=department, role="head")
        people.append(head)
        if code in {"MKT", "SAL", "PRD", "CS", "FIN", "HR"}:
            coordinator = _person(names, department, COORDINATOR_TITLE)
            services.membership_set(
                actor=SYSTEM, person=coordinator, department=department, role="coordinator"
            )
            people.append(coordinator)
        count, title_en, title_vi = TEAM_SHAPES[code]
        for index in range(count):
            part_time = code == "CS" and index == 4
            people.append(
                _person(
                    names,
                    department,
                    (title_en, title_vi),
                    weekly_capacity_hours=Decimal("24") if part_time else Decimal("40"),
                    working_weekdays="123456" if code.startswith("SAL") and index == 0 else "12345",
                    work_start=time(8, 0) if code == "CS" else time(8, 30),
                    work_end=time(17, 0) if code == "CS" else time(17, 30),
                )
            )
    return people


def _grant_company_roles(departments: dict[str, Department]) -> Person:
    heads = {
        m.department.code: m.person
        for m in Membership.objects.filter(role="head").select_related("department", "person")
    }
    for person, admin, executive, hr in (
        (heads["BOD"], False, True, False),
        (heads["FIN"], False, True, False),
        (heads["HR"], False, False, True),
    ):
        services.person_set_company_roles(
            actor=SYSTEM,
            person_id=person.pk,
            expected_version=None,
            is_admin=admin,
            is_executive=executive,
            is_hr=hr,
        )
    admin = services.person_create(
        actor=SYSTEM,
        full_name="Quản trị hệ thống",
        email=f"admin@{DOMAIN}",
        title_en="System administrator",
        title_vi="Quản trị hệ thống",
    )
    services.person_set_company_roles(
        actor=SYSTEM,
        person_id=admin.pk,
        expected_version=None,
        is_admin=True,
        is_executive=False,
        is_hr=False,
    )
    return admin


def _load_time_off(people: list[Person], today: date) -> None:
    monday = today - timedelta(days=today.weekday())
    plan = [
        (3, monday, monday + timedelta(days=4), "leave", "Nghỉ phép năm – về quê"),
        (9, today, today + timedelta(days=1), "sick", ""),
        (
            14,
            monday + timedelta(days=7),
            monday + timedelta(days=9),
            "trip",
            "Hội chợ Vietnam ICT Expo",
        ),
        (
            21,
            today + timedelta(days=2),
            today + timedelta(days=2),
            "training",
            "Đào tạo kỹ năng bán hàng",
        ),
        (30, monday + timedelta(days=14), monday + timedelta(days=18), "leave", "Annual leave"),
        (41, today, today, "other", "Việc gia đình"),
    ]
    for index, start, end, kind, note in plan:
        if index < len(people):
            services.time_off_create(
                actor=SYSTEM,
                person=people[index],
                start_date=start,
                end_date=end,
                kind=kind,
                note=note,
            )


def _give_accounts(password: str) -> None:
    user_model = get_user_model()
    for person in Person.objects.filter(user__isnull=True):
        user = user_model.objects.create_user(
            username=person.email, email=person.email, password=None
        )
        user.password = password
        user.save(update_fields=["password"])
        Person.objects.filter(pk=person.pk).update(user=user)


@transaction.atomic
def load_demo_company(password_hash: str, today: date) -> Person:
    """Create the demo company once; every demo person signs in with the same password."""
    Company.objects.update_or_create(pk=1, defaults={"name": "Công ty Cổ phần Sao Mai"})
    CompanyDayOff.objects.get_or_create(
        date=date(today.year, 12, 31), defaults={"name": "Year-end party · Tiệc tất niên"}
    )
    departments = _load_departments()
    people = _load_people(departments)
    admin = _grant_company_roles(departments)
    _load_time_off(people, today)
    _give_accounts(password_hash)
    return admin
