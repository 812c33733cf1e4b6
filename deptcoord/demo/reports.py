"""Status reports for the demo company: Marketing's weekly report on the SM Home launch,
submitted by its coordinator, read and acknowledged by the heads of Sales and Product and the
CEO, commented on and accepted by the head of Marketing; and last week's draft for Sales, ready
for its narrative. Written through the services, as each person, relative to ``today``."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.core.actor import Actor
from deptcoord.demo.story import Company
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Department, Person
from deptcoord.reports import services
from deptcoord.reports.models import StatusReport
from deptcoord.reports.services.status import last_week

MARKETING_NARRATIVE = """**Tuần chuẩn bị ra mắt SM Home / SM Home launch preparation week**

- Teaser video published on Facebook and YouTube: 182,000 views in five days, above the 150,000 we planned.
- Đã chốt danh sách 40 KOL cho chiến dịch ra mắt; hợp đồng ký xong với 32 người.
- The landing page is two days late: Product still owes the final spec sheet (request open since Tuesday).

**Cần hỗ trợ / What we need**

1. Product: the final spec sheet by Friday so the landing page goes live before the dealer event.
2. Sales: confirm the showroom list for the launch week demos.
"""

SALES_NARRATIVE = (
    "Dealer pre-orders are at 62% of the launch target. / Đơn đặt trước từ đại lý đạt 62% mục tiêu."
)


def _actor(person: Person) -> Actor:
    return Actor(person=person, facts=role_facts_for_person(person), via="demo")


def _create(company, code: str, start: date, end: date, narrative: str) -> StatusReport | None:
    coordinator = company.coordinator(code)
    try:
        return services.report_create(
            actor=_actor(coordinator),
            department=company.departments[code],
            period_start=start,
            period_end=end,
            narrative=narrative,
        )
    except ValidationError:
        return None  # nothing to report for that department in the demo


def load(today: date) -> None:
    """Add the demo's status reports (once)."""
    if StatusReport.objects.exists() or not Department.objects.filter(code="MKT").exists():
        return
    company = Company()
    start, end = last_week(today)
    with transaction.atomic():
        report = _create(company, "MKT", start, end, MARKETING_NARRATIVE)
        if report is not None:
            ceo = Person.objects.filter(is_executive=True, is_active=True).order_by("id").first()
            readers = [company.head("SAL"), company.head("PRD"), ceo]
            readers = [person for person in readers if person is not None]
            report = services.report_submit(
                actor=_actor(company.coordinator("MKT")),
                report_id=report.pk,
                expected_version=report.version,
                recipient_ids=[person.pk for person in readers],
            )
            for reader in readers[:2]:
                services.report_acknowledge(actor=_actor(reader), report_id=report.pk)
            services.report_comment(
                actor=_actor(company.head("SAL")),
                report_id=report.pk,
                body="Showroom list confirmed: 12 showrooms in Hà Nội and TP.HCM. / "
                "Đã chốt 12 showroom ở Hà Nội và TP.HCM cho tuần ra mắt.",
            )
            services.report_comment(
                actor=_actor(company.head("PRD")),
                report_id=report.pk,
                body="Spec sheet goes out Thursday. / Bảng thông số gửi vào thứ Năm.",
            )
            report.refresh_from_db()
            services.report_decide(
                actor=_actor(company.head("MKT")),
                report_id=report.pk,
                expected_version=report.version,
                decision="accept",
                comment="Good week. Keep the landing page on the critical path.",
            )
        _create(company, "SAL", start, end, SALES_NARRATIVE)
