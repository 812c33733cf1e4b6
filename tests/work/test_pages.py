"""The work pages as people use them."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from deptcoord.audit.models import AuditEntry
from deptcoord.notices.models import Notification
from deptcoord.work.models import Expense, Request, Step, TimeEntry
from tests.factories import client_for
from tests.work.helpers import link, monday, project, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    made = project(world)
    start = monday()
    design = step(
        world.own,
        "Key visual",
        made,
        start=start,
        due=start + timedelta(days=4),
        assignee=world.member,
        effort_hours=30,
    )
    dealers = step(
        world.other,
        "Dealer briefing",
        made,
        start=start + timedelta(days=7),
        due=start + timedelta(days=8),
        assignee=world.other_member,
        effort_hours=8,
    )
    link(design, dealers)
    return made


@pytest.mark.parametrize(
    "name",
    [
        "project",
        "project_timeline",
        "project_board",
        "project_budget",
        "project_time",
        "project_workload",
        "plan_import",
        "project_edit",
    ],
)
def test_project_tabs_render(world, plan, name):
    response = client_for(world.coordinator).get(reverse(f"work:{name}", args=[plan.pk]))
    assert response.status_code == 200
    assert plan.title_en in response.content.decode()


def test_timeline_marks_the_critical_path(world, plan):
    page = client_for(world.coordinator).get(reverse("work:project_timeline", args=[plan.pk]))
    html = page.content.decode()
    assert 'id="gantt-data"' in html and "wk-critical" in html


@pytest.mark.parametrize(
    "name",
    [
        "projects",
        "my_steps",
        "requests",
        "recurring",
        "workload",
        "project_create",
        "request_create",
        "recurring_create",
        "step_create",
    ],
)
def test_lists_render(world, plan, name):
    response = client_for(world.coordinator).get(reverse(f"work:{name}"))
    assert response.status_code == 200


def test_step_page_and_inline_edit(world, plan):
    target = plan.steps.get(title_en="Key visual")
    client = client_for(world.coordinator)
    assert client.get(reverse("work:step", args=[target.pk])).status_code == 200
    fragment = client.get(reverse("work:step_edit", args=[target.pk]), HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()


def test_slipping_a_step_from_its_edit_page_flags_sales(world, plan):
    target = plan.steps.get(title_en="Key visual")
    client = client_for(world.coordinator)
    response = client.post(
        reverse("work:step_edit", args=[target.pk]),
        {
            "title_en": target.title_en,
            "department": world.own.pk,
            "assignee": world.member.pk,
            "effort_hours": "30",
            "start": target.start.isoformat(),
            "due": (target.due + timedelta(days=7)).isoformat(),
            "status": "in_progress",
            "progress": "20",
            "priority": "2",
            "version": target.version,
        },
    )
    assert response.status_code == 302
    assert Step.objects.get(title_en="Dealer briefing").flagged
    assert Notification.objects.filter(recipient=world.other_coordinator, kind="work.slip").exists()


def test_board_move_by_htmx(world, plan):
    target = plan.steps.get(title_en="Key visual")
    response = client_for(world.member).post(
        reverse("work:step_progress", args=[target.pk]),
        {"status": "in_progress", "board": "1", "version": target.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    target.refresh_from_db()
    assert target.status == "in_progress"


def test_the_board_offers_moves_only_where_the_policy_allows_them(world, plan):
    """The member moves their own step; the project's runner moves every step; the other
    department's coordinator moves their department's step only."""
    mine = plan.steps.get(title_en="Key visual").pk
    theirs = plan.steps.get(title_en="Dealer briefing").pk
    url = reverse("work:project_board", args=[plan.pk])

    def moves(person):
        page = client_for(person).get(url).content.decode()
        return {pk for pk in (mine, theirs) if f'data-testid="move-{pk}"' in page}

    assert moves(world.member) == {mine}
    assert moves(world.coordinator) == {mine, theirs}
    assert moves(world.other_coordinator) == {theirs}


def test_department_steps_and_exports(world, plan):
    client = client_for(world.coordinator)
    assert client.get(reverse("work:department_steps", args=[world.own.pk])).status_code == 200
    csv = client.get(reverse("work:project_steps_export", args=[plan.pk, "csv"]))
    assert csv.status_code == 200 and "Key visual" in csv.content.decode("utf-8-sig")
    today = timezone.localdate()
    TimeEntry.objects.create(step=plan.steps.first(), person=world.member, date=today, hours=3)
    sheet = client.get(reverse("work:timesheet_export", args=["csv"]))
    assert "Member" in sheet.content.decode("utf-8-sig")


def test_send_and_accept_a_request(world, plan):
    sent = client_for(world.coordinator).post(
        reverse("work:request_create"),
        {
            "from_department": world.own.pk,
            "to_department": world.other.pk,
            "title": "Dealer quotes",
            "due": monday(2).isoformat(),
            "effort_hours": "4",
            "project": plan.pk,
        },
    )
    assert sent.status_code == 302
    request = Request.objects.get()
    answer = client_for(world.other_coordinator).post(
        reverse("work:request_accept", args=[request.pk]),
        {"assignee": world.other_member.pk, "version": request.version},
    )
    assert answer.status_code == 302
    request.refresh_from_db()
    assert request.state == "accepted" and request.step.assignee == world.other_member


def test_expense_from_the_budget_tab(world, plan):
    client_for(world.coordinator).post(
        reverse("work:expense_add", args=[plan.pk]),
        {"date": timezone.localdate().isoformat(), "amount": "12500000", "category": "events"},
    )
    assert Expense.objects.get().amount == 12500000
    page = client_for(world.coordinator).get(reverse("work:project_budget", args=[plan.pk]))
    assert "12,500,000" in page.content.decode()
    assert reverse("work:expense_add", args=[plan.pk]) in page.content.decode()


def test_an_executive_reads_the_budget_but_records_no_expense(world, plan):
    """Spend against budget is for those who report upward too; spending is for those who run
    the project."""
    Expense.objects.create(
        project=plan, date=timezone.localdate(), amount=3_000_000, category="events"
    )
    client = client_for(world.executive)
    project = client.get(reverse("work:project", args=[plan.pk])).content.decode()
    assert reverse("work:project_budget", args=[plan.pk]) in project  # the Budget tab
    page = client.get(reverse("work:project_budget", args=[plan.pk]))
    assert page.status_code == 200 and "3,000,000" in page.content.decode()
    assert reverse("work:expense_add", args=[plan.pk]) not in page.content.decode()
    refused = client.post(
        reverse("work:expense_add", args=[plan.pk]),
        {"date": timezone.localdate().isoformat(), "amount": "1000", "category": "events"},
    )
    assert refused.status_code == 403 and Expense.objects.count() == 1


def test_link_two_steps_from_the_step_page(world, plan):
    dealers = plan.steps.get(title_en="Dealer briefing")
    extra = step(world.other, "Dealer kit", plan, due=dealers.due)
    response = client_for(world.other_coordinator).post(
        reverse("work:dependency_add", args=[extra.pk]), {"predecessor": dealers.pk, "lag_days": 1}
    )
    assert response.status_code == 302
    assert extra.predecessor_links.get().predecessor == dealers


def test_my_steps_export_holds_only_my_open_steps(world, plan):
    sheet = client_for(world.member).get(reverse("work:my_steps_export", args=["csv"]))
    text = sheet.content.decode("utf-8-sig")
    assert sheet.status_code == 200 and "Key visual" in text and "Dealer briefing" not in text
    assert AuditEntry.objects.filter(action="work.step.export", actor_id=world.member.pk).exists()


def test_requests_export_follows_the_filter_and_the_policy(world, plan):
    Request.objects.create(
        from_department=world.own,
        to_department=world.other,
        title="Dealer quotes",
        due=monday(2),
        requested_by=world.coordinator,
    )
    url = reverse("work:requests_export", args=["xlsx"])
    outgoing = client_for(world.coordinator).get(url, {"box": "outgoing", "state": "pending"})
    rows = list(load_workbook(BytesIO(outgoing.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("id", "from_department", "to_department", "title")
    assert [row[3] for row in rows[1:]] == ["Dealer quotes"]
    declined = client_for(world.coordinator).get(url, {"box": "outgoing", "state": "declined"})
    assert len(list(load_workbook(BytesIO(declined.content)).active.iter_rows())) == 1
    # A guest sees no request of either department, so the file holds the header alone.
    guest = client_for(world.guest).get(url, {"box": "all", "state": ""})
    assert len(list(load_workbook(BytesIO(guest.content)).active.iter_rows())) == 1
