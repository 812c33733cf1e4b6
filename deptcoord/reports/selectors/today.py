"""Reads for the Today briefing, narrowed by the access policy.

The scope follows the person's standing: executives and admins see the company (or one
department they choose), heads and coordinators the departments they run with their teams, and
everyone their own steps, key results, meetings and warnings. Every line comes from ``visible``
so nobody is shown a record they could not open. Each section runs at most two queries and shows
its first ``LIMIT`` lines with the full count (counted only when the lines fill the section).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.goals.models import Goal, KeyResult, Measurement, Standard
from deptcoord.meetings.models import AgendaItem, Event, Meeting, OccurrenceChange, Participant
from deptcoord.meetings.recurrence import Change, Series, occurrences
from deptcoord.meetings.series import day_bounds
from deptcoord.org import selectors as org
from deptcoord.org.calendar import upcoming_days_off
from deptcoord.org.models import Department, Membership, Person, in_language
from deptcoord.people.models import Feedback
from deptcoord.work.models import Request, Step
from deptcoord.work.selectors import workload_for
from deptcoord.work.services.requests import stale_after_days

LIMIT = 10
DUE_SOON_DAYS = 7
EVENT_DAYS = 14
CHECK_IN_DAYS = 7


@dataclass
class Line:
    """One thing to look at, linked to the page where it is handled."""

    title: str
    url: str
    note: str = ""
    badge: str = ""
    tone: str = "secondary"
    day: date | None = None
    details: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A card of the briefing: its first lines and how many there are in all."""

    key: str
    label: str
    icon: str
    empty: str
    lines: list[Line]
    count: int
    more_url: str = ""

    @property
    def more(self) -> int:
        """Lines not shown."""
        return max(self.count - len(self.lines), 0)


@dataclass
class Briefing:
    """What the person sees first in the morning."""

    departments: list
    away_today: list
    away_this_week: list
    days_off: dict
    not_invited: int
    headcount: int
    sections: list[Section] = field(default_factory=list)
    company_scope: bool = False
    department: Department | None = None

    def section(self, key: str) -> Section:
        """One section by its key."""
        return next(section for section in self.sections if section.key == key)

    @property
    def needing_attention_first(self) -> list[Section]:
        """The sections with something in them first, the calm ones after (order kept)."""
        return sorted(self.sections, key=lambda section: section.count == 0)

    @property
    def attention(self) -> int:
        """How many lines in all ask for attention."""
        return sum(section.count for section in self.sections)


@dataclass(frozen=True)
class Scope:
    """Whose work the briefing covers."""

    person_id: int | None
    department_ids: frozenset[int] | None  # None: the whole company
    runs: bool  # whether the person runs the departments (or the company)

    def q(self, department: str, person: str) -> Q:
        """Records of the scope's departments, or the person's own ones."""
        own = Q(**{person: self.person_id})
        if self.department_ids is None:
            return Q()
        if not self.runs or not self.department_ids:
            return own
        return Q(**{f"{department}__in": sorted(self.department_ids)}) | own


def oversees_company(facts: RoleFacts) -> bool:
    """Whether the person reads every department's figures (executives and admins)."""
    return can(facts, Action.OVERSEE, org.company())


def scope_for(facts: RoleFacts, department_id: int | None = None, oversees=None) -> Scope:
    """The person's scope, narrowed to one department when an executive chooses one."""
    if oversees_company(facts) if oversees is None else oversees:
        if department_id:
            teams = set(org_department_and_teams(department_id))
            return Scope(facts.person_id, frozenset(teams), True)
        return Scope(facts.person_id, None, True)
    runs = facts.departments_run()
    if department_id and department_id in runs:
        runs = frozenset(set(org_department_and_teams(department_id)) & runs)
    return Scope(facts.person_id, runs, bool(runs))


def org_department_and_teams(department_id: int) -> list[int]:
    """A department and every team below it."""
    from deptcoord.goals.selectors.goals import department_and_teams

    return department_and_teams(department_id)


