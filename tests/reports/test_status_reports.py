"""Status reports: a draft with live figures, submission freezing them, receipts, comments,
the decision, the PDF and workbook, access, bad input and the weekly drafts."""

import io
from datetime import timedelta

import openpyxl
import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.goals.models import Goal
from deptcoord.notices.models import Notification
from deptcoord.people.models import Feedback
from deptcoord.reports import services
from deptcoord.reports.models import ReportReceipt, StatusReport
from deptcoord.reports.services.status import last_week
from deptcoord.work.models import Step
from tests.factories import DepartmentFactory, client_for
from tests.reports.helpers import items_for
from tests.work.helpers import actor

TODAY = timezone.localdate()
START, END = TODAY - timedelta(days=6), TODAY


@pytest.fixture
def items(world):
    third = DepartmentFactory(code="OPS", name_en="Operations")
    return items_for(world.own, third, world.coordinator, world.member, world.head, "MKT")


@pytest.fixture
def draft(world, items):
    return services.report_create(
        actor=actor(world.coordinator),
        department=world.own,
        period_start=START,
        period_end=END,
        narrative="We **launched** the teaser.",
    )


def _submit(world, report, *people):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.report_submit(
            actor=actor(world.coordinator),
            report_id=report.pk,
            expected_version=report.version,
            recipient_ids=[person.pk for person in people or (world.other_coordinator,)],
        )


