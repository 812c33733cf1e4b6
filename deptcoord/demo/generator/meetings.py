"""Meetings over three months either side of today (some weekly or monthly series), their
participants from one or two departments, agendas, minutes (decisions and action items) for
those already held, and company events."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import AGENDA, EVENTS, MEETINGS, PRODUCTS
from deptcoord.demo.generator.work import members_by_department

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SERIES = ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYDAY=1TU"]


def _title(rng, templates) -> tuple[str, str]:
    template_en, template_vi = rng.choice(templates)
    product = rng.choice(PRODUCTS)
    return template_en.format(product=product), template_vi.format(product=product)


def meetings(context: Context, progress) -> int:
    """Meetings on working days between 8:00 and 17:00 Hà Nội time; one in twenty repeats."""
    from deptcoord.meetings.models import Meeting, Participant

    rng = context.rng
    departments = context.made["departments"]
    members = members_by_department(context)
    rows, taking_part, invited = [], [], []
    for _n in range(context.scale.meetings):
        day = context.today + timedelta(days=rng.randint(-90, 90))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        hour = rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
        starts = datetime.combine(day, time(hour, rng.choice([0, 30])), HANOI).astimezone(UTC)
        home = rng.choice(departments)
        guests_from = rng.choice(departments) if rng.random() < 0.3 else home
        people = members[home.pk] or context.made["people"]
        chosen = rng.sample(people, k=min(len(people), rng.randint(3, 8)))
        if guests_from is not home:
            chosen += rng.sample(members[guests_from.pk], k=min(2, len(members[guests_from.pk])))
        title_en, title_vi = _title(rng, MEETINGS)
        rows.append(
            Meeting(
                title_en=title_en,
                title_vi=title_vi,
                organiser=chosen[0],
                starts_at=starts,
                ends_at=starts + timedelta(minutes=rng.choice([30, 45, 60, 90])),
                place=rng.choice(["Phòng họp 3A", "Phòng họp 5B", "Online", ""]),
                rrule=rng.choice(SERIES) if rng.random() < 0.05 else "",
                status="cancelled" if rng.random() < 0.03 else "scheduled",
            )
        )
        taking_part.append(sorted({home.pk, guests_from.pk}))
        invited.append({person.pk: None for person in chosen})
    made = context.bulk(Meeting, rows, progress)
    Departments = Meeting.departments.through
    context.bulk(
        Departments,
        (
            Departments(meeting_id=meeting.pk, department_id=pk)
            for meeting, pks in zip(made, taking_part, strict=True)
            for pk in pks
        ),
    )
    context.bulk(
        Participant,
        (
            Participant(
                meeting_id=meeting.pk,
                person_id=pk,
                required=rng.random() < 0.8,
                response=rng.choice(["accepted", "accepted", "needs_action", "tentative"]),
            )
            for meeting, people in zip(made, invited, strict=True)
            for pk in people
        ),
    )
    context.made["meetings"] = made
    context.made["meeting_departments"] = taking_part
    context.made["meeting_people"] = [list(people) for people in invited]
    return len(made)


def minutes(context: Context, progress) -> int:
    """An agenda for a third of the meetings (three items); for those already held, minutes
    in the items' notes, a decision and an action item for one of the participants."""
    from deptcoord.meetings.models import ActionItem, AgendaItem, Decision

    rng = context.rng
    now = datetime.combine(context.today, time(0), HANOI)
    items, decisions, actions = [], [], []
    for meeting, pks, people in zip(
        context.made["meetings"],
        context.made["meeting_departments"],
        context.made["meeting_people"],
        strict=True,
    ):
        if rng.random() > 0.33:
            continue
        day = meeting.starts_at.astimezone(HANOI).date()
        held = meeting.starts_at < now
        for position, (title_en, title_vi) in enumerate(rng.sample(AGENDA, k=3)):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    occurrence=day,
                    position=position,
                    title=title_vi if rng.random() < 0.8 else title_en,
                    presenter_id=rng.choice(people),
                    notes="Đã thống nhất phương án, giao việc cho từng phòng." if held else "",
                )
            )
        if held:
            decisions.append(
                Decision(
                    meeting=meeting,
                    occurrence=day,
                    text="Chốt ngân sách và lịch ra mắt như đề xuất.",
                    department_id=pks[0],
                    recorded_by_id=meeting.organiser_id,
                )
            )
            actions.append(
                ActionItem(
                    meeting=meeting,
                    occurrence=day,
                    title="Gửi bảng giá cập nhật cho các đại lý",
                    assignee_id=rng.choice(people),
                    due_date=day + timedelta(days=7),
                    status="done" if rng.random() < 0.6 else "open",
                )
            )
    context.bulk(AgendaItem, items, progress)
    context.bulk(Decision, decisions)
    context.bulk(ActionItem, actions)
    return len(items)


def events(context: Context, progress) -> int:
    """Company events (launches, campaigns, fairs, deadlines), one per hundred meetings."""
    from deptcoord.meetings.models import Event

    rng = context.rng
    departments = context.made["departments"]
    kinds = [k for k, _label in Event.Kind.choices]
    rows, involved = [], []
    for _n in range(max(4, context.scale.meetings // 100)):
        start = context.today + timedelta(days=rng.randint(-90, 120))
        title_en, title_vi = _title(rng, EVENTS)
        rows.append(
            Event(
                title_en=title_en,
                title_vi=title_vi,
                kind=rng.choice(kinds),
                start_date=start,
                end_date=start + timedelta(days=rng.choice([0, 0, 1, 2])),
                owner=rng.choice(context.made["people"]),
            )
        )
        involved.append({d.pk for d in rng.sample(departments, k=min(3, len(departments)))})
    made = context.bulk(Event, rows, progress)
    Departments = Event.departments.through
    context.bulk(
        Departments,
        (
            Departments(event_id=event.pk, department_id=pk)
            for event, pks in zip(made, involved, strict=True)
            for pk in sorted(pks)
        ),
    )
    return len(made)