def _section(key, label, icon, empty, queryset, to_line, more_url=""):
    rows = list(queryset[:LIMIT])
    count = queryset.count() if len(rows) == LIMIT else len(rows)
    return Section(key, label, icon, empty, [to_line(row) for row in rows], count, more_url)


def _step_line(step: Step, today: date) -> Line:
    late = step.due < today
    note = step.assignee.full_name if step.assignee_id else str(_("Nobody assigned"))
    return Line(
        title=step.title,
        url=reverse("work:step", args=[step.pk]),
        note=f"{step.project.code} · {note}" if step.project_id else note,
        badge=str(_("%(days)s d late") % {"days": (today - step.due).days})
        if late
        else str(step.get_status_display()),
        tone="danger" if late else "warning",
        day=step.due,
    )


def _steps(facts, scope, today):
    base = visible(facts, Step.objects.exclude(status=Step.Status.DONE).filter(due__isnull=False))
    base = base.filter(scope.q("department", "assignee")).select_related("project", "assignee")
    overdue = base.filter(due__lt=today).order_by("due", "priority", "id")
    soon = base.filter(due__gte=today, due__lte=today + timedelta(days=DUE_SOON_DAYS)).order_by(
        "due", "priority", "id"
    )
    more = reverse("work:my_steps") if not scope.runs else ""
    return [
        _section(
            "overdue_steps",
            _("Overdue steps"),
            "bi-alarm",
            _("Nothing is overdue."),
            overdue,
            lambda step: _step_line(step, today),
            more,
        ),
        _section(
            "due_soon_steps",
            _("Due in the next seven days"),
            "bi-hourglass-split",
            _("Nothing falls due this week."),
            soon,
            lambda step: _step_line(step, today),
            more,
        ),
    ]


def _percent(value) -> str:
    return "" if value is None else f"{value:.0f}%"


def _goals_at_risk(facts, scope, today):
    goals = (
        visible(facts, Goal.objects.filter(status=Goal.Status.ACTIVE, at_risk=True))
        .filter(scope.q("department", "owner"))
        .select_related("department")
        .order_by("period_end", "priority", "id")
    )

    def goal_line(goal):
        return Line(
            title=goal.title,
            url=reverse("goals:goal_detail", args=[goal.pk]),
            note=str(
                _("Progress %(progress)s, forecast %(forecast)s")
                % {
                    "progress": _percent(goal.progress) or "–",
                    "forecast": _percent(goal.forecast_progress) or "–",
                }
            ),
            badge=str(_("At risk")),
            tone="danger",
            day=goal.period_end,
        )

    key_results = (
        visible(
            facts,
            KeyResult.objects.filter(goal__status=Goal.Status.ACTIVE, at_risk=True),
        )
        .filter(scope.q("goal__department", "owner"))
        .select_related("goal")
        .order_by("-shortfall_percent", "id")
    )

    def key_result_line(key_result):
        return Line(
            title=key_result.title,
            url=reverse("goals:key_result_detail", args=[key_result.pk]),
            note=key_result.goal.title,
            badge=str(
                _("%(shortfall)s short") % {"shortfall": _percent(key_result.shortfall_percent)}
            )
            if key_result.shortfall_percent is not None
            else str(_("At risk")),
            tone="danger",
            day=key_result.due_date,
        )

    return [
        _section(
            "goals_at_risk",
            _("Goals at risk"),
            "bi-flag",
            _("No goal is at risk."),
            goals,
            goal_line,
        ),
        _section(
            "key_results_at_risk",
            _("Key results at risk"),
            "bi-graph-down-arrow",
            _("Every key result is on course."),
            key_results,
            key_result_line,
        ),
    ]