def test_the_draft_shows_todays_figures_and_the_narrative(world, draft):
    response = client_for(world.coordinator).get(reverse("reports:detail", args=[draft.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "MKT goal at risk" in text
    assert "<strong>launched</strong>" in text
    assert "Preview: the figures are today" in text


def test_submission_freezes_the_figures(world, items, draft):
    report = _submit(world, draft)
    Goal.objects.filter(pk=items.goal.pk).update(title_en="Renamed later", progress=99)
    Step.objects.create(
        department=world.own, title_en="Late addition", due=TODAY, status="done", completed_on=TODAY
    )
    report.refresh_from_db()
    assert report.state == StatusReport.State.SUBMITTED
    assert [goal["title"]["en"] for goal in report.snapshot["goals"]] == ["MKT goal at risk"]
    text = client_for(world.member).get(reverse("reports:detail", args=[report.pk])).content
    assert b"MKT goal at risk" in text
    assert b"Renamed later" not in text
    assert b"Late addition" not in text


def test_recipients_are_told_in_their_language_and_the_author_sees_receipts(
    world, draft, mailoutbox
):
    world.other_coordinator.language = "vi"
    world.other_coordinator.save()
    _submit(world, draft)
    notification = Notification.objects.get(recipient=world.other_coordinator)
    assert notification.url == reverse("reports:detail", args=[draft.pk])
    assert mailoutbox[0].to == [world.other_coordinator.email]
    assert "Phòng Marketing" in mailoutbox[0].subject
    reader = client_for(world.other_coordinator)
    reader.get(reverse("reports:detail", args=[draft.pk]))
    receipt = ReportReceipt.objects.get(report=draft)
    assert receipt.read_at is not None and receipt.acknowledged_at is None
    reader.post(reverse("reports:acknowledge", args=[draft.pk]))
    receipt.refresh_from_db()
    assert receipt.acknowledged_at is not None
    page = client_for(world.coordinator).get(reverse("reports:detail", args=[draft.pk]))
    assert "Acknowledged" in page.content.decode()


def test_comments_and_the_heads_decision_notify_the_author(world, draft):
    report = _submit(world, draft)
    services.report_comment(actor=actor(world.other_coordinator), report_id=report.pk, body="Nice")
    back = services.report_decide(
        actor=actor(world.head),
        report_id=report.pk,
        expected_version=report.version,
        decision="revise",
        comment="Add the Sales numbers",
    )
    assert back.state == StatusReport.State.NEEDS_REVISION
    kinds = set(
        Notification.objects.filter(recipient=world.coordinator).values_list("kind", flat=True)
    )
    assert {"reports.report_commented", "reports.report_decided"} <= kinds
    again = _submit(world, back)
    accepted = services.report_decide(
        actor=actor(world.executive),
        report_id=again.pk,
        expected_version=again.version,
        decision="accept",
    )
    assert accepted.state == StatusReport.State.ACCEPTED
    assert accepted.decided_by == world.executive


def test_a_coordinator_may_not_decide_and_a_member_may_not_submit(world, draft):
    with pytest.raises(PermissionDenied):
        services.report_submit(
            actor=actor(world.member), report_id=draft.pk, expected_version=None, recipient_ids=[1]
        )
    report = _submit(world, draft)
    with pytest.raises(PermissionDenied):
        services.report_decide(
            actor=actor(world.coordinator),
            report_id=report.pk,
            expected_version=None,
            decision="accept",
        )


@pytest.mark.parametrize(
    ("role", "draft_status", "submitted_status"),
    [
        ("coordinator", 200, 200),
        ("head", 200, 200),
        ("member", 404, 200),
        ("team_member", 404, 404),  # a team below reads its own reports
        ("executive", 404, 200),
        ("admin", 200, 200),
        ("other_coordinator", 404, 200),  # the recipient
        ("other_member", 404, 404),
        ("hr", 404, 404),
        ("guest", 404, 404),
    ],
)
def test_who_sees_the_page_pdf_and_workbook(world, draft, role, draft_status, submitted_status):
    client = client_for(world.person(role))
    for name in ("reports:detail", "reports:xlsx"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == draft_status
    _submit(world, draft)
    for name in ("reports:detail", "reports:xlsx"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == submitted_status
    api = client.get(f"/api/v1/reports/{draft.pk}")
    assert api.status_code == submitted_status


def test_the_pdf_renders_with_the_goal_names(world, draft):
    report = _submit(world, draft)
    response = client_for(world.coordinator).get(reverse("reports:pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "MKT goal at risk" in text
    assert AuditEntry.objects.filter(action="reports.report.export").exists()


def test_the_workbook_has_the_expected_sheets(world, draft):
    response = client_for(world.coordinator).get(reverse("reports:xlsx", args=[draft.pk]))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Goals", "Steps", "Requests", "Budget", "Events"]
    goals = [row[0] for row in book["Goals"].iter_rows(min_row=2, values_only=True)]
    assert "MKT goal at risk" in goals


def test_highlights_are_public_praise_only(world, items, draft):
    Feedback.objects.create(
        kind=Feedback.Kind.PRAISE,
        visibility=Feedback.Visibility.PUBLIC,
        subject=world.member,
        author=world.head,
        body="Great launch teaser",
    )
    Feedback.objects.create(
        kind=Feedback.Kind.PRAISE,
        visibility=Feedback.Visibility.PRIVATE,
        subject=world.member,
        author=world.head,
        body="Private thanks",
    )
    report = _submit(world, draft)
    bodies = [row["body"] for row in report.snapshot["highlights"]]
    assert bodies == ["Great launch teaser"]
    assert "warning" not in str(report.snapshot).lower()


def _unchanged(before_reports, before_audit):
    assert StatusReport.objects.count() == before_reports
    assert AuditEntry.objects.count() == before_audit


def test_a_period_with_no_data_is_refused_with_a_clear_message(world):
    client = client_for(world.coordinator)
    before = StatusReport.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refusal:
        services.report_create(
            actor=actor(world.coordinator),
            department=world.own,
            period_start=START,
            period_end=END,
        )
    assert "Nothing happened in Marketing" in refusal.value.message_dict["period_start"][0]
    _unchanged(*before)
    response = client.post(
        reverse("reports:create"),
        {"department": world.own.pk, "kind": "weekly", "period_start": START, "period_end": END},
    )
    assert response.status_code == 200
    assert "Nothing happened in Marketing" in response.content.decode()
    _unchanged(*before)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"period_start": END, "period_end": START - timedelta(days=3)}, "period_end"),
        ({"period_start": START - timedelta(days=800), "period_end": END}, "period_end"),
    ],
)
def test_bad_periods_change_nothing(world, items, change, field):
    before = StatusReport.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refusal:
        services.report_create(actor=actor(world.coordinator), department=world.own, **change)
    assert field in refusal.value.message_dict
    _unchanged(*before)


def test_bad_submissions_and_decisions_change_nothing(world, draft):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        services.report_submit(
            actor=actor(world.coordinator),
            report_id=draft.pk,
            expected_version=draft.version,
            recipient_ids=[],
        )
    report = _submit(world, draft)
    after_submit = AuditEntry.objects.count()
    assert after_submit == before + 1
    with pytest.raises(ValidationError) as refusal:
        services.report_decide(
            actor=actor(world.head),
            report_id=report.pk,
            expected_version=report.version,
            decision="revise",
            comment="  ",
        )
    assert "Say what should change" in refusal.value.message_dict["comment"][0]
    with pytest.raises(ValidationError):
        services.report_comment(actor=actor(world.member), report_id=report.pk, body="")
    with pytest.raises(ValidationError):
        services.report_update(
            actor=actor(world.coordinator),
            report_id=report.pk,
            expected_version=report.version,
            narrative="Changed after submission",
        )
    report.refresh_from_db()
    assert report.state == StatusReport.State.SUBMITTED
    assert report.narrative == "We **launched** the teaser."
    assert AuditEntry.objects.count() == after_submit


def test_markdown_with_script_is_shown_safely(world, draft):
    services.report_update(
        actor=actor(world.coordinator),
        report_id=draft.pk,
        expected_version=draft.version,
        narrative='Hi <script>alert("x")</script> [link](javascript:alert(1))',
    )
    text = client_for(world.coordinator).get(reverse("reports:detail", args=[draft.pk])).content
    assert b'<script>alert("x")' not in text
    assert b'href="javascript:' not in text


def test_weekly_drafts_are_prepared_once_for_departments_with_a_coordinator(world):
    start, _end = last_week(TODAY)
    Step.objects.create(department=world.own, title_en="Done", status="done", completed_on=start)
    made = services.weekly_drafts_prepare(today=TODAY)
    assert [(r.department, r.author, r.period_start) for r in made] == [
        (world.own, world.coordinator, start)
    ]
    assert services.weekly_drafts_prepare(today=TODAY) == []
    assert StatusReport.objects.count() == 1
    assert Notification.objects.filter(
        recipient=world.coordinator, kind="reports.weekly_draft"
    ).exists()


def test_the_rollup_shows_every_department_to_executives_only(world, draft):
    _submit(world, draft)
    response = client_for(world.executive).get(reverse("reports:rollup"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Marketing" in text and "Sales" in text
    assert client_for(world.coordinator).get(reverse("reports:rollup")).status_code == 403


def _list_queries(person):
    client = client_for(person)
    client.get(reverse("reports:list"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reports:list"))
    assert response.status_code == 200
    return len(captured)


def test_the_list_runs_a_fixed_number_of_queries(world, draft):
    def more(count):
        StatusReport.objects.bulk_create(
            StatusReport(
                department=world.own,
                author=world.coordinator,
                period_start=START - timedelta(days=7 * (index + 1)),
                period_end=END - timedelta(days=7 * (index + 1)),
                state=StatusReport.State.SUBMITTED,
            )
            for index in range(count)
        )

    more(10)
    few = _list_queries(world.coordinator)
    more(40)
    assert _list_queries(world.coordinator) == few


def test_the_api_covers_the_whole_round(world, items):
    from django.test import Client

    from deptcoord.api.services import token_create

    writer = client_for(world.coordinator)
    start, end = START.isoformat(), END.isoformat()
    created = writer.post(
        "/api/v1/reports",
        {"department_id": world.own.pk, "period_start": start, "period_end": end},
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    read = writer.get(f"/api/v1/reports/{pk}")
    assert read["ETag"] == '"1"'
    assert read.json()["figures"]["goals"][0]["title"]["en"] == "MKT goal at risk"
    stale = writer.patch(
        f"/api/v1/reports/{pk}",
        {"narrative": "Late"},
        content_type="application/json",
        headers={"If-Match": '"7"'},
    )
    assert stale.status_code == 412
    submitted = writer.post(
        f"/api/v1/reports/{pk}/submit",
        {"recipient_ids": [world.other_coordinator.pk]},
        content_type="application/json",
    )
    assert submitted.json()["state"] == "submitted"
    reader = client_for(world.other_coordinator)
    assert reader.post(f"/api/v1/reports/{pk}/acknowledge").status_code == 200
    comment = reader.post(
        f"/api/v1/reports/{pk}/comments", {"body": "Thanks"}, content_type="application/json"
    )
    assert comment.status_code == 201
    refused = client_for(world.head).post(
        f"/api/v1/reports/{pk}/decision",
        {"decision": "revise", "comment": ""},
        content_type="application/json",
    )
    assert refused.status_code == 422
    decided = client_for(world.head).post(
        f"/api/v1/reports/{pk}/decision", {"decision": "accept"}, content_type="application/json"
    )
    assert decided.json()["state"] == "accepted"
    detail = writer.get(f"/api/v1/reports/{pk}").json()
    assert detail["receipts"][0]["acknowledged_at"] is not None
    assert [c["body"] for c in detail["comments"]] == ["Thanks"]
    _token, raw = token_create(actor=actor(world.executive), name="script")
    workbook = Client().get(
        f"/api/v1/reports/{pk}/xlsx", headers={"Authorization": f"Bearer {raw}"}
    )
    assert workbook.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(workbook.content)).sheetnames[0] == "Summary"
