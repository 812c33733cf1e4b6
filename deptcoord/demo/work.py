"""Projects for the demo company: the SM Home launch across Product, Marketing, Sales and
Customer Care.

Product leads; 25 steps across the four departments are linked by dependencies with a critical
path to launch day. The pilot batch's quality test slipped, which pushed Marketing's KOL
reviews and Sales' first deliveries (their coordinators were told). Requests between
departments in every state, a weekly sales report every Friday, expenses past the budget
alert, time logged and a discussion on the slipped step. Written through the services, as the
system, so the history pages tell the same story.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from deptcoord.core.actor import SYSTEM, Actor
from deptcoord.demo.launch_plan import CODE, EXPENSES, PLAN, SLIP_DAYS, SLIPPED
from deptcoord.goals.models import Goal
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Department, Membership
from deptcoord.work import services
from deptcoord.work.models import Project, Request, Step

MILLION = Decimal(1_000_000)


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class _People:
    """The demo departments' leaders and members, assigned in turn."""

    def __init__(self):
        self.by_role: dict[tuple[str, str], list] = {}
        for membership in Membership.objects.select_related("person", "department").order_by(
            "person__pk"
        ):
            key = (membership.department.code, membership.role)
            self.by_role.setdefault(key, []).append(membership.person)
        self.turn: dict[str, int] = {}

    def coordinator(self, code):
        found = self.by_role.get((code, "coordinator")) or self.by_role.get((code, "head"))
        return found[0]

    def member(self, code):
        people = self.by_role.get((code, "member")) or [self.coordinator(code)]
        index = self.turn.get(code, 0)
        self.turn[code] = index + 1
        return people[index % len(people)]


def _as(person) -> Actor:
    return Actor(person=person, facts=role_facts_for_person(person), via="system")


def _status(first: date, last: date, today: date) -> tuple[str, int]:
    if last < today:
        return "done", 100
    if first <= today:
        span = max((last - first).days, 1)
        return "in_progress", min(90, max(10, round(100 * (today - first).days / span / 10) * 10))
    return "todo", 0


def _steps(project, departments, people, start, today) -> dict[str, Step]:
    made: dict[str, Step] = {}
    for ref, code, english, vietnamese, first, last, effort, _before, milestone in PLAN:
        first_day = _weekday(start + timedelta(days=first))
        last_day = max(_weekday(start + timedelta(days=last)), first_day)
        status, progress = _status(first_day, last_day, today)
        if ref == SLIPPED:
            status, progress = "in_progress", 60
        made[ref] = services.step_create(
            actor=SYSTEM,
            department=departments[code],
            project=project,
            title_en=english,
            title_vi=vietnamese,
            assignee=people.member(code) if effort else None,
            start=first_day,
            due=last_day,
            effort_hours=effort,
            is_milestone=milestone,
            status=status,
            progress=progress,
            priority=Step.Priority.HIGH if milestone or ref in ("qa", "mass") else 2,
        )
    for ref, *_rest in PLAN:
        for before in PLAN[[row[0] for row in PLAN].index(ref)][7]:
            services.dependency_create(actor=SYSTEM, predecessor=made[before], successor=made[ref])
    return made


def _requests(project, departments, people, today, steps) -> None:
    marketing, sales, care, product = (departments[c] for c in ("MKT", "SAL", "CS", "PRD"))

    def send(source, target, title, reason, due_in, effort):
        return services.request_send(
            actor=_as(people.coordinator(source.code)),
            from_department=source,
            to_department=target,
            title=title,
            reason=reason,
            due=today + timedelta(days=due_in),
            project=project,
            effort_hours=effort,
        )

    send(
        marketing,
        care,
        "Twenty customer quotes for the launch video",
        "Real voices from pre-order customers make the video credible.",
        10,
        6,
    )
    stale = send(
        sales,
        marketing,
        "Print files of the dealer brochure",
        "Dealers want brochures on the counter before stock arrives.",
        12,
        8,
    )
    Request.objects.filter(pk=stale.pk).update(created_at=stale.created_at - timedelta(days=8))
    accepted = send(
        marketing,
        sales,
        "Dealer list for the launch event invitations",
        "We invite the top 60 dealers to the Hà Nội event.",
        14,
        4,
    )
    services.request_accept(
        actor=_as(people.coordinator("SAL")),
        request_id=accepted.pk,
        assignee=people.member("SAL"),
        proposed_due=today + timedelta(days=17),
    )
    declined = send(
        sales,
        product,
        "Custom colour for a key account",
        "A hotel chain asks for 300 units in their brand colour.",
        20,
        40,
    )
    services.request_decline(
        actor=_as(people.coordinator("PRD")),
        request_id=declined.pk,
        reason="Not before mass production is stable; we can revisit in the next quarter.",
    )
    withdrawn = send(
        care,
        marketing,
        "Banner for the warranty page",
        "The warranty page goes live with the hotline scripts.",
        15,
        3,
    )
    services.request_withdraw(actor=_as(people.coordinator("CS")), request_id=withdrawn.pk)