def _breached_standards(facts, scope):
    latest = Measurement.objects.filter(standard=OuterRef("pk")).order_by("-period_start")
    standards = (
        visible(facts, Standard.objects.filter(is_active=True))
        .filter(scope.q("department", "owner"))
        .annotate(
            latest_breached=Subquery(latest.values("breached")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period_start")[:1]),
        )
        .filter(latest_breached=True)
        .select_related("department")
        .order_by("department__code", "title_en", "id")
    )

    def line(standard):
        return Line(
            title=standard.title,
            url=reverse("goals:standard_detail", args=[standard.pk]),
            note=f"{standard.department.name} · {standard.latest_value:g} "
            f"{standard.comparison_sign} {standard.threshold:g} {standard.unit}".strip(),
            badge=str(_("Breached")),
            tone="danger",
            day=standard.latest_period,
        )

    return [
        _section(
            "breached_standards",
            _("Standards breached"),
            "bi-speedometer",
            _("Every standard was met at its last measurement."),
            standards,
            line,
        )
    ]


def _requests(facts, scope, now):
    pending = visible(facts, Request.objects.filter(state=Request.State.PENDING)).select_related(
        "from_department", "to_department", "requested_by"
    )
    limit = now - timedelta(days=stale_after_days())
    if scope.department_ids is None:
        incoming = pending
        outgoing = pending.none()
    elif scope.runs:
        mine = sorted(scope.department_ids)
        incoming = pending.filter(to_department__in=mine).exclude(from_department__in=mine)
        outgoing = pending.filter(from_department__in=mine).exclude(to_department__in=mine)
    else:
        incoming = pending.none()
        outgoing = pending.filter(requested_by_id=scope.person_id)

    def line(request, other):
        stale = request.created_at < limit
        return Line(
            title=request.title,
            url=reverse("work:request", args=[request.pk]),
            note=other.name,
            badge=str(_("Waiting too long")) if stale else str(_("Pending")),
            tone="danger" if stale else "info",
            day=request.due,
        )

    return [
        _section(
            "requests_incoming",
            _("Requests waiting on you"),
            "bi-inbox",
            _("No request is waiting on you."),
            incoming.order_by("due", "id"),
            lambda request: line(request, request.from_department),
            reverse("work:requests") + "?box=incoming",
        ),
        _section(
            "requests_outgoing",
            _("Requests you wait on"),
            "bi-send",
            _("You are not waiting on another department."),
            outgoing.order_by("due", "id"),
            lambda request: line(request, request.to_department),
            reverse("work:requests") + "?box=outgoing",
        ),
    ]


def _scope_people(facts, scope):
    people = visible(facts, Person.objects.filter(is_active=True))
    if scope.department_ids is None:
        return people
    if not scope.runs:
        return people.filter(pk=scope.person_id)
    members = Membership.objects.filter(department__in=sorted(scope.department_ids))
    return people.filter(
        Q(pk__in=members.values("person_id")) | Q(primary_department__in=scope.department_ids)
    )


def _overloaded(facts, scope, today):
    monday = today - timedelta(days=today.weekday())
    people = (
        _scope_people(facts, scope)
        .only("pk", "full_name", "working_weekdays", "weekly_capacity_hours", "timezone")
        .order_by("full_name", "id")
    )
    steps = visible(facts, Step.objects.all())
    rows = workload_for(people, [monday], steps_base=steps)
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


def _meetings_today(facts, scope, today, zone_name):
    start, end = day_bounds(today, zone_name)
    meetings = visible(facts, Meeting.objects.filter(status=Meeting.Status.SCHEDULED))
    meetings = meetings.filter(starts_at__lt=end).filter(~Q(rrule="") | Q(ends_at__gt=start))
    invited = Participant.objects.filter(person_id=scope.person_id).values("meeting_id")
    mine = Q(organiser_id=scope.person_id) | Q(pk__in=invited)
    if scope.department_ids is not None:
        if scope.runs:
            shared = Meeting.departments.through.objects.filter(
                department_id__in=sorted(scope.department_ids)
            ).values("meeting_id")
            meetings = meetings.filter(mine | Q(pk__in=shared))
        else:
            meetings = meetings.filter(mine)
    rows = list(
        meetings.values_list(
            "pk", "title_en", "title_vi", "starts_at", "ends_at", "time_zone", "rrule", "place"
        )
    )
    ids = [row[0] for row in rows]
    changes: dict[int, list[Change]] = {}
    for row in OccurrenceChange.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "occurrence", "cancelled", "starts_at", "ends_at"
    ):
        changes.setdefault(row[0], []).append(Change(*row[1:]))
    found = []
    for pk, title_en, title_vi, starts_at, ends_at, time_zone, rule, place in rows:
        series = Series(starts_at, ends_at, time_zone, rule, tuple(changes.get(pk, ())))
        for occurrence in occurrences(series, start, end):
            found.append(
                (occurrence.start, pk, occurrence.key, in_language(title_en, title_vi), place)
            )
    found.sort()
    agenda: dict[tuple[int, date], list[str]] = {}
    if found:
        keys = Q()
        for _start, pk, key, _title, _place in found[:LIMIT]:
            keys |= Q(meeting_id=pk, occurrence=key)
        for meeting_id, occurrence, title in (
            AgendaItem.objects.filter(keys)
            .order_by("position", "id")
            .values_list("meeting_id", "occurrence", "title")
        ):
            agenda.setdefault((meeting_id, occurrence), []).append(title)
    zone = timezone.get_current_timezone()
    lines = [
        Line(
            title=title,
            url=reverse("meetings:occurrence", kwargs={"pk": pk, "day": key.isoformat()}),
            note=place,
            badge=timezone.localtime(starts, zone).strftime("%H:%M"),
            tone="primary",
            details=agenda.get((pk, key), []),
        )
        for starts, pk, key, title, place in found[:LIMIT]
    ]
    return [
        Section(
            "meetings_today",
            _("Today's meetings"),
            "bi-people",
            _("No meeting today."),
            lines,
            len(found),
            reverse("meetings:calendar"),
        )
    ]


