"""Records for the demo company: what Marketing, Sales, Product and Customer Care keep about
the SM Home launch — the launch brief, the pricing decision from the launch meeting, the
customer-care FAQ, a dealer price list and a printable brief — bilingual, dated around today.
Everything is written through the services, as the system, and the search index is rebuilt at
the end so goals and records are found from the first sign-in."""

from datetime import date, timedelta

from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.demo.launch_plan import CODE as LAUNCH_CODE
from deptcoord.demo.record_texts import (
    BRIEF_HTML,
    COMMUNICATION_PLAN,
    DEALER_PRICES,
    FAQ,
    FAQ_TEXT,
    LAUNCH_BRIEF,
    PRICING_DECISION,
    READINESS,
    SUPPLIER_REVIEW,
    TICKET_PLAYBOOK,
)
from deptcoord.demo.story import Company
from deptcoord.goals.models import Goal
from deptcoord.org.models import Department
from deptcoord.records import services
from deptcoord.records.models import Note
from deptcoord.search.indexing import rebuild_index
from deptcoord.work.models import Project


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def _goal(code: str | None, level: str) -> Goal | None:
    goals = Goal.objects.filter(level=level)
    if code:
        goals = goals.filter(department__code=code)
    return goals.order_by("id").first()


def _note(company, code: str, text: dict, writer: str = "coordinator", **fields) -> Note:
    author = company.head(code) if writer == "head" else company.coordinator(code)
    links = [goal for goal in fields.pop("goals", ()) if goal is not None]
    launch = Project.objects.filter(code=LAUNCH_CODE).first()
    if launch is not None and "launch" in text["tags"]:
        links.append(launch)
    return services.note_create(
        actor=SYSTEM,
        department=company.departments[code],
        author=author,
        title=text["title"],
        body=text["body"].format(**fields.pop("values", {})),
        tags=text["tags"],
        links=links,
        **fields,
    )


def _documents(company, today: date) -> None:
    services.document_create(
        actor=SYSTEM,
        department=company.departments["MKT"],
        author=company.head("MKT"),
        title="SM Home launch brief (printable) · Bản tóm tắt ra mắt SM Home",
        description="The one-page brief for partners and agencies. "
        "Bản một trang gửi đối tác và agency.",
        tags=["launch", "sm home", "brief"],
        filename="sm-home-launch-brief.pdf",
        content=_pdf(BRIEF_HTML.format(launch=today + timedelta(days=24))),
        links=[_goal(None, Goal.Level.COMPANY)],
    )
    services.document_create(
        actor=SYSTEM,
        department=company.departments["SAL"],
        author=company.coordinator("SAL"),
        title="Bảng giá đại lý SM Home · Dealer price list",
        description="Giá bán lẻ đề xuất và chiết khấu theo cấp đại lý. "
        "Recommended retail price and discounts per dealer tier.",
        tags=["pricing", "dealers", "sm home"],
        filename="bang-gia-dai-ly-sm-home.csv",
        content=DEALER_PRICES.encode("utf-8-sig"),
    )
    services.document_create(
        actor=SYSTEM,
        department=company.departments["CS"],
        author=company.coordinator("CS"),
        title="SM Home FAQ for the hotline · Câu hỏi thường gặp cho tổng đài",
        description="Print this for new agents. In cho nhân viên tổng đài mới.",
        tags=["faq", "hotline", "sm home"],
        filename="sm-home-faq.txt",
        content=FAQ_TEXT.encode(),
    )


@transaction.atomic
def load(today: date) -> None:
    """Add the SM Home launch records to the demo company (once) and build the search index."""
    written = Note.objects.filter(source=Note.Source.WRITTEN)  # meetings file decisions too
    if written.exists() or not Department.objects.filter(code="MKT").exists():
        return
    company = Company()
    launch = today + timedelta(days=24)
    company_goal = _goal(None, Goal.Level.COMPANY)
    values = {"launch": launch.strftime("%d/%m/%Y"), "decided": today - timedelta(days=9)}
    _note(
        company,
        "MKT",
        LAUNCH_BRIEF,
        "head",
        is_pinned=True,
        goals=[company_goal, _goal("MKT", Goal.Level.DEPARTMENT)],
        values=values,
    )
    _note(company, "MKT", COMMUNICATION_PLAN, values=values)
    _note(
        company,
        "SAL",
        PRICING_DECISION,
        "head",
        is_pinned=True,
        source=Note.Source.MEETING_DECISION,
        goals=[_goal("SAL", Goal.Level.DEPARTMENT)],
        values=values,
    )
    _note(company, "CS", FAQ, is_pinned=True, goals=[_goal("CS", Goal.Level.DEPARTMENT)])
    _note(company, "CS", TICKET_PLAYBOOK)
    _note(company, "PRD", READINESS, goals=[_goal("PRD", Goal.Level.DEPARTMENT)], values=values)
    _note(company, "PRD", SUPPLIER_REVIEW, "head", is_private=True)
    _documents(company, today)
    rebuild_index()
