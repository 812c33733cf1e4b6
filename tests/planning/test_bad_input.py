"""Input the planner cannot plan: a clear sentence naming the step, person or goal, nothing saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from deptcoord.audit.models import AuditEntry
from deptcoord.org.models import Membership, TimeOff
from deptcoord.planning.models import PlanRun
from deptcoord.work.models import Dependency
from tests.planning.helpers import MONDAY, WINDOW_END, build_plan, make_step, start_run

pytestmark = pytest.mark.django_db


def refused(world, plan, language="en", **fields) -> list[str]:
    before = AuditEntry.objects.count()
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            start_run(world, plan, **fields)
        messages = error.value.messages
    assert PlanRun.objects.count() == 0
    assert AuditEntry.objects.count() == before
    return messages


def test_a_step_nobody_can_do_is_named(world):
    plan = build_plan(world)
    Membership.objects.filter(department=world.team).delete()
    # A project step owned by a team with nobody in it (planned with the project).
    make_step(world, plan.project, "Banner", 4, department=world.team)
    assert refused(world, plan, department=None, project=plan.project) == [
        "Nobody can do step “Banner”. Give it an assignee or add people to its department."
    ]


def test_a_dependency_cycle_names_the_steps(world):
    plan = build_plan(world)
    Dependency.objects.create(predecessor=plan.campaign, successor=plan.brief, lag_days=0)
    message = refused(world, plan)[0]
    assert message.startswith("Steps wait on each other in a circle (")
    assert "Brief" in message and "Campaign" in message


def test_a_deadline_before_the_release_date_names_goal_and_step(world):
    plan = build_plan(world)
    outside = make_step(world, None, "Price list", 8, world.other_member, world.other)
    outside.due = MONDAY + timedelta(days=6)
    outside.save()
    Dependency.objects.create(predecessor=outside, successor=plan.brief, lag_days=0)
    assert refused(world, plan) == [
        "Goal “Launch” is due before its step “Brief” may start. Move the goal’s end date or "
        "the work the step waits for."
    ]


def test_a_fixed_assignee_away_the_whole_window_is_named(world):
    plan = build_plan(world)
    TimeOff.objects.create(person=world.member, start_date=MONDAY, end_date=WINDOW_END)
    assert refused(world, plan) == [
        "Member is the only person for step “Brief” but has no working hours in this time "
        "frame. Assign someone else or free their time."
    ]


def test_a_time_frame_over_two_years_is_refused(world):
    plan = build_plan(world)
    assert refused(world, plan, end=MONDAY + timedelta(days=731)) == [
        "The time frame is longer than two years. Choose a shorter one."
    ]


def test_a_time_frame_ending_before_it_starts_is_refused(world):
    plan = build_plan(world)
    assert refused(world, plan, end=MONDAY - timedelta(days=1)) == [
        "The time frame must end on or after its first day. Check the two dates."
    ]


def test_nothing_to_plan_says_what_to_do(world):
    assert refused(world, None) == [
        "There are no open steps to plan in this time frame. Add steps to the projects first."
    ]


def test_the_refusal_is_in_vietnamese_for_a_vietnamese_reader(world):
    plan = build_plan(world)
    message = refused(world, plan, "vi", end=MONDAY + timedelta(days=731))[0]
    assert message == "Khoảng thời gian dài hơn hai năm. Hãy chọn khoảng ngắn hơn."
