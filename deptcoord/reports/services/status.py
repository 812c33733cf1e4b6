"""Writes of status reports: create, write, submit (freezing the figures), acknowledge, comment,
decide, delete, and the weekly drafts prepared on Monday mornings."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import SYSTEM, Actor, authorize
from deptcoord.core.language import in_language
from deptcoord.core.versioning import check_version, lock
from deptcoord.notices.notifications import notify
from deptcoord.org.models import Department, Membership, Person
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.reports import messages
from deptcoord.reports.models import ReportComment, ReportReceipt, StatusReport
from deptcoord.reports.services.duplicates import period_label, refuse_second
from deptcoord.reports.snapshot import gather, is_empty

FIELDS = ["department", "kind", "period_start", "period_end", "narrative", "state"]
NARRATIVE_LIMIT = 20000
COMMENT_LIMIT = 5000
MAX_DAYS = 366
ACCEPT, REVISE = "accept", "revise"


class _InLanguage:
    """A value rendered when the message is, in the language the message is written in."""

    def __init__(self, render):
        self.render = render

    def __str__(self):
        return self.render()


def _params(report: StatusReport, **extra) -> dict:
    department = report.department
    return {
        "department": _InLanguage(lambda: in_language(department.name_en, department.name_vi)),
        "period": _InLanguage(lambda: period_label(report)),
        **extra,
    }


def _url(report: StatusReport) -> str:
    return reverse("reports:detail", args=[report.pk])


def _check_period(errors: dict, department, start, end) -> None:
    if start is None or end is None:
        return
    if end < start:
        errors["period_end"] = [messages.PERIOD_ORDER]
    elif (end - start).days >= MAX_DAYS:
        errors["period_end"] = [messages.PERIOD_TOO_LONG]
    elif department is not None and is_empty(gather(department, start, end)):
        errors["period_start"] = [
            messages.NO_DATA
            % {
                "department": department.name,
                "start": date_format(start, "SHORT_DATE_FORMAT"),
                "end": date_format(end, "SHORT_DATE_FORMAT"),
            }
        ]


def _check_narrative(errors: dict, narrative: str) -> None:
    if len(narrative or "") > NARRATIVE_LIMIT:
        errors["narrative"] = [messages.TOO_LONG % {"limit": NARRATIVE_LIMIT}]


@transaction.atomic
def report_create(
    *,
    actor: Actor,
    department: Department,
    period_start: date,
    period_end: date,
    kind: str = StatusReport.Kind.WEEKLY,
    narrative: str = "",
    author: Person | None = None,
) -> StatusReport:
    """Start a draft report for a department and period (refused when there is nothing to say)."""
    report = StatusReport(
        department=department,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        author=author or actor.person,
        narrative=narrative or "",
    )
    authorize(actor, Action.CHANGE, report)
    errors: dict = {}
    if kind not in StatusReport.Kind.values:
        errors["kind"] = [messages.UNKNOWN_DECISION]
    _check_period(errors, department, period_start, period_end)
    _check_narrative(errors, narrative)
    if errors:
        raise ValidationError(errors)
    refuse_second(department, kind, period_start, period_end)
    report.save()
    audit_record(
        actor=actor,
        kind="create",
        action="reports.report.create",
        target=report,
        changes=diff({}, snapshot(report, FIELDS)),
        department_id=department.pk,
    )
    recheck_reach(actor, report, Action.CHANGE)
    return report


@transaction.atomic
def report_update(
    *,
    actor: Actor,
    report_id: int,
    expected_version: int | None,
    narrative: str | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    kind: str | None = None,
) -> StatusReport:
    """Change a draft's narrative, kind or period."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.CHANGE, report)
    check_version(report, expected_version)
    if not report.is_editable:
        raise ValidationError({"narrative": [messages.NOT_EDITABLE]})
    before = snapshot(report, FIELDS)
    start = period_start or report.period_start
    end = period_end or report.period_end
    errors: dict = {}
    if kind is not None and kind not in StatusReport.Kind.values:
        errors["kind"] = [messages.UNKNOWN_DECISION]
    if (start, end) != (report.period_start, report.period_end):
        _check_period(errors, report.department, start, end)
    if narrative is not None:
        _check_narrative(errors, narrative)
    if errors:
        raise ValidationError(errors)
    if (start, end, kind or report.kind) != (report.period_start, report.period_end, report.kind):
        refuse_second(report.department, kind or report.kind, start, end, report.pk)
    report.period_start, report.period_end = start, end
    if kind is not None:
        report.kind = kind
    if narrative is not None:
        report.narrative = narrative
    changes = diff(before, snapshot(report, FIELDS))
    if changes:
        report.version += 1
        report.save()
        audit_record(
            actor=actor,
            kind="update",
            action="reports.report.update",
            target=report,
            changes=changes,
            department_id=report.department_id,
        )
    return report


