"""Bad input gets a clear message naming the field, and nothing changes (the issue's cases)."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.work import messages, services
from deptcoord.work.models import (
    Dependency,
    Expense,
    Project,
    RecurringActivity,
    Request,
    Step,
    TimeEntry,
)
from deptcoord.work.validation import short_date
from tests.factories import client_for
from tests.work.helpers import actor, link, monday, project, step

pytestmark = pytest.mark.django_db


def counts():
    """What a refused write must leave untouched."""
    return [
        Project.objects.count(),
        Step.objects.count(),
        Dependency.objects.count(),
        Request.objects.count(),
        RecurringActivity.objects.count(),
        TimeEntry.objects.count(),
        Expense.objects.count(),
        AuditEntry.objects.exclude(kind="security").count(),
        list(Step.objects.order_by("pk").values_list("due", "assignee_id", "version")),
    ]


def refused(call, field, message):
    """The call is refused on ``field`` with ``message`` and changes nothing."""
    before = counts()
    with pytest.raises(ValidationError) as raised:
        call()
    texts = [str(text) for text in raised.value.message_dict[field]]
    assert str(message) in texts, texts
    assert counts() == before


def _new_step(world, **fields):
    values = {"department": world.own, "title_en": "Banner"}
    values.update(fields)
    return lambda: services.step_create(actor=actor(world.coordinator), **values)


def test_due_before_start(world):
    refused(
        _new_step(world, start=monday(2), due=monday(1)),
        "due",
        messages.DUE_BEFORE_START % {"due": short_date(monday(1)), "start": short_date(monday(2))},
    )


@pytest.mark.parametrize("effort", ["-1", "10000.5", "1e9", "lots"])
def test_negative_or_absurd_effort(world, effort):
    message = (
        messages.NOT_A_NUMBER % {"value": effort} if effort == "lots" else messages.EFFORT_RANGE
    )
    refused(_new_step(world, effort_hours=effort), "effort_hours", message)


def test_assignee_outside_the_department(world):
    refused(
        _new_step(world, assignee=world.other_member),
        "assignee",
        messages.ASSIGNEE_OUTSIDE % {"name": world.other_member, "department": world.own},
    )


def test_assignee_lent_by_an_accepted_request_is_allowed(world):
    made = step(world.own, "Joint demo")
    Request.objects.create(
        from_department=world.own,
        to_department=world.other,
        title="Help",
        due=monday(2),
        requested_by=world.coordinator,
        state="accepted",
        step=made,
    )
    changed = services.step_update(
        actor=actor(world.coordinator),
        step_id=made.pk,
        expected_version=None,
        assignee=world.other_member,
    )
    assert changed.assignee == world.other_member


def test_step_department_not_in_the_project(world):
    plan = project(world)
    plan.departments.set([world.own])
    refused(
        lambda: services.step_create(
            actor=actor(world.admin), project=plan, department=world.other, title_en="Quotes"
        ),
        "department",
        messages.DEPARTMENT_NOT_IN_PROJECT % {"department": world.other, "project": plan.title},
    )


def test_title_missing(world):
    refused(_new_step(world, title_en=" "), "title_en", messages.TITLE_REQUIRED)


def test_dependency_onto_itself(world):
    made = step(world.own, "Brief")
    refused(
        lambda: services.dependency_create(
            actor=actor(world.coordinator), predecessor=made, successor=made
        ),
        "predecessor",
        messages.DEPENDENCY_ON_ITSELF,
    )


def test_dependency_closing_a_cycle_across_departments(world):
    brief = step(world.own, "Brief")
    quotes = step(world.other, "Quotes")
    link(brief, quotes)
    refused(
        lambda: services.dependency_create(
            actor=actor(world.admin), predecessor=quotes, successor=brief
        ),
        "predecessor",
        messages.DEPENDENCY_CYCLE % {"cycle": "“Brief” → “Quotes” → “Brief”"},
    )


@pytest.mark.parametrize("rule", ["EVERY FRIDAY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=SOMETIMES"])
def test_recurrence_rule_that_does_not_parse(world, rule):
    refused(
        lambda: services.recurring_create(
            actor=actor(world.coordinator), department=world.own, title_en="Report", rrule=rule
        ),
        "rrule",
        messages.RRULE_INVALID % {"value": rule},
    )


def test_recurrence_more_often_than_daily(world):
    refused(
        lambda: services.recurring_create(
            actor=actor(world.coordinator),
            department=world.own,
            title_en="Ping",
            rrule="FREQ=HOURLY",
        ),
        "rrule",
        messages.RRULE_TOO_OFTEN,
    )


def test_project_ending_before_it_starts(world):
    refused(
        lambda: services.project_create(
            actor=actor(world.coordinator),
            code="X1",
            title_en="X",
            lead_department=world.own,
            coordinator=world.coordinator,
            start=monday(3),
            end=monday(1),
        ),
        "end",
        messages.PROJECT_DATES,
    )


def test_project_code_taken(world):
    project(world, code="SMH")
    refused(
        lambda: services.project_create(
            actor=actor(world.coordinator),
            code="smh",
            title_en="X",
            lead_department=world.own,
            coordinator=world.coordinator,
            start=monday(1),
            end=monday(3),
        ),
        "code",
        messages.CODE_TAKEN % {"code": "SMH"},
    )


@pytest.mark.parametrize("hours", ["0", "25", "-2"])
def test_time_outside_a_day(world, hours):
    made = step(world.own, "Post", assignee=world.member)
    refused(
        lambda: services.time_log(
            actor=actor(world.member), step=made, date=timezone.localdate(), hours=hours
        ),
        "hours",
        messages.HOURS_RANGE,
    )


def test_time_in_the_future(world):
    made = step(world.own, "Post", assignee=world.member)
    refused(
        lambda: services.time_log(
            actor=actor(world.member),
            step=made,
            date=timezone.localdate() + timedelta(days=2),
            hours=2,
        ),
        "date",
        messages.TIME_IN_FUTURE,
    )


@pytest.mark.parametrize("amount", ["0", "-5000", "1e20", "1e-25", "0.004"])
def test_expense_amount(world, amount):
    plan = project(world)
    refused(
        lambda: services.expense_create(
            actor=actor(world.coordinator), project=plan, date=timezone.localdate(), amount=amount
        ),
        "amount",
        messages.AMOUNT_RANGE,
    )


def test_request_to_its_own_department(world):
    refused(
        lambda: services.request_send(
            actor=actor(world.coordinator),
            from_department=world.own,
            to_department=world.own,
            title="Self",
            due=monday(2),
        ),
        "to_department",
        messages.REQUEST_SAME_DEPARTMENT,
    )


def test_answering_an_answered_request(world):
    sent = services.request_send(
        actor=actor(world.coordinator),
        from_department=world.own,
        to_department=world.other,
        title="Quotes",
        due=monday(2),
    )
    services.request_decline(actor=actor(world.other_coordinator), request_id=sent.pk, reason="No")
    refused(
        lambda: services.request_accept(actor=actor(world.other_coordinator), request_id=sent.pk),
        "state",
        messages.REQUEST_NOT_PENDING % {"state": "Declined"},
    )


def test_stale_version_refused(world):
    from deptcoord.core.versioning import StaleVersionError

    made = step(world.own, "Post")
    with pytest.raises(StaleVersionError):
        services.step_update(
            actor=actor(world.coordinator), step_id=made.pk, expected_version=7, title_en="New"
        )
    made.refresh_from_db()
    assert made.title_en == "Post"


def _plan_upload(client, plan, text):
    upload = io.BytesIO(text.encode())
    upload.name = "plan.csv"
    return client.post(reverse("work:plan_import", args=[plan.pk]), {"file": upload})


def test_plan_with_a_missing_predecessor_saves_nothing(world):
    plan = project(world)
    client = client_for(world.coordinator)
    before = counts()
    response = _plan_upload(
        client,
        plan,
        "ref,title_en,department,assignee_email,effort_hours,start,due,predecessors\n"
        f"1,Brief,MKT,,8,{monday(1)},{monday(1) + timedelta(days=2)},\n"
        f"2,Design,MKT,,16,{monday(2)},{monday(2) + timedelta(days=4)},1;9\n",
    )
    html = response.content.decode()
    assert "The predecessor “9” is not the ref of any row in this file" in html
    assert counts() == before


def test_plan_import_preview_then_confirm(world):
    from deptcoord.core.models import ImportUpload

    plan = project(world)
    client = client_for(world.coordinator)
    world.other_member.email = "minh.le@saomai.vn"
    world.other_member.save()
    response = _plan_upload(
        client,
        plan,
        "ref,title_en,title_vi,department,assignee_email,effort_hours,start,due,predecessors\n"
        f"1,Brief,Bản brief,MKT,,8,{monday(1)},{monday(1) + timedelta(days=2)},\n"
        f"2,Dealer quotes,Báo giá đại lý,SAL,minh.le@saomai.vn,16,{monday(2)},"
        f"{monday(2) + timedelta(days=4)},1\n",
    )
    assert response.status_code == 200 and not Step.objects.exists()
    upload = ImportUpload.objects.get()
    done = client.post(reverse("work:plan_import_confirm", args=[upload.pk]))
    assert done.status_code == 302
    quotes = Step.objects.get(title_en="Dealer quotes")
    assert quotes.assignee == world.other_member
    assert quotes.predecessor_links.get().predecessor.title_en == "Brief"