def _money_and_time(project, steps, people, today) -> None:
    for days, millions, category, note in EXPENSES:
        services.expense_create(
            actor=SYSTEM,
            project=project,
            date=today + timedelta(days=days),
            amount=Decimal(millions) * MILLION,
            category=category,
            note=note,
        )
    for step in steps.values():
        if step.assignee is None or step.start is None or step.start > today:
            continue
        last = min(step.due, today)
        day, logged = step.start, Decimal(0)
        share = Decimal(step.progress) / 100 * step.effort_hours * Decimal("1.1")
        while day <= last and logged < share:
            if day.weekday() < 5:
                hours = min(Decimal(4), share - logged).quantize(Decimal("0.5"))
                if hours > 0:
                    services.time_log(actor=_as(step.assignee), step=step, date=day, hours=hours)
                    logged += hours
            day += timedelta(days=2)


def _slip(steps, people) -> None:
    slipped = steps[SLIPPED]
    services.step_update(
        actor=SYSTEM,
        step_id=slipped.pk,
        expected_version=None,
        due=_weekday(slipped.due + timedelta(days=SLIP_DAYS)),
    )
    product, marketing = people.coordinator("PRD"), people.coordinator("MKT")
    services.comment_post(
        actor=_as(product),
        step=slipped,
        body="Two pilot units failed the drop test. We retest after the supplier replaces the "
        "housing clips, so the test ends later than planned.",
    )
    services.comment_post(
        actor=_as(marketing),
        step=slipped,
        body=f"@{product.email.split('@')[0]} the KOL units ship after this test. "
        "Can we get five tested units earlier for filming?",
    )


def _recurring(departments, people, today) -> None:
    services.recurring_create(
        actor=SYSTEM,
        department=departments["SAL"],
        title_en="Weekly sales report",
        title_vi="Báo cáo doanh số hằng tuần",
        description="Sell-in and sell-out by region, with the SM Home pre-orders.",
        rrule="FREQ=WEEKLY;BYDAY=FR",
        starts_on=today - timedelta(days=today.weekday()),
        effort_hours=2,
        assignee=people.coordinator("SAL"),
        lead_days=21,
    )
    services.recurring_create(
        actor=SYSTEM,
        department=departments["MKT"],
        title_en="Monthly social media plan",
        title_vi="Kế hoạch mạng xã hội hằng tháng",
        rrule="FREQ=MONTHLY;BYMONTHDAY=25",
        starts_on=today,
        effort_hours=6,
        assignee=people.member("MKT"),
        lead_days=35,
    )


@transaction.atomic
def load(today: date) -> None:
    """Add the SM Home launch project to the demo company (once)."""
    codes = ("PRD", "MKT", "SAL", "CS")
    departments = {d.code: d for d in Department.objects.filter(code__in=codes)}
    if Project.objects.filter(code=CODE).exists() or len(departments) < len(codes):
        return
    people = _People()
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=5)
    project = services.project_create(
        actor=SYSTEM,
        code=CODE,
        title_en="SM Home smart speaker launch",
        title_vi="Ra mắt loa thông minh SM Home",
        description=(
            "Bring SM Home to market this quarter: product ready, dealers signed, "
            "the launch event in Hà Nội and the hotline trained."
        ),
        lead_department=departments["PRD"],
        coordinator=people.coordinator("PRD"),
        departments=[departments[c] for c in codes],
        goals=list(Goal.objects.filter(level=Goal.Level.COMPANY)[:1]),
        start=start,
        end=start + timedelta(days=95),
        status=Project.Status.ACTIVE,
        budget=Decimal(1200) * MILLION,
        budget_alert_percent=80,
    )
    steps = _steps(project, departments, people, start, today)
    _slip(steps, people)
    _requests(project, departments, people, today, steps)
    _money_and_time(project, steps, people, today)
    _recurring(departments, people, today)