@transaction.atomic
def report_submit(
    *, actor: Actor, report_id: int, expected_version: int | None, recipient_ids: list[int]
) -> StatusReport:
    """Freeze the figures, send the report to its recipients and ask for a decision."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.SUBMIT, report)
    check_version(report, expected_version)
    if not report.is_editable:
        raise ValidationError({"recipients": [messages.NOT_EDITABLE]})
    wanted = {int(pk) for pk in recipient_ids or []}
    if not wanted:
        raise ValidationError({"recipients": [messages.NO_RECIPIENTS]})
    people = list(Person.objects.filter(pk__in=wanted, is_active=True))
    if len(people) != len(wanted):
        raise ValidationError({"recipients": [messages.UNKNOWN_RECIPIENT]})
    # A second report made before this rule existed is not sent once the first has been: its
    # recipients would be told twice.
    refuse_second(
        report.department,
        report.kind,
        report.period_start,
        report.period_end,
        report.pk,
        published_only=True,
    )
    figures = gather(report.department, report.period_start, report.period_end)
    if is_empty(figures):
        raise ValidationError(
            {
                "period_start": [
                    messages.NO_DATA
                    % {
                        "department": report.department.name,
                        "start": date_format(report.period_start, "SHORT_DATE_FORMAT"),
                        "end": date_format(report.period_end, "SHORT_DATE_FORMAT"),
                    }
                ]
            }
        )
    before = snapshot(report, FIELDS)
    before_recipients = sorted(report.receipts.values_list("recipient__full_name", flat=True))
    report.snapshot = figures
    report.state = StatusReport.State.SUBMITTED
    report.submitted_at = timezone.now()
    report.decided_by, report.decided_at, report.decision_comment = None, None, ""
    report.version += 1
    report.save()
    report.receipts.exclude(recipient_id__in=wanted).delete()
    # A resubmitted report is read and acknowledged afresh.
    report.receipts.update(read_at=None, acknowledged_at=None)
    existing = set(report.receipts.values_list("recipient_id", flat=True))
    ReportReceipt.objects.bulk_create(
        ReportReceipt(report=report, recipient=person)
        for person in people
        if person.pk not in existing
    )
    changes = diff(before, snapshot(report, FIELDS))
    changes["recipients"] = [before_recipients, sorted(person.full_name for person in people)]
    audit_record(
        actor=actor,
        kind="update",
        action="reports.report.submit",
        target=report,
        changes=changes,
        department_id=report.department_id,
    )
    author = actor.person.full_name if actor.person else ""
    for person in people:
        notify(
            recipient=person,
            kind="reports.report_submitted",
            message=messages.REPORT_SUBMITTED,
            params=_params(report, author=author),
            url=_url(report),
            target=report,
            actor=actor.person,
        )
    return report


def report_mark_read(*, report: StatusReport, person: Person) -> None:
    """Note that a recipient opened the report (the read receipt the author sees)."""
    ReportReceipt.objects.filter(report=report, recipient=person, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def report_acknowledge(*, actor: Actor, report_id: int) -> ReportReceipt:
    """A recipient confirms they have read the report."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.ACKNOWLEDGE, report)
    receipt = ReportReceipt.objects.filter(report=report, recipient=actor.person).first()
    if receipt is None:
        raise ValidationError(messages.NOT_A_RECIPIENT)
    if receipt.acknowledged_at is not None:
        return receipt
    now = timezone.now()
    receipt.read_at = receipt.read_at or now
    receipt.acknowledged_at = now
    receipt.save(update_fields=["read_at", "acknowledged_at"])
    audit_record(
        actor=actor,
        kind="update",
        action="reports.report.acknowledge",
        target=report,
        changes={"acknowledged_by": [None, actor.person.full_name]},
        department_id=report.department_id,
    )
    notify(
        recipient=report.author,
        kind="reports.report_acknowledged",
        message=messages.REPORT_ACKNOWLEDGED,
        params=_params(report, person=actor.person.full_name),
        url=_url(report),
        target=report,
        actor=actor.person,
    )
    return receipt


