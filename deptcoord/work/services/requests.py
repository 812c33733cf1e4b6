"""Requests between departments: sent by one, accepted (becoming a step) or declined by the
other, or withdrawn by the sender."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import SYSTEM, Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.notices.notifications import notify
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.work import messages
from deptcoord.work.models import Request
from deptcoord.work.services.common import record_created, save_with_audit, today
from deptcoord.work.services.notices import notify_department, request_url
from deptcoord.work.services.steps import step_create
from deptcoord.work.validation import add, check_effort, raise_if, to_date

REQUEST_FIELDS = [
    "from_department",
    "to_department",
    "project",
    "title",
    "reason",
    "due",
    "effort_hours",
    "state",
    "proposed_due",
    "decline_reason",
    "step",
    "answered_by",
]
STALE_AFTER_DAYS = 5


def stale_after_days() -> int:
    """Days a request may wait for an answer before both sides see it flagged."""
    return int(getattr(settings, "WORK_REQUEST_STALE_DAYS", STALE_AFTER_DAYS))


@transaction.atomic
def request_send(
    *,
    actor: Actor,
    from_department,
    to_department,
    title: str,
    due,
    reason: str = "",
    project=None,
    effort_hours: Decimal | int | str = 0,
) -> Request:
    """Ask another department for work (the actor runs the sending department)."""
    authorize(actor, Action.CHANGE, Request(from_department=from_department))
    errors: dict = {}
    title = (title or "").strip()
    if not title:
        add(errors, "title", messages.REQUIRED)
    elif len(title) > 200:
        add(errors, "title", messages.TITLE_TOO_LONG)
    if to_department is None:
        add(errors, "to_department", messages.REQUIRED)
    elif to_department.pk == from_department.pk:
        add(errors, "to_department", messages.REQUEST_SAME_DEPARTMENT)
    elif not to_department.is_active:
        add(
            errors,
            "to_department",
            messages.DEPARTMENT_INACTIVE % {"department": to_department},
        )
    due = to_date(errors, "due", due, required=True)
    if due is not None and due < today():
        add(errors, "due", messages.REQUEST_DUE_PAST)
    effort = check_effort(errors, effort_hours)
    if project is not None and not project.is_open:
        add(errors, "project", messages.PROJECT_CLOSED % {"project": project.title})
    raise_if(errors)
    request = Request.objects.create(
        from_department=from_department,
        to_department=to_department,
        project=project,
        title=title,
        reason=(reason or "").strip(),
        due=due,
        effort_hours=effort,
        requested_by=actor.person,
    )
    record_created(actor, request, REQUEST_FIELDS, "work.request.send", from_department.pk)
    notify_department(
        to_department.pk,
        kind="work.request",
        message=messages.REQUEST_RECEIVED,
        params={"department": from_department, "title": title, "due": due},
        url=request_url(request),
        target=request,
        skip=actor.person_id,
        actor=actor.person,
    )
    return request


def _pending(request: Request) -> None:
    if not request.is_pending:
        raise ValidationError(
            {"state": [messages.REQUEST_NOT_PENDING % {"state": request.get_state_display()}]}
        )


def _answer(actor: Actor, request: Request, action: str, **values) -> None:
    before = snapshot(request, REQUEST_FIELDS)
    for field, value in values.items():
        setattr(request, field, value)
    request.answered_by = actor.person if actor.person is not None else request.answered_by
    request.answered_at = timezone.now()
    save_with_audit(actor, request, before, REQUEST_FIELDS, action, request.to_department_id)


@transaction.atomic
def request_accept(
    *,
    actor: Actor,
    request_id: int,
    expected_version: int | None = None,
    assignee=None,
    proposed_due=None,
    effort_hours=None,
    start=None,
) -> Request:
    """Accept a request: it becomes a step of the receiving department (in the request's
    project, which the department then takes part in), possibly due on another date."""
    request = lock(Request, request_id)
    authorize(actor, Action.ANSWER, request)
    check_version(request, expected_version)
    _pending(request)
    errors: dict = {}
    proposed = to_date(errors, "proposed_due", proposed_due)
    if proposed is not None and proposed < today():
        add(errors, "proposed_due", messages.REQUEST_DUE_PAST)
    raise_if(errors)
    project = request.project
    if project is not None and not project.departments.filter(pk=request.to_department_id).exists():
        project.departments.add(request.to_department)
    step = step_create(
        actor=SYSTEM if actor.via == "system" else actor,
        department=request.to_department,
        project=project,
        title_en=request.title,
        description=request.reason,
        assignee=assignee,
        start=start,
        due=proposed or request.due,
        effort_hours=request.effort_hours if effort_hours in (None, "") else effort_hours,
    )
    _answer(
        actor,
        request,
        "work.request.accept",
        state=Request.State.ACCEPTED,
        proposed_due=proposed,
        step=step,
    )
    notify(
        recipient=request.requested_by,
        kind="work.request_answer",
        message=messages.REQUEST_ACCEPTED,
        params={
            "department": request.to_department,
            "title": request.title,
            "due": step.due,
        },
        url=request_url(request),
        target=request,
        actor=actor.person,
    )
    recheck_reach(actor, request, Action.VIEW)
    return request


@transaction.atomic
def request_decline(
    *, actor: Actor, request_id: int, reason: str, expected_version: int | None = None
) -> Request:
    """Decline a request, saying why."""
    request = lock(Request, request_id)
    authorize(actor, Action.ANSWER, request)
    check_version(request, expected_version)
    _pending(request)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"decline_reason": [messages.DECLINE_REASON_REQUIRED]})
    _answer(
        actor, request, "work.request.decline", state=Request.State.DECLINED, decline_reason=reason
    )
    notify(
        recipient=request.requested_by,
        kind="work.request_answer",
        message=messages.REQUEST_DECLINED,
        params={
            "department": request.to_department,
            "title": request.title,
            "reason": reason[:200],
        },
        url=request_url(request),
        target=request,
        actor=actor.person,
    )
    return request


@transaction.atomic
def request_withdraw(
    *, actor: Actor, request_id: int, expected_version: int | None = None
) -> Request:
    """Withdraw a pending request (the sender changed plans)."""
    request = lock(Request, request_id)
    authorize(actor, Action.CHANGE, request)
    check_version(request, expected_version)
    _pending(request)
    before = snapshot(request, REQUEST_FIELDS)
    request.state = Request.State.WITHDRAWN
    save_with_audit(
        actor, request, before, REQUEST_FIELDS, "work.request.withdraw", request.from_department_id
    )
    notify_department(
        request.to_department_id,
        kind="work.request",
        message=messages.REQUEST_WITHDRAWN,
        params={"department": request.from_department, "title": request.title},
        url=request_url(request),
        target=request,
        skip=actor.person_id,
        actor=actor.person,
    )
    return request
