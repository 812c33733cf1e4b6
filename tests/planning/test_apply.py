"""Applying a plan: dates and assignees in one transaction, audited; edited steps are conflicts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from deptcoord.audit.models import AuditEntry
from deptcoord.planning import messages, services
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Step
from tests.planning.helpers import MONDAY, actor, build_plan, finished_run, make_step, start_run

pytestmark = pytest.mark.django_db


def test_apply_gives_steps_the_planned_dates_and_assignees(world):
    plan = build_plan(world)
    free = make_step(world, plan.project, "Flyer", 8)  # no assignee: the planner picks one
    run = finished_run(world, plan)
    services.plan_run_apply(actor=actor(world.coordinator), run_id=run.pk)
    brief, campaign, free = (Step.objects.get(pk=s.pk) for s in (plan.brief, plan.campaign, free))
    assert (brief.start, brief.due) == (MONDAY, MONDAY + timedelta(days=1))
    assert (campaign.start, campaign.due) == (
        MONDAY + timedelta(days=2),
        MONDAY + timedelta(days=3),
    )
    assert free.assignee_id in {world.head.pk, world.coordinator.pk, world.peer.pk, world.member.pk}
    assert brief.version == 2
    entries = AuditEntry.objects.filter(action="planning.run.apply_step")
    assert entries.count() == 3
    run.refresh_from_db()
    assert len(run.apply_report["applied"]) == 3 and run.apply_report["conflicts"] == []
    assert run.applied_by == world.coordinator


def test_a_step_edited_since_the_run_is_a_conflict_and_not_overwritten(world):
    plan = build_plan(world)
    run = finished_run(world, plan)
    Step.objects.filter(pk=plan.campaign.pk).update(version=2, due=MONDAY + timedelta(days=20))
    Step.objects.filter(pk=plan.brief.pk).delete()
    services.plan_run_apply(actor=actor(world.head), run_id=run.pk)
    run.refresh_from_db()
    assert run.apply_report["applied"] == []
    reasons = {c["step_id"]: c["reason"] for c in run.apply_report["conflicts"]}
    assert reasons == {f"step-{plan.campaign.pk}": "changed", f"step-{plan.brief.pk}": "deleted"}
    campaign = Step.objects.get(pk=plan.campaign.pk)
    assert campaign.due == MONDAY + timedelta(days=20) and campaign.start is None


def test_a_plan_is_applied_once_and_only_when_finished(world):
    plan = build_plan(world)
    queued = start_run(world, plan)
    with pytest.raises(ValidationError) as refused:
        services.plan_run_apply(actor=actor(world.head), run_id=queued.pk)
    assert refused.value.messages == [str(messages.NOT_FINISHED)]
    run = finished_run(world, plan)
    services.plan_run_apply(actor=actor(world.head), run_id=run.pk)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        services.plan_run_apply(actor=actor(world.head), run_id=run.pk)
    assert AuditEntry.objects.count() == before


def test_apply_through_the_page_reports_the_conflicts(world, client):
    plan = build_plan(world)
    run = finished_run(world, plan)
    Step.objects.filter(pk=plan.campaign.pk).update(version=5)
    client.force_login(world.coordinator.user)
    response = client.post(f"/plan/{run.pk}/apply/", follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "1 steps updated, 1 conflicts" in body
    assert "Campaign — edited since" in body
    assert PlanRun.objects.get(pk=run.pk).applied_at is not None
