"""The API of status reports: list, create, read (figures, receipts, comments), change the
narrative, submit, acknowledge, comment, decide, delete, download, and the company roll-up."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, can, get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Department
from deptcoord.reports import presenting, services
from deptcoord.reports.models import StatusReport
from deptcoord.reports.selectors import status as selectors

router = Router(tags=["status reports"])


class ReportOut(Schema):
    """A status report (figures in ``detail``)."""

    id: int
    version: int
    department_id: int
    kind: str
    period_start: date
    period_end: date
    author_id: int
    state: str
    narrative: str
    submitted_at: datetime | None
    decided_by_id: int | None
    decided_at: datetime | None
    decision_comment: str


class ReceiptOut(Schema):
    """A recipient and when they read and acknowledged the report."""

    recipient_id: int
    name: str
    read_at: datetime | None
    acknowledged_at: datetime | None


class ReportCommentOut(Schema):
    """A comment on a report."""

    id: int
    author_id: int
    author: str
    body: str
    created_at: datetime


class ReportDetailOut(ReportOut):
    """A report with its figures (frozen once submitted), receipts and comments."""

    figures: dict
    frozen: bool
    receipts: list[ReceiptOut]
    comments: list[ReportCommentOut]


class ReportFilter(Schema):
    """Narrow the list."""

    department_id: PrimaryKey | None = None
    state: str = ""
    kind: str = ""


class ReportIn(Schema):
    """A new draft for a department and period."""

    department_id: PrimaryKey
    kind: str = StatusReport.Kind.WEEKLY
    period_start: date
    period_end: date
    narrative: str = ""


class ReportPatch(Schema):
    """Changes to a draft."""

    narrative: str | None = None
    kind: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    version: int | None = None


class SubmitIn(Schema):
    """Who receives the report."""

    recipient_ids: list[PrimaryKey]
    version: int | None = None


class ReportCommentIn(Schema):
    """A comment."""

    body: str = Field(..., max_length=5000)


class ReportDecisionIn(Schema):
    """Accept, or send back with a comment."""

    decision: str = Field(..., description="accept or revise")
    comment: str = ""
    version: int | None = None


class RollupOut(Schema):
    """A department in the company roll-up."""

    department_id: int
    department: str
    latest_report_id: int | None
    latest_state: str | None
    goals_on_track: int
    goals_at_risk: int
    overdue_steps: int
    budget: float
    spent: float


def _report(request, pk) -> StatusReport:
    return get_visible_or_404(request.facts, selectors.report_detail_queryset(), pk=pk)


def _detail(request, report: StatusReport) -> dict:
    shown = presenting.figures(report)
    receipts = selectors.receipts(report)
    sees_receipts = report.author_id == request.facts.person_id or can(
        request.facts, Action.CHANGE, report
    )
    return {
        **{field: getattr(report, field) for field in ReportOut.model_fields},
        "figures": shown.raw,
        "frozen": shown.frozen,
        "receipts": [
            {
                "recipient_id": receipt.recipient_id,
                "name": receipt.recipient.full_name,
                "read_at": receipt.read_at,
                "acknowledged_at": receipt.acknowledged_at,
            }
            for receipt in receipts
            if sees_receipts or receipt.recipient_id == request.facts.person_id
        ],
        "comments": [
            {
                "id": comment.pk,
                "author_id": comment.author_id,
                "author": comment.author.full_name,
                "body": comment.body,
                "created_at": comment.created_at,
            }
            for comment in selectors.comments(report)
        ],
    }


@router.get("/reports", response=list[ReportOut], summary="List status reports")
@paginate(ListPagination)
def list_reports(request, filters: Query[ReportFilter]):
    choice("state", filters.state, StatusReport.State.values)
    choice("kind", filters.kind, StatusReport.Kind.values)
    return selectors.reports(
        request.facts, department_id=filters.department_id, state=filters.state, kind=filters.kind
    )


@router.post("/reports", response={201: ReportOut}, summary="Start a status report")
def create_report(request, payload: ReportIn):
    department = get_visible_or_404(request.facts, Department, pk=payload.department_id)
    report = services.report_create(
        actor=actor_from(request, "api"),
        department=department,
        kind=payload.kind,
        period_start=payload.period_start,
        period_end=payload.period_end,
        narrative=payload.narrative,
    )
    return Status(201, report)


@router.get("/reports/rollup", response=list[RollupOut], summary="Company roll-up")
def read_rollup(request):
    if not selectors.may_see_rollup(request.facts):
        raise PermissionDenied
    return [
        {
            "department_id": row.department.pk,
            "department": row.department.name,
            "latest_report_id": row.latest.pk if row.latest else None,
            "latest_state": row.latest.state if row.latest else None,
            "goals_on_track": row.goals_on_track,
            "goals_at_risk": row.goals_at_risk,
            "overdue_steps": row.overdue_steps,
            "budget": float(row.budget),
            "spent": float(row.spent),
        }
        for row in selectors.rollup(request.facts)
    ]


@router.get("/reports/{int:pk}", response=ReportDetailOut, summary="Read a status report")
def read_report(request, response: HttpResponse, pk: PrimaryKey):
    report = _report(request, pk)
    if report.is_published:
        services.report_mark_read(report=report, person=request.person)
    with_etag(response, report)
    return _detail(request, report)


@router.patch("/reports/{int:pk}", response=ReportOut, summary="Change a draft")
def update_report(request, response: HttpResponse, payload: ReportPatch, pk: PrimaryKey):
    report = _report(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), report.version)
    report = services.report_update(
        actor=actor_from(request, "api"), report_id=report.pk, expected_version=version, **data
    )
    return with_etag(response, report)


@router.delete("/reports/{int:pk}", response={204: None}, summary="Delete a draft")
def delete_report(request, pk: PrimaryKey):
    report = _report(request, pk)
    version = expected_version(request, None, report.version)
    services.report_delete(
        actor=actor_from(request, "api"), report_id=report.pk, expected_version=version
    )
    return Status(204, None)


@router.post("/reports/{int:pk}/submit", response=ReportOut, summary="Submit and send")
def submit_report(request, response: HttpResponse, payload: SubmitIn, pk: PrimaryKey):
    report = _report(request, pk)
    version = expected_version(request, payload.version, report.version)
    report = services.report_submit(
        actor=actor_from(request, "api"),
        report_id=report.pk,
        expected_version=version,
        recipient_ids=payload.recipient_ids,
    )
    return with_etag(response, report)


@router.post("/reports/{int:pk}/acknowledge", response=ReceiptOut, summary="Acknowledge a report")
def acknowledge_report(request, pk: PrimaryKey):
    report = _report(request, pk)
    receipt = services.report_acknowledge(actor=actor_from(request, "api"), report_id=report.pk)
    return {
        "recipient_id": receipt.recipient_id,
        "name": request.person.full_name,
        "read_at": receipt.read_at,
        "acknowledged_at": receipt.acknowledged_at,
    }


@router.post("/reports/{int:pk}/comments", response={201: ReportCommentOut}, summary="Comment")
def comment_report(request, payload: ReportCommentIn, pk: PrimaryKey):
    report = _report(request, pk)
    comment = services.report_comment(
        actor=actor_from(request, "api"), report_id=report.pk, body=payload.body
    )
    return Status(
        201,
        {
            "id": comment.pk,
            "author_id": comment.author_id,
            "author": comment.author.full_name,
            "body": comment.body,
            "created_at": comment.created_at,
        },
    )


@router.post("/reports/{int:pk}/decision", response=ReportOut, summary="Accept or send back")
def decide_report(request, response: HttpResponse, payload: ReportDecisionIn, pk: PrimaryKey):
    report = _report(request, pk)
    version = expected_version(request, payload.version, report.version)
    report = services.report_decide(
        actor=actor_from(request, "api"),
        report_id=report.pk,
        expected_version=version,
        decision=payload.decision,
        comment=payload.comment,
    )
    return with_etag(response, report)


@router.get("/reports/{int:pk}/pdf", summary="Download the PDF")
def report_pdf(request, pk: PrimaryKey):
    from deptcoord.reports.views.status import pdf_response

    return pdf_response(request, _report(request, pk))


@router.get("/reports/{int:pk}/xlsx", summary="Download the workbook")
def report_xlsx(request, pk: PrimaryKey):
    from deptcoord.reports.views.status import xlsx_response

    return xlsx_response(request, _report(request, pk))
