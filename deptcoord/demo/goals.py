"""Goals for the demo company: Sao Mai's SM Home smart speaker launch this quarter.

A company OKR with key results; Marketing, Sales, Product and Customer Care goals aligned under
it (and a Digital Marketing team goal); monthly personal sales goals rolled out from a template
to every account executive; weekly check-ins since the quarter began (most on track, one at
risk, one off track); two standards with their measurements, one breached. Everything is
written through the services, as the system, so the history pages tell the same story.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.demo.story import (
    BILLION,
    Company,
    Story,
    company_goal,
    customer_care,
    marketing,
    personal_sales,
    product,
    sales,
)
from deptcoord.goals import services
from deptcoord.goals.models import Goal
from deptcoord.goals.periods import quarter_of
from deptcoord.org.models import Department

TICKETS = ["96.2", "97.1", "95.4", "93.8", "96.5", "97.3", "96.9", "95.8"]
MONTHLY_SALES = [Decimal("2.31"), Decimal("2.12"), Decimal("1.86")]


def _standards(company: Company, today: date) -> None:
    tickets = services.standard_create(
        actor=SYSTEM,
        department=company.departments["CS"],
        owner=company.coordinator("CS"),
        title_en="Customer tickets answered within 24 h",
        title_vi="Phiếu hỗ trợ được trả lời trong 24 giờ",
        metric="percent",
        comparison="at_least",
        threshold=95,
        frequency="weekly",
    )
    monday = today - timedelta(days=today.weekday())
    for weeks_ago, value in zip(range(len(TICKETS), 0, -1), TICKETS, strict=True):
        day = monday - timedelta(weeks=weeks_ago)
        services.measurement_record(
            actor=SYSTEM, standard_id=tickets.pk, day=day, value=Decimal(value)
        )
    sales = services.standard_create(
        actor=SYSTEM,
        department=company.departments["SAL"],
        owner=company.head("SAL"),
        title_en="Monthly sales",
        title_vi="Doanh số hằng tháng",
        metric="money",
        currency="VND",
        comparison="at_least",
        threshold=2 * BILLION,
        frequency="monthly",
    )
    first = today.replace(day=1)
    for months_ago, value in zip(range(len(MONTHLY_SALES), 0, -1), MONTHLY_SALES, strict=True):
        day = first
        for _ in range(months_ago):
            day = (day - timedelta(days=1)).replace(day=1)
        services.measurement_record(
            actor=SYSTEM, standard_id=sales.pk, day=day, value=value * BILLION
        )


@transaction.atomic
def load(today: date) -> None:
    """Add the SM Home launch goals, check-ins and standards to the demo company (once)."""
    if Goal.objects.exists() or not Department.objects.filter(code="BOD").exists():
        return
    company, quarter = Company(), quarter_of(today)
    story = Story(
        today, random.Random(2026), {"period_start": quarter.start, "period_end": quarter.end}
    )
    launch = company_goal(company, story)
    marketing(company, launch, story)
    retail = sales(company, launch, story)
    personal_sales(company, retail, story)
    product(company, launch, story)
    customer_care(company, launch, story)
    _standards(company, today)
