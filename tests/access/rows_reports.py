"""Access-matrix rows for the Today briefing and status reports.

The records: a Marketing draft written by the coordinator (seen only by those who run
Marketing, and admins), and a submitted Marketing report sent to Sales' coordinator (read by
Marketing's people, executives, admins and its recipient). They are created without services,
so building them writes nothing to the audit trail.
"""

from datetime import timedelta

from django.utils import timezone

from deptcoord.goals.models import Goal
from deptcoord.reports.models import ReportReceipt, StatusReport
from tests.access.matrix import EVERYONE, page, rows

DRAFT_RUNNERS = {"admin", "head", "coordinator"}
WRITERS = {"head", "coordinator"}
READERS = {"admin", "executive", "head", "coordinator", "member", "other_coordinator"}
NOT_DRAFT = EVERYONE - DRAFT_RUNNERS
NOT_READERS = EVERYONE - READERS
CREATORS = {"head", "coordinator", "other_coordinator"}
DECIDERS = {"executive", "head"}

POLICY = [
    *rows(
        "status_report",
        "report_draft",
        {
            "view": DRAFT_RUNNERS,
            "change": WRITERS,
            "submit": WRITERS,
            "delete": DRAFT_RUNNERS,
            "comment": set(),
            "acknowledge": set(),
            "decide": set(),
        },
    ),
    *rows(
        "status_report",
        "report_submitted",
        {
            "view": READERS,
            "comment": READERS,
            "acknowledge": {"other_coordinator"},
            "decide": DECIDERS,
            "submit": WRITERS,
            "delete": WRITERS,
        },
    ),
]


def _period():
    today = timezone.localdate()
    return today - timedelta(days=6), today


PAGES = [
    page("reports:list"),
    page("reports:list_export", file_format="csv"),
    page("reports:create", ok=CREATORS),
    page(
        "reports:create",
        method="POST",
        ok=CREATORS,
        data={"department": "", "kind": "weekly", "period_start": "", "period_end": ""},
    ),
    page("reports:rollup", ok={"admin", "executive"}),
    page("reports:detail", "report_draft", ok=DRAFT_RUNNERS, hidden=NOT_DRAFT),
    page("reports:detail", "report_submitted", ok=READERS, hidden=NOT_READERS),
    page(
        "reports:edit",
        "report_draft",
        method="POST",
        ok=WRITERS,
        hidden=NOT_DRAFT,
        data={"narrative": "A calm week."},
    ),
    page("reports:submit", "report_draft", method="POST", ok=WRITERS, hidden=NOT_DRAFT),
    page(
        "reports:acknowledge",
        "report_submitted",
        method="POST",
        ok={"other_coordinator"},
        hidden=NOT_READERS,
    ),
    page(
        "reports:comment",
        "report_submitted",
        method="POST",
        ok=READERS,
        hidden=NOT_READERS,
        data={"body": "Thanks"},
    ),
    page(
        "reports:decide",
        "report_submitted",
        method="POST",
        ok=DECIDERS,
        hidden=NOT_READERS,
        data={"decision": "accept"},
    ),
    page("reports:delete", "report_draft", method="POST", ok=DRAFT_RUNNERS, hidden=NOT_DRAFT),
    page("reports:pdf", "report_draft", ok=DRAFT_RUNNERS, hidden=NOT_DRAFT),
    page("reports:xlsx", "report_submitted", ok=READERS, hidden=NOT_READERS),
]


def _new_report(world):
    _reports(world)  # the goal that gives the period something to report
    # The week before the two reports already there: one report per department and week.
    start, end = (day - timedelta(days=14) for day in _period())
    return {
        "department_id": world.own.pk,
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
    }


def _recipients(world):
    return {"recipient_ids": [world.executive.pk]}


# Each person reads their own briefing; reports as above.
API = [
    ("GET", "/api/v1/today", "", EVERYONE, (), None),
    ("GET", "/api/v1/reports", "", EVERYONE, (), None),
    ("POST", "/api/v1/reports", "", WRITERS, {"guest"}, _new_report),
    ("GET", "/api/v1/reports/rollup", "", {"admin", "executive"}, (), None),
    ("GET", "/api/v1/reports/{id}", "report_draft", DRAFT_RUNNERS, NOT_DRAFT, None),
    ("GET", "/api/v1/reports/{id}", "report_submitted", READERS, NOT_READERS, None),
    ("PATCH", "/api/v1/reports/{id}", "report_draft", WRITERS, NOT_DRAFT, {"narrative": "Calm"}),
    ("DELETE", "/api/v1/reports/{id}", "report_draft", DRAFT_RUNNERS, NOT_DRAFT, None),
    ("POST", "/api/v1/reports/{id}/submit", "report_draft", WRITERS, NOT_DRAFT, _recipients),
    (
        "POST",
        "/api/v1/reports/{id}/acknowledge",
        "report_submitted",
        {"other_coordinator"},
        NOT_READERS,
        None,
    ),
    (
        "POST",
        "/api/v1/reports/{id}/comments",
        "report_submitted",
        READERS,
        NOT_READERS,
        {"body": "Thanks"},
    ),
    (
        "POST",
        "/api/v1/reports/{id}/decision",
        "report_submitted",
        DECIDERS,
        NOT_READERS,
        {"decision": "accept"},
    ),
    ("GET", "/api/v1/reports/{id}/pdf", "report_draft", DRAFT_RUNNERS, NOT_DRAFT, None),
    ("GET", "/api/v1/reports/{id}/xlsx", "report_submitted", READERS, NOT_READERS, None),
]


def _reports(world) -> dict:
    if hasattr(world, "reports_records"):
        return world.reports_records
    start, end = _period()
    # Something to report: a Marketing goal over the period.
    Goal.objects.create(
        title_en="Awareness",
        level=Goal.Level.DEPARTMENT,
        department=world.own,
        owner=world.head,
        period_start=start - timedelta(days=30),
        period_end=end + timedelta(days=60),
        status=Goal.Status.ACTIVE,
    )
    draft = StatusReport.objects.create(
        department=world.own, author=world.coordinator, period_start=start, period_end=end
    )
    submitted = StatusReport.objects.create(
        department=world.own,
        author=world.coordinator,
        period_start=start - timedelta(days=7),
        period_end=end - timedelta(days=7),
        state=StatusReport.State.SUBMITTED,
        submitted_at=timezone.now(),
        snapshot={"goals": [], "department": {"en": "Marketing", "vi": "Marketing"}},
    )
    ReportReceipt.objects.create(report=submitted, recipient=world.other_coordinator)
    world.reports_records = {"report_draft": draft, "report_submitted": submitted}
    return world.reports_records


def target(world, role, name):
    """The reports the rows are about."""
    if name.startswith("report_"):
        return _reports(world)[name]
    return None
