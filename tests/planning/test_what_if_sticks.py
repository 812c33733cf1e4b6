"""Applying a what-if makes its assumption true, so the next plan starts from it."""

from datetime import timedelta

import pytest

from deptcoord.audit.models import AuditEntry
from deptcoord.goals.models import Goal
from deptcoord.org.models import ExtraHours
from deptcoord.planning import services
from deptcoord.planning.department_planner import preview_department
from deptcoord.planning.serialize import problem_from_dict
from deptcoord.planning.tasks import execute
from deptcoord.work.models import Project
from tests.factories import client_for
from tests.planning.helpers import (
    MONDAY,
    WINDOW_END,
    actor,
    build_plan,
    finished_run,
    make_goal,
    make_step,
    start_run,
)

pytestmark = pytest.mark.django_db


def scenario_of(world, parent, kind):
    index = next(i for i, s in enumerate(parent.result["suggestions"]) if s["kind"] == kind)
    scenario = services.plan_run_what_if(
        actor=actor(world.coordinator), run_id=parent.pk, suggestion=index
    )
    return execute(scenario.pk, seconds=1, suggestion_seconds=0.5)


def verdicts(run) -> dict:
    plan = preview_department(problem_from_dict(run.problem["engine"]))
    return {goal.goal_id: goal.achievable for goal in plan.goals}


def test_extra_hours_are_recorded_and_the_next_plan_needs_no_more(world):
    plan = build_plan(world)
    parent = finished_run(world, plan)
    scenario = scenario_of(world, parent, "extra_capacity")
    services.plan_run_apply(actor=actor(world.coordinator), run_id=scenario.pk)

    agreed = ExtraHours.objects.get(person=world.member)
    assert (agreed.first_day, agreed.last_day) == (MONDAY, WINDOW_END)
    assert agreed.hours_per_week == 20 and agreed.created_by == world.coordinator
    assert AuditEntry.objects.filter(action="org.extra_hours.agree").count() == 1
    scenario.refresh_from_db()
    assert scenario.apply_report["assumption"]["kind"] == "extra_capacity"

    again = finished_run(world, plan)
    # The new plan reads the agreed hours as capacity: the same hours the scenario assumed…
    member = f"person-{world.member.pk}"
    assumed = next(p for p in scenario.problem["engine"]["people"] if p["person_id"] == member)
    read = next(p for p in again.problem["engine"]["people"] if p["person_id"] == member)
    assert read["hours_by_day"] == assumed["hours_by_day"]
    # …so every goal the scenario reached is reached again, and nothing more is suggested.
    assert all(v["achievable"] for v in again.result["plan"]["goals"])
    assert not [s for s in again.result["suggestions"] if s["kind"] == "extra_capacity"]


def test_a_moved_deadline_is_the_goals_new_end(world):
    plan = build_plan(world)
    parent = finished_run(world, plan)
    scenario = scenario_of(world, parent, "move_deadline")
    services.plan_run_apply(actor=actor(world.coordinator), run_id=scenario.pk)
    moved = Goal.objects.get(pk=scenario.change["goal_id"].removeprefix("goal-"))
    assert moved.period_end == MONDAY + timedelta(days=scenario.change["new_deadline_day"])
    assert AuditEntry.objects.filter(action="goals.goal.update", target_id=moved.pk).exists()
    again = start_run(world, plan)
    assert verdicts(again) == verdicts(scenario)


def _competing_goals(world):
    """The member alone: a 24-hour launch due Wednesday (high priority) against billing due
    Monday and a survey due Tuesday (8 hours each, medium): the two small goals win, so the
    launch is missed unless one of them waits."""
    goals = [
        make_goal(world, "Launch", MONDAY + timedelta(days=2), Goal.Priority.HIGH),
        make_goal(world, "Billing", MONDAY, Goal.Priority.MEDIUM),
        make_goal(world, "Survey", MONDAY + timedelta(days=1), Goal.Priority.MEDIUM),
    ]
    for code, goal, hours in zip(("LCH", "BIL", "SRV"), goals, (24, 8, 8), strict=True):
        project = Project.objects.create(
            code=code,
            title_en=code,
            lead_department=world.own,
            coordinator=world.coordinator,
            start=MONDAY - timedelta(days=10),
            end=WINDOW_END,
        )
        project.goals.set([goal])
        make_step(world, project, code, hours, world.member)
    return goals


def test_a_postponed_goal_gets_its_new_period_and_the_next_plan_agrees(world):
    _competing_goals(world)
    parent = execute(start_run(world, None).pk, seconds=2, suggestion_seconds=1)
    scenario = scenario_of(world, parent, "postpone_goal")
    services.plan_run_apply(actor=actor(world.coordinator), run_id=scenario.pk)
    kind, _dash, pk = scenario.change["postponed_goal_id"].partition("-")
    if kind == "goal":
        record = Goal.objects.get(pk=pk)
        begins, ends = record.period_start, record.period_end
    else:  # a project's own end date is a goal to the planner too
        record = Project.objects.get(pk=pk)
        begins, ends = record.start, record.end
    assert begins > MONDAY and ends > begins
    again = start_run(world, None)
    assert verdicts(again) == verdicts(scenario)


def test_a_sibling_scenario_does_not_count_the_first_apply_as_hand_edits(world):
    plan = build_plan(world)
    parent = finished_run(world, plan)
    first = scenario_of(world, parent, "extra_capacity")
    second = scenario_of(world, parent, "move_deadline")
    services.plan_run_apply(actor=actor(world.coordinator), run_id=first.pk)
    services.plan_run_apply(actor=actor(world.coordinator), run_id=second.pk)
    second.refresh_from_db()
    assert second.apply_report["conflicts"] == []


def test_the_person_and_the_plan_pages_say_what_was_agreed(world):
    plan = build_plan(world)
    parent = finished_run(world, plan)
    scenario = scenario_of(world, parent, "extra_capacity")
    services.plan_run_apply(actor=actor(world.coordinator), run_id=scenario.pk)
    client = client_for(world.coordinator)
    client.post("/language/", {"language": "vi", "next": "/"})
    person_page = client.get(f"/org/people/{world.member.pk}/").content.decode()
    assert "Giờ làm thêm đã thống nhất" in person_page and "+20 giờ/tuần" in person_page
    plan_page = client.get(f"/plan/{scenario.pk}/").content.decode()
    assert 'data-testid="assumption"' in plan_page and "Member" in plan_page


def test_an_assumption_the_applier_may_not_make_refuses_the_apply_and_changes_nothing(world):
    from django.core.exceptions import ValidationError

    from deptcoord.planning import messages
    from deptcoord.work.models import Step

    plan = build_plan(world)
    parent = finished_run(world, plan)
    scenario = scenario_of(world, parent, "move_deadline")
    goal_id = int(scenario.change["goal_id"].removeprefix("goal-"))
    # The goal now belongs to Sales: Marketing's coordinator may not move its deadline.
    Goal.objects.filter(pk=goal_id).update(department=world.other, owner=world.other_coordinator)
    before = list(Step.objects.order_by("pk").values_list("start", "due", "version"))
    with pytest.raises(ValidationError) as refused:
        services.plan_run_apply(actor=actor(world.coordinator), run_id=scenario.pk)
    assert refused.value.messages == [str(messages.ASSUMPTION_REFUSED)]
    assert list(Step.objects.order_by("pk").values_list("start", "due", "version")) == before
    scenario.refresh_from_db()
    assert scenario.applied_at is None