def _events(facts, scope, today):
    last = today + timedelta(days=EVENT_DAYS)
    events = visible(facts, Event.objects.filter(start_date__lte=last, end_date__gte=today))
    if scope.department_ids is not None and scope.department_ids:
        involved = Event.departments.through.objects.filter(
            department_id__in=sorted(scope.department_ids)
        ).values("event_id")
        anyone = Event.objects.filter(departments__isnull=False).values("pk")
        events = events.filter(Q(pk__in=involved) | ~Q(pk__in=anyone))

    def line(event):
        return Line(
            title=event.title,
            url=reverse("meetings:event_detail", args=[event.pk]),
            note=event.place,
            badge=str(event.get_kind_display()),
            tone="info",
            day=event.start_date,
        )

    return [
        _section(
            "events",
            _("Events in the next 14 days"),
            "bi-calendar-event",
            _("No event in the next two weeks."),
            events.order_by("start_date", "id"),
            line,
            reverse("meetings:events"),
        )
    ]


def _missing_check_ins(facts, scope, today):
    since = today - timedelta(days=CHECK_IN_DAYS)
    key_results = (
        visible(
            facts,
            KeyResult.objects.filter(
                goal__status=Goal.Status.ACTIVE,
                goal__period_start__lte=today,
                goal__period_end__gte=today,
            ),
        )
        .filter(Q(last_check_in_on__isnull=True) | Q(last_check_in_on__lt=since))
        .filter(scope.q("goal__department", "owner"))
        .select_related("goal", "owner")
        .order_by("last_check_in_on", "id")
    )

    def line(key_result):
        last = key_result.last_check_in_on
        return Line(
            title=key_result.title,
            url=reverse("goals:key_result_detail", args=[key_result.pk]),
            note=key_result.owner.full_name if key_result.owner_id else key_result.goal.title,
            badge=str(_("%(days)s d ago") % {"days": (today - last).days})
            if last
            else str(_("Never checked in")),
            tone="warning",
            day=last,
        )

    return [
        _section(
            "missing_check_ins",
            _("Check-ins missing"),
            "bi-clipboard-check",
            _("Every key result was checked in this week."),
            key_results,
            line,
        )
    ]


