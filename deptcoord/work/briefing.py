"""The work cards of the Today briefing: steps overdue and due soon, requests waiting between
departments, and the people with more work than hours this week."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, RoleFacts, can, openable, visible
from deptcoord.core.briefing import LIMIT, Line, Morning, Section, section
from deptcoord.org import week_load
from deptcoord.org.briefing import scope_people
from deptcoord.org.working_hours import week_of
from deptcoord.work.models import Project, Request, Step
from deptcoord.work.selectors import workload_for
from deptcoord.work.services.requests import stale_after_days

DUE_SOON_DAYS = 7


def _may_finish(facts: RoleFacts, step: Step) -> bool:
    """Whether the reader may mark the step done, judged without its project (no query per
    line): its assignee and its department's runners may; a project's runners open the step."""
    bare = Step(
        pk=step.pk,
        department_id=step.department_id,
        assignee_id=step.assignee_id,
        created_by_id=step.created_by_id,
        status=step.status,
    )
    return can(facts, Action.UPDATE_PROGRESS, bare)


def _step_line(step: Step, today: date, facts: RoleFacts | None = None) -> Line:
    late = step.due < today
    note = step.assignee.full_name if step.assignee_id else str(_("Nobody assigned"))
    finish = facts is not None and _may_finish(facts, step)
    return Line(
        title=step.title,
        url=reverse("work:step", args=[step.pk]),
        note=f"{step.project.code} · {note}" if step.project_visible else note,
        badge=str(_("%(days)s d late") % {"days": (today - step.due).days})
        if late
        else str(step.get_status_display()),
        tone="danger" if late else "warning",
        day=step.due,
        action="work/partials/step_done.html" if finish else "",
        action_data={"pk": step.pk, "version": step.version} if finish else {},
    )


def steps(morning: Morning) -> list[Section]:
    """Open steps of the scope past their due date, and those due in the next seven days."""
    facts, scope, today = morning.facts, morning.scope, morning.today
    base = visible(facts, Step.objects.exclude(status=Step.Status.DONE).filter(due__isnull=False))
    base = (
        base.filter(scope.q("department", "assignee"))
        .select_related("project", "assignee")
        .annotate(project_visible=openable(facts, Project, "project_id"))
    )
    overdue = base.filter(due__lt=today).order_by("due", "priority", "id")
    soon = base.filter(due__gte=today, due__lte=today + timedelta(days=DUE_SOON_DAYS)).order_by(
        "due", "priority", "id"
    )
    more = reverse("work:my_steps") if not scope.runs else ""
    late = section(
        "overdue_steps",
        _("Overdue steps"),
        "bi-alarm",
        _("Nothing is overdue."),
        overdue,
        lambda step: _step_line(step, today, facts),
        more,
    )
    late.urgent = True
    return [
        late,
        section(
            "due_soon_steps",
            _("Due in the next seven days"),
            "bi-hourglass-split",
            _("Nothing falls due this week."),
            soon,
            lambda step: _step_line(step, today, facts),
            more,
        ),
    ]


def _request_boxes(morning: Morning):
    """Pending requests waiting on the scope's departments, and those they wait on."""
    scope = morning.scope
    pending = visible(
        morning.facts, Request.objects.filter(state=Request.State.PENDING)
    ).select_related("from_department", "to_department", "requested_by")
    if scope.department_ids is None:
        return pending, pending.none()
    if scope.runs:
        mine = sorted(scope.department_ids)
        incoming = pending.filter(to_department__in=mine).exclude(from_department__in=mine)
        outgoing = pending.filter(from_department__in=mine).exclude(to_department__in=mine)
        return incoming, outgoing
    return pending.none(), pending.filter(requested_by_id=scope.person_id)


def waiting_requests(morning: Morning) -> list[Section]:
    """Requests waiting on the scope, and requests the scope waits on."""
    incoming, outgoing = _request_boxes(morning)
    limit = morning.now - timedelta(days=stale_after_days())

    def line(request, other, answer=False):
        stale = request.created_at < limit
        answer = answer and can(morning.facts, Action.ANSWER, request)
        return Line(
            title=request.title,
            url=reverse("work:request", args=[request.pk]),
            note=other.name,
            badge=str(_("Waiting too long")) if stale else str(_("Pending")),
            tone="danger" if stale else "info",
            day=request.due,
            action="work/partials/request_answer.html" if answer else "",
            action_data={"pk": request.pk, "version": request.version} if answer else {},
        )

    waiting = section(
        "requests_incoming",
        _("Requests waiting on you"),
        "bi-inbox",
        _("No request is waiting on you."),
        incoming.order_by("due", "id"),
        lambda request: line(request, request.from_department, answer=True),
        reverse("work:requests") + "?box=incoming",
    )
    waiting.urgent = True
    return [
        waiting,
        section(
            "requests_outgoing",
            _("Requests you wait on"),
            "bi-send",
            _("You are not waiting on another department."),
            outgoing.order_by("due", "id"),
            lambda request: line(request, request.to_department),
            reverse("work:requests") + "?box=outgoing",
        ),
    ]


def overloaded(morning: Morning) -> list[Section]:
    """The scope's people with more work than hours this week, the heaviest first."""
    facts, today = morning.facts, morning.today
    monday = week_of(today)
    people = (
        week_load.maybe_over(scope_people(facts, morning.scope), monday)
        .only("pk", "full_name", "working_weekdays", "weekly_capacity_hours", "timezone")
        .order_by("full_name", "id")
    )
    rows = workload_for(people, [monday])  # all their work, whatever the viewer may open
    heavy = [row for row in rows if row.cells and row.cells[0].overloaded]
    heavy.sort(key=lambda row: -(row.cells[0].assigned - row.cells[0].capacity))
    workload = reverse("work:workload")
    lines = [
        Line(
            title=row.person.full_name,
            url=f"{workload}?person={row.person.pk}",
            note=row.cells[0].title,
            badge=row.cells[0].text,
            tone="danger",
        )
        for row in heavy[:LIMIT]
    ]
    return [
        Section(
            "overloaded",
            _("Overloaded this week"),
            "bi-battery-full",
            _("Nobody has more work than hours this week."),
            lines,
            len(heavy),
            workload,
        )
    ]
