"""Meetings for the demo company: the weekly cross-department "SM Home launch sync" (Product,
Marketing, Sales, Customer Care) with minutes, decisions and action items from its past weeks
(one still open, carried over), a monthly launch review, a moved and a cancelled occurrence, a
1:1, and the launch's company events. Written through the services, as the system, without
e-mailing anyone."""

from datetime import date, datetime, time, timedelta

from django.db import transaction

from deptcoord.core.actor import SYSTEM
from deptcoord.demo.launch_plan import CODE as LAUNCH_CODE
from deptcoord.demo.story import Company
from deptcoord.meetings import invitations, services
from deptcoord.meetings.models import Meeting
from deptcoord.org.models import Department, Membership
from deptcoord.work import services as work_services
from deptcoord.work.models import Project

ZONE = "Asia/Ho_Chi_Minh"
WEEKS_BACK = 6

PAST_WEEKS = [
    # (weeks ago, [(agenda title, notes)], [decision], [(action, assignee code, days to do, done)])
    (
        3,
        [
            (
                "Launch date and stock",
                "Factory confirms 5,000 units by week 8. / Nhà máy xác nhận 5.000 sản phẩm.",
            ),
            ("Campaign plan", "Marketing shares the teaser plan; Sales asks for dealer kits."),
        ],
        ["Launch day stays on the planned date; stock split 60 % North, 40 % South."],
        [("Send dealer kit draft to Sales", "MKT", 7, True)],
    ),
    (
        2,
        [
            ("Dealer kits", "Draft approved with two changes (price table, warranty card)."),
            ("Hotline readiness", "Customer Care needs the FAQ two weeks before launch."),
        ],
        ["Warranty is 24 months for launch buyers. / Bảo hành 24 tháng cho khách mua đợt ra mắt."],
        [
            ("Write the launch FAQ for the hotline", "PRD", 10, False),
            ("Book the trade fair booth", "SAL", 5, True),
        ],
    ),
    (
        1,
        [
            ("Trade fair booth", "Booth B12 booked; demo units from Product."),
            ("Pre-orders", "Pre-order page live next Monday."),
        ],
        ["Pre-orders open one week before launch day."],
        [("Train hotline agents on SM Home", "CS", 12, False)],
    ),
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _events(company: Company, today: date) -> None:
    launch = today + timedelta(days=40)
    for title, kind, start, end, codes in (
        (
            ("SM Home launch day", "Ngày ra mắt SM Home"),
            "launch",
            launch,
            launch,
            ["PRD", "MKT", "SAL", "CS"],
        ),
        (
            ("Vietnam ICT Comm trade fair", "Triển lãm Vietnam ICT Comm"),
            "trade_fair",
            today + timedelta(days=20),
            today + timedelta(days=22),
            ["MKT", "SAL"],
        ),
        (
            ("SM Home teaser campaign starts", "Bắt đầu chiến dịch teaser SM Home"),
            "campaign",
            today + timedelta(days=10),
            today + timedelta(days=39),
            ["MKT"],
        ),
        (
            ("Pre-orders open", "Mở đặt hàng trước"),
            "deadline",
            launch - timedelta(days=7),
            launch - timedelta(days=7),
            ["SAL", "CS"],
        ),
    ):
        services.event_create(
            actor=SYSTEM,
            title_en=title[0],
            title_vi=title[1],
            kind=kind,
            start_date=start,
            end_date=end,
            departments=[company.departments[code] for code in codes],
            owner=company.coordinator("MKT"),
        )


def _sync(company: Company, today: date) -> Meeting:
    tuesday = today - timedelta(days=today.weekday()) + timedelta(days=1)
    first = tuesday - timedelta(weeks=WEEKS_BACK)
    people = [company.coordinator(code) for code in ("PRD", "SAL", "CS")]
    people += [company.head("PRD"), company.head("MKT")]
    return services.meeting_create(
        actor=SYSTEM,
        organiser=company.coordinator("MKT"),
        title_en="SM Home launch sync",
        title_vi="Họp điều phối ra mắt SM Home",
        description="Weekly: what each department needs from the others this week.",
        start=_at(first, 9),
        end=_at(first, 10),
        time_zone=ZONE,
        rrule="FREQ=WEEKLY;BYDAY=TU",
        place="Meeting room 3A / Phòng họp 3A",
        video_link="https://meet.saomai.vn/sm-home-sync",
        participants=[(person, True) for person in people] + [(company.head("BOD"), False)],
    )


def _into_launch(item) -> None:
    """The launch sync's action items are launch work: their steps join the launch project."""
    launch = Project.objects.filter(code=LAUNCH_CODE).first()
    if item.step_id is None or launch is None:
        return
    if launch.departments.filter(pk=item.step.department_id).exists():
        work_services.step_update(
            actor=SYSTEM, step_id=item.step_id, expected_version=None, project=launch
        )


def _minutes(company: Company, meeting: Meeting, today: date) -> None:
    tuesday = today - timedelta(days=today.weekday()) + timedelta(days=1)
    for weeks_ago, agenda, decisions, actions in PAST_WEEKS:
        day = tuesday - timedelta(weeks=weeks_ago)
        for title, notes in agenda:
            services.agenda_item_create(
                actor=SYSTEM,
                meeting=meeting,
                occurrence=day,
                title=title,
                notes=notes,
                minutes_allotted=15,
            )
        for text in decisions:
            services.decision_create(actor=SYSTEM, meeting=meeting, occurrence=day, text=text)
        for title, code, days, done in actions:
            item = services.action_item_create(
                actor=SYSTEM,
                meeting=meeting,
                occurrence=day,
                title=title,
                assignee=company.coordinator(code),
                due_date=day + timedelta(days=days),
            )
            _into_launch(item)
            if done:
                services.action_item_update(
                    actor=SYSTEM, item_id=item.pk, expected_version=None, status="done"
                )
    # A public holiday week was cancelled; next week's sync moves to Wednesday afternoon.
    services.occurrence_cancel(
        actor=SYSTEM, meeting_id=meeting.pk, occurrence=tuesday - timedelta(weeks=4), note="Holiday"
    )
    nxt = tuesday + timedelta(weeks=1) if tuesday <= today else tuesday
    services.occurrence_move(
        actor=SYSTEM,
        meeting_id=meeting.pk,
        occurrence=nxt,
        start=_at(nxt + timedelta(days=1), 14),
        end=_at(nxt + timedelta(days=1), 15),
        note="Product demo at the factory on Tuesday",
    )


def _review(company: Company, today: date) -> None:
    first = (today.replace(day=1) - timedelta(days=40)).replace(day=1)
    friday = first + timedelta(days=(4 - first.weekday()) % 7)
    services.meeting_create(
        actor=SYSTEM,
        organiser=company.head("BOD"),
        title_en="SM Home monthly launch review",
        title_vi="Họp đánh giá ra mắt SM Home hằng tháng",
        start=_at(friday, 14),
        end=_at(friday, 15, 30),
        time_zone=ZONE,
        rrule="FREQ=MONTHLY;BYDAY=1FR",
        place="Board room / Phòng họp Ban Giám đốc",
        participants=[(company.head(code), True) for code in ("MKT", "SAL", "PRD", "CS", "FIN")],
    )


def _one_on_one(company: Company, today: date) -> None:
    coordinator = company.coordinator("MKT")
    member = (
        Membership.objects.filter(department=company.departments["MKT"], role="member")
        .select_related("person")
        .order_by("person__full_name")
        .first()
    )
    if member is None:
        return
    thursday = today - timedelta(days=today.weekday()) + timedelta(days=3)
    services.meeting_create(
        actor=SYSTEM,
        organiser=coordinator,
        kind="one_on_one",
        title_en="1:1",
        title_vi="Trao đổi 1:1",
        start=_at(thursday, 16),
        end=_at(thursday, 16, 30),
        time_zone=ZONE,
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        participants=[(member.person, True)],
    )


@transaction.atomic
def load(today: date) -> None:
    """Add the launch meetings, minutes and events to the demo company (once)."""
    if Meeting.objects.exists() or not Department.objects.filter(code="BOD").exists():
        return
    company = Company()
    with invitations.suppressed():
        _events(company, today)
        sync = _sync(company, today)
        _minutes(company, sync, today)
        _review(company, today)
        _one_on_one(company, today)
