"""Projects, steps, dependencies, slips, requests, recurring activities, time and money, as the
services do them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import SYSTEM
from deptcoord.notices.models import Notification
from deptcoord.work import services
from deptcoord.work.models import Project, Request, Step
from tests.work.helpers import actor, link, monday, project, step

pytestmark = pytest.mark.django_db


def test_coordinator_creates_a_cross_department_project(world):
    made = services.project_create(
        actor=actor(world.coordinator),
        code="smh-launch",
        title_en="SM Home launch",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=monday(),
        end=monday(10),
        departments=[world.other],
        budget="500000000",
    )
    assert made.code == "SMH-LAUNCH"
    assert set(made.departments.values_list("code", flat=True)) == {"MKT", "SAL"}
    assert AuditEntry.objects.filter(action="work.project.create", target_id=str(made.pk)).exists()


def test_a_member_cannot_create_a_project(world):
    with pytest.raises(PermissionDenied):
        services.project_create(
            actor=actor(world.member),
            code="X",
            title_en="X",
            lead_department=world.own,
            coordinator=world.member,
            start=monday(),
            end=monday(2),
        )
    assert not Project.objects.exists()


def test_lead_coordinator_adds_steps_for_participating_departments(world):
    plan = project(world)
    made = services.step_create(
        actor=actor(world.coordinator),
        department=world.other,
        project=plan,
        title_en="Dealer price list",
        assignee=world.other_member,
        effort_hours=12,
        start=monday(),
        due=monday() + timedelta(days=4),
    )
    assert made.department == world.other
    assert Notification.objects.filter(recipient=world.other_member, kind="work.assigned").exists()


def test_assignee_updates_progress_but_not_the_dates(world):
    made = step(world.own, "Post", assignee=world.member, due=monday())
    moved = services.step_progress(
        actor=actor(world.member),
        step_id=made.pk,
        expected_version=1,
        status="in_progress",
        progress=40,
    )
    assert (moved.status, moved.progress) == ("in_progress", 40)
    with pytest.raises(PermissionDenied):
        services.step_update(
            actor=actor(world.member), step_id=made.pk, expected_version=None, due=monday(3)
        )


def test_done_means_full_progress(world):
    made = step(world.own, "Post")
    done = services.step_progress(
        actor=actor(world.coordinator), step_id=made.pk, expected_version=None, status="done"
    )
    assert done.progress == 100
    assert done.completed_on == timezone.localdate()


def test_slip_flags_the_other_departments_steps_and_notifies_their_coordinator(world):
    plan = project(world)
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=4))
    brochure = step(
        world.own, "Brochure", plan, start=start + timedelta(days=7), due=start + timedelta(days=9)
    )
    dealers = step(
        world.other,
        "Dealer briefing",
        plan,
        start=start + timedelta(days=7),
        due=start + timedelta(days=8),
    )
    link(design, brochure)
    link(design, dealers)
    services.step_update(
        actor=actor(world.coordinator),
        step_id=design.pk,
        expected_version=None,
        due=start + timedelta(days=11),
    )
    dealers.refresh_from_db()
    brochure.refresh_from_db()
    assert dealers.flagged and dealers.flagged_by == design and dealers.slip_days > 0
    assert not brochure.flagged  # same department: its own coordinator moved the date
    flag = AuditEntry.objects.get(action="work.step.flag", target_id=str(dealers.pk))
    assert flag.changes["flagged"] == [False, True]
    notice = Notification.objects.get(recipient=world.other_coordinator, kind="work.slip")
    assert "Design" in notice.message_en and "Dealer briefing" in notice.message_en
    assert not Notification.objects.filter(recipient=world.coordinator, kind="work.slip").exists()


def test_slip_absorbed_by_slack_flags_nothing(world):
    plan = project(world)
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=1))
    later = step(
        world.other, "Later", plan, start=start + timedelta(days=21), due=start + timedelta(days=23)
    )
    link(design, later)
    services.step_update(
        actor=actor(world.coordinator),
        step_id=design.pk,
        expected_version=None,
        due=start + timedelta(days=2),
    )
    later.refresh_from_db()
    assert not later.flagged
    assert not Notification.objects.filter(kind="work.slip").exists()


def test_dependency_closing_a_cycle_is_refused_naming_it(world):
    a, b, c = (step(world.own, name) for name in ("Brief", "Design", "Print"))
    link(a, b)
    link(b, c)
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.dependency_create(actor=actor(world.coordinator), predecessor=c, successor=a)
    message = refused.value.message_dict["predecessor"][0]
    assert "“Brief” → “Design” → “Print” → “Brief”" in message
    assert AuditEntry.objects.count() == entries


def test_dependency_onto_itself_is_refused(world):
    a = step(world.own, "Brief")
    with pytest.raises(ValidationError) as refused:
        services.dependency_create(actor=actor(world.coordinator), predecessor=a, successor=a)
    assert "cannot wait for itself" in refused.value.message_dict["predecessor"][0]


def test_request_accepted_becomes_a_step_in_the_project(world):
    plan = project(world)
    plan.departments.set([world.own])
    sent = services.request_send(
        actor=actor(world.coordinator),
        from_department=world.own,
        to_department=world.other,
        title="Dealer feedback on the brochure",
        reason="Dealers know what buyers ask",
        due=monday(2),
        project=plan,
        effort_hours=6,
    )
    assert Notification.objects.filter(
        recipient=world.other_coordinator, kind="work.request"
    ).exists()
    accepted = services.request_accept(
        actor=actor(world.other_coordinator),
        request_id=sent.pk,
        assignee=world.other_member,
        proposed_due=monday(3),
    )
    assert accepted.state == Request.State.ACCEPTED
    assert accepted.step.department == world.other
    assert accepted.step.project == plan
    assert accepted.step.due == monday(3)
    assert plan.departments.filter(pk=world.other.pk).exists()
    assert Notification.objects.filter(
        recipient=world.coordinator, kind="work.request_answer"
    ).exists()


def test_the_sender_cannot_answer_their_own_request(world):
    sent = services.request_send(
        actor=actor(world.coordinator),
        from_department=world.own,
        to_department=world.other,
        title="Leads",
        due=monday(2),
    )
    with pytest.raises(PermissionDenied):
        services.request_accept(actor=actor(world.coordinator), request_id=sent.pk)


def test_decline_needs_a_reason_and_changes_nothing_without_it(world):
    sent = services.request_send(
        actor=actor(world.coordinator),
        from_department=world.own,
        to_department=world.other,
        title="Leads",
        due=monday(2),
    )
    with pytest.raises(ValidationError):
        services.request_decline(
            actor=actor(world.other_coordinator), request_id=sent.pk, reason=" "
        )
    sent.refresh_from_db()
    assert sent.state == Request.State.PENDING
    services.request_decline(
        actor=actor(world.other_coordinator), request_id=sent.pk, reason="Busy with Tết sales"
    )
    sent.refresh_from_db()
    assert (sent.state, sent.decline_reason) == ("declined", "Busy with Tết sales")


def test_recurring_activity_generates_steps_ahead_once(world):
    activity = services.recurring_create(
        actor=actor(world.other_coordinator),
        department=world.other,
        title_en="Weekly sales report",
        rrule="FREQ=WEEKLY;BYDAY=FR",
        starts_on=timezone.localdate(),
        effort_hours=2,
        assignee=world.other_member,
        lead_days=21,
    )
    fridays = Step.objects.filter(recurring=activity)
    assert 3 <= fridays.count() <= 4
    assert all(s.due.weekday() == 4 for s in fridays)
    services.recurring_generate(activity=activity)
    assert Step.objects.filter(recurring=activity).count() == fridays.count()


def test_expense_past_the_alert_share_notifies_once(world):
    plan = project(world, budget=Decimal("100000000"), budget_alert_percent=80)
    services.expense_create(
        actor=actor(world.coordinator), project=plan, date=timezone.localdate(), amount="50000000"
    )
    assert not Notification.objects.filter(kind="work.budget").exists()
    services.expense_create(
        actor=actor(world.coordinator), project=plan, date=timezone.localdate(), amount="35000000"
    )
    assert Notification.objects.filter(kind="work.budget", recipient=world.coordinator).count() == 1
    alert = Notification.objects.get(kind="work.budget", recipient=world.coordinator)
    assert "85,000,000" in alert.message_en and "85.000.000" in alert.message_vi  # each as read
    services.expense_create(
        actor=actor(world.coordinator), project=plan, date=timezone.localdate(), amount="1000000"
    )
    assert Notification.objects.filter(kind="work.budget", recipient=world.coordinator).count() == 1


def test_comment_mentions_notify_people_who_can_see_the_step(world):
    made = step(world.own, "Post")
    world.member.email = "lan.tran@saomai.vn"
    world.member.save()
    world.other_member.email = "minh.le@saomai.vn"
    world.other_member.save()
    services.comment_post(
        actor=actor(world.coordinator), step=made, body="@lan.tran please check; cc @minh.le"
    )
    assert Notification.objects.filter(recipient=world.member, kind="work.mention").exists()
    assert not Notification.objects.filter(recipient=world.other_member).exists()


def test_assignee_logs_time(world):
    made = step(world.own, "Post", assignee=world.member)
    entry = services.time_log(
        actor=actor(world.member), step=made, date=timezone.localdate(), hours="2.5"
    )
    assert entry.person == world.member and entry.hours == Decimal("2.5")


def test_system_creates_department_activity_for_other_apps(world):
    made = services.step_create(actor=SYSTEM, department=world.own, title_en="Send minutes")
    assert made.project is None
