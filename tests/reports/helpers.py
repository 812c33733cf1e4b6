"""A department with one item of each kind the Today briefing shows."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from deptcoord.goals.models import Goal, KeyResult, Measurement, Standard
from deptcoord.meetings.models import AgendaItem, Event, Meeting, Participant
from deptcoord.people.models import Feedback, FeedbackLevel
from deptcoord.work.models import Request, Step

ZONE = "Asia/Ho_Chi_Minh"


@dataclass
class Items:
    """One record of each kind for a department."""

    overdue: Step
    due_soon: Step
    goal: Goal
    key_result: KeyResult
    standard: Standard
    incoming: Request
    outgoing: Request
    meeting: Meeting
    event: Event
    warning: Feedback


def items_for(department, other, coordinator, member, head, tag: str) -> Items:
    """Build one item of each kind in ``department`` (``other`` is the department across)."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    overdue = Step.objects.create(
        department=department,
        title_en=f"{tag} overdue step",
        assignee=member,
        start=today - timedelta(days=10),
        due=today - timedelta(days=3),
    )
    due_soon = Step.objects.create(
        department=department,
        title_en=f"{tag} heavy step",
        assignee=member,
        start=monday,
        due=today,
        effort_hours=Decimal("500"),
    )
    goal = Goal.objects.create(
        title_en=f"{tag} goal at risk",
        level=Goal.Level.DEPARTMENT,
        department=department,
        owner=coordinator,
        period_start=today - timedelta(days=30),
        period_end=today + timedelta(days=60),
        status=Goal.Status.ACTIVE,
        at_risk=True,
        progress=20,
        forecast_progress=55,
    )
    key_result = KeyResult.objects.create(
        goal=goal,
        owner=member,
        title_en=f"{tag} key result at risk",
        start_value=0,
        target_value=100,
        current_value=10,
        at_risk=True,
        shortfall_percent=40,
    )
    standard = Standard.objects.create(
        department=department,
        title_en=f"{tag} standard",
        comparison=Standard.Comparison.AT_LEAST,
        threshold=95,
        frequency=Standard.Frequency.WEEKLY,
        owner=coordinator,
    )
    Measurement.objects.create(
        standard=standard, period_start=monday - timedelta(days=7), value=80, breached=True
    )
    incoming = Request.objects.create(
        from_department=other,
        to_department=department,
        title=f"{tag} incoming request",
        due=today + timedelta(days=5),
        requested_by=member,
    )
    outgoing = Request.objects.create(
        from_department=department,
        to_department=other,
        title=f"{tag} outgoing request",
        due=today + timedelta(days=5),
        requested_by=member,
    )
    Request.objects.filter(pk=outgoing.pk).update(created_at=timezone.now() - timedelta(days=30))
    zone = ZoneInfo(ZONE)
    meeting = Meeting.objects.create(
        title_en=f"{tag} stand-up",
        organiser=coordinator,
        time_zone=ZONE,
        starts_at=datetime.combine(today, time(9), zone),
        ends_at=datetime.combine(today, time(9, 30), zone),
    )
    meeting.departments.set([department])
    Participant.objects.create(meeting=meeting, person=member)
    AgendaItem.objects.create(meeting=meeting, occurrence=today, title=f"{tag} agenda point")
    event = Event.objects.create(
        title_en=f"{tag} fair",
        start_date=today + timedelta(days=3),
        end_date=today + timedelta(days=4),
        owner=coordinator,
    )
    event.departments.set([department])
    level, _created = FeedbackLevel.objects.get_or_create(
        rank=1, defaults={"name_en": "Written warning"}
    )
    warning = Feedback.objects.create(
        kind=Feedback.Kind.WARNING,
        subject=member,
        author=head,
        body=f"{tag} warning",
        reason="Late",
        level=level,
    )
    return Items(
        overdue, due_soon, goal, key_result, standard, incoming, outgoing, meeting, event, warning
    )