@transaction.atomic
def report_comment(*, actor: Actor, report_id: int, body: str) -> ReportComment:
    """Comment on a submitted report; the author is told."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.COMMENT, report)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [messages.EMPTY_COMMENT]})
    if len(body) > COMMENT_LIMIT:
        raise ValidationError({"body": [messages.TOO_LONG % {"limit": COMMENT_LIMIT}]})
    comment = ReportComment.objects.create(report=report, author=actor.person, body=body)
    audit_record(
        actor=actor,
        kind="create",
        action="reports.report.comment",
        target=report,
        changes={"comment": [None, body]},
        department_id=report.department_id,
    )
    if report.author_id != actor.person_id:
        notify(
            recipient=report.author,
            kind="reports.report_commented",
            message=messages.REPORT_COMMENTED,
            params=_params(report, person=actor.person.full_name),
            url=_url(report) + "#comments",
            target=report,
            actor=actor.person,
        )
    return comment


@transaction.atomic
def report_decide(
    *,
    actor: Actor,
    report_id: int,
    expected_version: int | None,
    decision: str,
    comment: str = "",
) -> StatusReport:
    """Accept a submitted report, or send it back for revision with a comment."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.DECIDE, report)
    check_version(report, expected_version)
    comment = (comment or "").strip()
    errors: dict = {}
    if report.state != StatusReport.State.SUBMITTED:
        errors["decision"] = [messages.NOT_SUBMITTED]
    elif decision not in (ACCEPT, REVISE):
        errors["decision"] = [messages.UNKNOWN_DECISION]
    elif decision == REVISE and not comment:
        errors["comment"] = [messages.REVISION_NEEDS_COMMENT]
    elif len(comment) > COMMENT_LIMIT:
        errors["comment"] = [messages.TOO_LONG % {"limit": COMMENT_LIMIT}]
    if errors:
        raise ValidationError(errors)
    before = snapshot(report, [*FIELDS, "decision_comment"])
    report.state = (
        StatusReport.State.ACCEPTED if decision == ACCEPT else StatusReport.State.NEEDS_REVISION
    )
    report.decided_by = actor.person
    report.decided_at = timezone.now()
    report.decision_comment = comment
    report.version += 1
    report.save()
    audit_record(
        actor=actor,
        kind="update",
        action=f"reports.report.{decision}",
        target=report,
        changes=diff(before, snapshot(report, [*FIELDS, "decision_comment"])),
        department_id=report.department_id,
    )
    name = actor.person.full_name if actor.person else ""
    notify(
        recipient=report.author,
        kind="reports.report_decided",
        message=messages.REPORT_ACCEPTED if decision == ACCEPT else messages.REPORT_SENT_BACK,
        params=_params(report, person=name, comment=comment[:200]),
        url=_url(report),
        target=report,
        actor=actor.person,
    )
    return report


@transaction.atomic
def report_delete(*, actor: Actor, report_id: int, expected_version: int | None = None) -> None:
    """Delete a draft that was never submitted."""
    report = lock(StatusReport, report_id)
    authorize(actor, Action.DELETE, report)
    check_version(report, expected_version)
    if report.state != StatusReport.State.DRAFT:
        raise ValidationError({"state": [messages.ONLY_DRAFTS_DELETED]})
    audit_record(
        actor=actor,
        kind="delete",
        action="reports.report.delete",
        target=report,
        changes=diff(snapshot(report, FIELDS), {}),
        department_id=report.department_id,
    )
    report.delete()


def last_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the week before ``today``'s."""
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=1)
    return monday, monday + timedelta(days=6)


def weekly_drafts_prepare(*, today: date | None = None) -> list[StatusReport]:
    """A draft of last week's report for each department with a coordinator (run on Mondays;
    running it again creates nothing new). Weeks with nothing to report get no draft."""
    start, end = last_week(today or timezone.localdate())
    coordinators = (
        Membership.objects.filter(
            role="coordinator", department__is_active=True, person__is_active=True
        )
        .select_related("department", "person")
        .order_by("department_id", "person__full_name", "id")
    )
    first: dict[int, Membership] = {}
    for membership in coordinators:
        first.setdefault(membership.department_id, membership)
    existing = set(
        StatusReport.objects.filter(
            department_id__in=list(first), period_start=start, period_end=end
        ).values_list("department_id", flat=True)
    )
    made = []
    for department_id, membership in first.items():
        if department_id in existing:
            continue
        try:
            report = report_create(
                actor=SYSTEM,
                department=membership.department,
                period_start=start,
                period_end=end,
                kind=StatusReport.Kind.WEEKLY,
                author=membership.person,
            )
        except ValidationError:
            continue  # nothing happened that week
        notify(
            recipient=membership.person,
            kind="reports.weekly_draft",
            message=messages.WEEKLY_DRAFT_READY,
            params=_params(report),
            url=_url(report),
            target=report,
        )
        made.append(report)
    return made