def _warnings(facts, scope):
    unacknowledged = visible(
        facts,
        Feedback.objects.filter(kind=Feedback.Kind.WARNING, acknowledged_at__isnull=True),
    ).select_related("subject", "author")
    own = unacknowledged.filter(subject_id=scope.person_id).order_by("created_at", "id")
    others = unacknowledged.exclude(subject_id=scope.person_id)
    if scope.department_ids is not None:
        if scope.runs:
            others = others.filter(subject__in=_scope_people(facts, scope))
        elif not facts.is_hr:
            others = others.none()

    def line(feedback, who):
        return Line(
            title=who,
            url=reverse("people:feedback_detail", args=[feedback.pk]),
            note=feedback.author.full_name if feedback.author_id else "",
            badge=str(_("Not acknowledged")),
            tone="warning",
            day=timezone.localdate(feedback.created_at),
        )

    return [
        _section(
            "warnings_to_acknowledge",
            _("Warnings for you to acknowledge"),
            "bi-exclamation-triangle",
            _("Nothing for you to acknowledge."),
            own,
            lambda feedback: line(feedback, str(_("A warning for you"))),
        ),
        _section(
            "warnings_pending",
            _("Warnings not yet acknowledged"),
            "bi-hourglass",
            _("Every warning has been acknowledged."),
            others.order_by("created_at", "id"),
            lambda feedback: line(feedback, feedback.subject.full_name),
        ),
    ]


def sections(
    facts: RoleFacts, today: date, department_id=None, zone_name: str = "", oversees=None
) -> list[Section]:
    """Every section of the briefing, in the order the page shows them."""
    scope = scope_for(facts, department_id, oversees)
    now = timezone.now()
    zone_name = zone_name or timezone.get_current_timezone_name()
    found = [
        *_steps(facts, scope, today),
        *_goals_at_risk(facts, scope, today),
        *_missing_check_ins(facts, scope, today),
        *_breached_standards(facts, scope),
        *_requests(facts, scope, now),
        *_meetings_today(facts, scope, today, zone_name),
        *_events(facts, scope, today),
        *_overloaded(facts, scope, today),
        *_warnings(facts, scope),
    ]
    return found


def briefing(
    facts: RoleFacts, today: date, department_id: int | None = None, zone_name: str = ""
) -> Briefing:
    """The briefing over the person's scope: their departments, or the company for executives."""
    company_scope = bool(facts.company_roles())
    scope = None if company_scope else sorted(facts.departments_in())
    departments = visible(facts, Department.objects.filter(is_active=True))
    chosen = None
    oversees = oversees_company(facts)
    if department_id and oversees:
        chosen = departments.filter(pk=department_id).first()
        if chosen is not None:
            scope = org_department_and_teams(chosen.pk)
    if scope is not None:
        departments = departments.filter(pk__in=scope)
    week_end = today + timedelta(days=6 - today.weekday())
    tomorrow = today + timedelta(days=1)
    later = org.people_away_between(facts, tomorrow, week_end, scope).filter(
        start_date__gte=tomorrow
    )
    people = visible(facts, Person.objects.filter(is_active=True))
    if scope is not None:
        people = people.filter(primary_department__in=scope)
    return Briefing(
        departments=list(departments.order_by("code")),
        away_today=list(org.people_away(facts, today, scope)),
        away_this_week=list(later),
        days_off=upcoming_days_off(today, 45),
        not_invited=people.filter(user__isnull=True).count(),
        headcount=people.count(),
        sections=sections(facts, today, chosen.pk if chosen else None, zone_name, oversees),
        company_scope=company_scope,
        department=chosen,
    )
