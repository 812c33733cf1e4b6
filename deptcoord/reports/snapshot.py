"""The figures of a status report, gathered for a department and period.

The snapshot is plain JSON (titles in both languages) so that it can be frozen at submission:
later changes to goals, steps or budgets never alter a submitted report. Highlights are public
praise only; confidential feedback never enters a report.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils import timezone

from deptcoord.goals.models import Goal, Measurement, Standard
from deptcoord.meetings.models import Event, Meeting
from deptcoord.meetings.series import day_bounds, meeting_occurrences
from deptcoord.org.models import Department
from deptcoord.org.tree import department_and_teams
from deptcoord.people.models import Feedback
from deptcoord.work.models import Dependency, Expense, Project, Request, Step

UPCOMING_DAYS = 14
SECTIONS = ("goals", "steps_done", "steps_slipped", "requests", "dependencies", "budget")


def _number(value) -> float | None:
    return None if value is None else round(float(value), 2)


def _titles(obj) -> dict:
    return {"en": obj.title_en or obj.title_vi, "vi": obj.title_vi or obj.title_en}


def _goals(ids, start, end) -> list[dict]:
    goals = (
        Goal.objects.filter(department__in=ids, period_start__lte=end, period_end__gte=start)
        .exclude(status__in=[Goal.Status.DRAFT, Goal.Status.CANCELLED])
        .prefetch_related("key_results")
        .order_by("priority", "title_en", "id")
    )
    return [
        {
            "id": goal.pk,
            "title": _titles(goal),
            "status": goal.status,
            "progress": _number(goal.progress),
            "forecast": _number(goal.forecast_progress),
            "at_risk": goal.at_risk,
            "confidence": goal.confidence,
            "key_results": [
                {
                    "title": _titles(kr),
                    "current": _number(kr.current_value),
                    "target": _number(kr.target_value),
                    "unit": kr.unit,
                    "at_risk": kr.at_risk,
                    "confidence": kr.confidence,
                }
                for kr in goal.key_results.all()
            ],
        }
        for goal in goals
    ]


def _standards(ids, start, end) -> list[dict]:
    standards = Standard.objects.filter(department__in=ids, is_active=True).order_by("title_en")
    found = []
    measured = Measurement.objects.filter(
        standard__in=standards, period_start__gte=start, period_start__lte=end
    ).order_by("period_start")
    by_standard: dict[int, list] = {}
    for measurement in measured:
        by_standard.setdefault(measurement.standard_id, []).append(measurement)
    for standard in standards:
        rows = by_standard.get(standard.pk, [])
        found.append(
            {
                "title": _titles(standard),
                "threshold": _number(standard.threshold),
                "comparison": standard.comparison_sign,
                "unit": standard.unit,
                "measurements": len(rows),
                "breaches": sum(1 for row in rows if row.breached),
                "latest": _number(rows[-1].value) if rows else None,
            }
        )
    return found


def _step(step: Step) -> dict:
    return {
        "id": step.pk,
        "title": _titles(step),
        "project": step.project.code if step.project_id else "",
        "assignee": step.assignee.full_name if step.assignee_id else "",
        "due": step.due.isoformat() if step.due else None,
        "completed_on": step.completed_on.isoformat() if step.completed_on else None,
        "slip_days": step.slip_days,
    }


def _steps(ids, start, end):
    steps = Step.objects.filter(department__in=ids).select_related("project", "assignee")
    done = steps.filter(
        status=Step.Status.DONE, completed_on__gte=start, completed_on__lte=end
    ).order_by("completed_on", "id")
    slipped = (
        steps.filter(due__gte=start, due__lte=end)
        .filter(Q(completed_on__isnull=True) | Q(completed_on__gt=end))
        .order_by("due", "id")
    )
    return [_step(step) for step in done], [_step(step) for step in slipped]


def _requests(ids, start, end) -> list[dict]:
    requests = (
        Request.objects.filter(Q(from_department__in=ids) | Q(to_department__in=ids))
        .exclude(Q(from_department__in=ids) & Q(to_department__in=ids))
        .filter(Q(created_at__date__lte=end))
        .filter(Q(state=Request.State.PENDING) | Q(created_at__date__gte=start))
        .select_related("from_department", "to_department")
        .order_by("due", "id")
    )
    return [
        {
            "title": request.title,
            "direction": "outgoing" if request.from_department_id in ids else "incoming",
            "from": request.from_department.code,
            "to": request.to_department.code,
            "state": request.state,
            "due": request.due.isoformat(),
        }
        for request in requests
    ]


def _dependencies(ids) -> list[dict]:
    links = (
        Dependency.objects.filter(
            Q(predecessor__department__in=ids) | Q(successor__department__in=ids)
        )
        .exclude(Q(predecessor__department__in=ids) & Q(successor__department__in=ids))
        .exclude(successor__status=Step.Status.DONE)
        .select_related("predecessor__department", "successor__department")
        .order_by("successor__start", "id")
    )
    return [
        {
            "waiting": _titles(link.successor),
            "waiting_department": link.successor.department.code,
            "on": _titles(link.predecessor),
            "on_department": link.predecessor.department.code,
            "on_status": link.predecessor.status,
        }
        for link in links
    ]


def _events(ids, end) -> list[dict]:
    last = end + timedelta(days=UPCOMING_DAYS)
    involved = Event.departments.through.objects.filter(department_id__in=ids).values("event_id")
    anyone = Event.objects.filter(departments__isnull=False).values("pk")
    events = (
        Event.objects.filter(start_date__lte=last, end_date__gt=end)
        .filter(Q(pk__in=involved) | ~Q(pk__in=anyone))
        .order_by("start_date", "id")
    )
    return [
        {
            "title": _titles(event),
            "kind": event.kind,
            "start": event.start_date.isoformat(),
            "end": event.end_date.isoformat(),
        }
        for event in events
    ]


def _meetings(ids, end, zone_name) -> list[dict]:
    first, _ignored = day_bounds(end + timedelta(days=1), zone_name)
    last, _ignored = day_bounds(end + timedelta(days=UPCOMING_DAYS + 1), zone_name)
    shared = Meeting.departments.through.objects.filter(department_id__in=ids).values("meeting_id")
    meetings = Meeting.objects.filter(pk__in=shared, status=Meeting.Status.SCHEDULED).filter(
        starts_at__lt=last
    )
    upcoming: dict[int, list] = {}  # meeting id: [titles, first occurrence, count]
    for meeting, occurrence in meeting_occurrences(meetings, first, last, "title_en", "title_vi"):
        row = upcoming.setdefault(meeting.pk, [meeting.values, occurrence, 0])
        row[2] += 1
    found = [
        {
            "title": {"en": title_en or title_vi, "vi": title_vi or title_en},
            "next": timezone.localtime(occurrence.start).isoformat(timespec="minutes"),
            "count": count,
        }
        for (title_en, title_vi), occurrence, count in upcoming.values()
    ]
    return sorted(found, key=lambda row: row["next"])


def _budget(ids, end) -> list[dict]:
    spent = (
        Expense.objects.filter(project=OuterRef("pk"), date__lte=end)
        .values("project")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    projects = (
        Project.objects.filter(lead_department__in=ids)
        .exclude(status=Project.Status.CANCELLED)
        .filter(start__lte=end)
        .annotate(spent=Subquery(spent))
        .order_by("code")
    )
    rows = []
    for project in projects:
        spent_total = project.spent or Decimal(0)
        rows.append(
            {
                "code": project.code,
                "title": _titles(project),
                "budget": _number(project.budget),
                "spent": _number(spent_total),
                "percent": _number(spent_total * 100 / project.budget) if project.budget else None,
            }
        )
    return [row for row in rows if row["budget"] or row["spent"]]


def _highlights(ids, start, end) -> list[dict]:
    praise = (
        Feedback.objects.filter(
            kind=Feedback.Kind.PRAISE,
            visibility=Feedback.Visibility.PUBLIC,
            subject__primary_department__in=ids,
            created_at__date__gte=start,
            created_at__date__lte=end,
        )
        .select_related("subject", "author")
        .order_by("created_at", "id")
    )
    return [
        {
            "subject": item.subject.full_name,
            "author": item.author.full_name if item.author_id else "",
            "body": item.body[:500],
        }
        for item in praise
    ]


def gather(department: Department, start: date, end: date, zone_name: str = "") -> dict:
    """Every figure of the report for the department (with its teams) and period."""
    ids = department_and_teams(department.pk)
    zone_name = zone_name or timezone.get_current_timezone_name()
    done, slipped = _steps(ids, start, end)
    return {
        "department": {"code": department.code, "en": department.name_en, "vi": department.name_vi},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "gathered_at": timezone.now().isoformat(timespec="seconds"),
        "goals": _goals(ids, start, end),
        "standards": _standards(ids, start, end),
        "steps_done": done,
        "steps_slipped": slipped,
        "requests": _requests(set(ids), start, end),
        "dependencies": _dependencies(ids),
        "events": _events(ids, end),
        "meetings": _meetings(ids, end, zone_name),
        "budget": _budget(ids, end),
        "highlights": _highlights(ids, start, end),
    }


def is_empty(snapshot: dict) -> bool:
    """Whether the period has nothing to report: no goal, standard, step or request."""
    measured = any(row["measurements"] for row in snapshot.get("standards", []))
    return not measured and not any(snapshot.get(key) for key in SECTIONS)
