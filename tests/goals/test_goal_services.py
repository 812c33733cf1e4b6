"""Goals and key results through their services: audit, versions, access, alignment."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import SYSTEM
from deptcoord.core.versioning import StaleVersionError
from deptcoord.goals import messages, services
from deptcoord.goals.models import Goal, KeyResult
from tests.goals.helpers import actor, check_in, goal, key_result


def test_create_records_every_field_in_the_audit_trail(world, goals):
    entry = AuditEntry.objects.get(action="goals.goal.create", target_id=str(goals.marketing.pk))
    assert entry.changes["level"] == [None, "department"]
    assert entry.changes["parent"][1]["id"] == goals.company.pk
    assert entry.department_id == world.own.pk


def test_who_may_create_which_goal(world, goals):
    def create(person, **fields):
        return goal(person, by=actor(person), **fields)

    assert create(world.executive, level=Goal.Level.COMPANY).level == "company"
    assert create(world.coordinator, department=world.own).department == world.own
    assert create(world.head, department=world.team, level=Goal.Level.TEAM)  # teams below too
    assert create(world.member, level=Goal.Level.PERSON, department=world.own)
    for person, fields in (
        (world.member, {"department": world.own}),
        (world.coordinator, {"level": Goal.Level.COMPANY}),
        (world.other_coordinator, {"department": world.own}),
        (world.guest, {"level": Goal.Level.COMPANY}),
    ):
        with pytest.raises(PermissionDenied):
            create(person, **fields)
    with pytest.raises(PermissionDenied):  # a personal goal for a colleague
        goal(world.peer, level=Goal.Level.PERSON, department=world.own, by=actor(world.member))


def test_a_personal_goal_belongs_to_one_of_its_owners_departments(world):
    with pytest.raises(ValidationError) as raised:
        goal(world.other_member, level=Goal.Level.PERSON, department=world.own)
    assert "Other member" in raised.value.message_dict["owner"][0]


def test_a_company_goal_has_no_department_and_others_need_one(world):
    with pytest.raises(ValidationError) as raised:
        goal(world.executive, level=Goal.Level.COMPANY, department=world.own)
    assert raised.value.message_dict == {"department": [str(messages.COMPANY_HAS_NO_DEPARTMENT)]}
    with pytest.raises(ValidationError) as raised:
        goal(world.head, level=Goal.Level.DEPARTMENT)
    assert raised.value.message_dict == {"department": [str(messages.DEPARTMENT_REQUIRED)]}


def test_a_goal_aligns_only_under_the_same_or_a_higher_level(world, goals):
    personal = goal(
        world.member, level=Goal.Level.PERSON, department=world.own, parent=goals.marketing
    )
    with pytest.raises(ValidationError) as raised:
        goal(world.head, department=world.own, parent=personal)
    assert "cannot be aligned under a person goal" in raised.value.message_dict["parent"][0]


def test_a_goal_is_aligned_only_under_a_goal_the_actor_sees(world, goals):
    sales = goal(world.other_coordinator, department=world.other, parent=goals.company)
    goal(world.head, department=world.own, parent=sales, by=actor(world.head))  # read by all
    sales = goal(
        world.other_coordinator, department=world.other, parent=goals.company, private=True
    )
    with pytest.raises(ValidationError) as raised:
        goal(world.head, department=world.own, parent=sales, by=actor(world.head))
    assert raised.value.message_dict == {"parent": [str(messages.PARENT_NOT_VISIBLE)]}


def test_stale_versions_are_refused_and_nothing_is_overwritten(world, goals):
    services.goal_update(
        actor=actor(world.head), goal_id=goals.marketing.pk, expected_version=1, priority=1
    )
    with pytest.raises(StaleVersionError):
        services.goal_update(
            actor=actor(world.coordinator),
            goal_id=goals.marketing.pk,
            expected_version=1,
            priority=3,
        )
    assert Goal.objects.get(pk=goals.marketing.pk).priority == 1
    with pytest.raises(StaleVersionError):
        services.key_result_update(
            actor=SYSTEM, key_result_id=goals.reach.pk, expected_version=7, unit="people"
        )


def test_an_update_without_changes_keeps_the_version(world, goals):
    updated = services.goal_update(
        actor=SYSTEM, goal_id=goals.marketing.pk, expected_version=1, priority=2
    )
    assert updated.version == 1
    assert not AuditEntry.objects.filter(action="goals.goal.update").exists()


def test_nobody_moves_a_goal_out_of_their_own_reach(world, goals):
    with pytest.raises(PermissionDenied):
        services.goal_update(
            actor=actor(world.coordinator),
            goal_id=goals.marketing.pk,
            expected_version=None,
            department=world.other,
        )
    assert Goal.objects.get(pk=goals.marketing.pk).department == world.own


def test_only_draft_goals_without_contributors_are_deleted(world, goals):
    with pytest.raises(ValidationError) as raised:
        services.goal_delete(actor=SYSTEM, goal_id=goals.marketing.pk)
    assert raised.value.message_dict == {"status": [str(messages.ONLY_DRAFTS_DELETED)]}
    draft = goal(world.head, department=world.own, status="draft")
    key_result(draft, world.member)
    services.goal_delete(actor=actor(world.head), goal_id=draft.pk, expected_version=1)
    assert not Goal.objects.filter(pk=draft.pk).exists()
    assert not KeyResult.objects.filter(goal_id=draft.pk).exists()
    assert AuditEntry.objects.filter(action="goals.goal.delete", target_id=str(draft.pk)).exists()


def test_a_key_results_owner_must_see_its_goal(world, goals):
    private = goal(world.head, department=world.own, title_en="Plan", private=True)
    with pytest.raises(ValidationError) as raised:
        key_result(private, world.other_member)
    assert raised.value.message_dict == {
        "owner": [str(messages.OWNER_CANNOT_SEE % {"name": world.other_member})]
    }


def test_yes_no_and_milestone_key_results_run_from_zero(world, goals):
    done = services.key_result_create(
        actor=SYSTEM,
        goal=goals.marketing,
        owner=world.member,
        title_en="Press kit",
        metric="yes_no",
    )
    steps = services.key_result_create(
        actor=SYSTEM,
        goal=goals.marketing,
        owner=world.member,
        title_en="Launch",
        metric="milestone",
        milestones="Brief\n\nShoot\nPublish",
    )
    assert (done.start_value, done.target_value) == (0, 1)
    assert (steps.target_value, steps.milestone_names) == (3, ["Brief", "Shoot", "Publish"])
    with pytest.raises(ValidationError) as raised:
        check_in(steps, 4)
    assert raised.value.message_dict == {"value": [str(messages.MILESTONE_VALUE % {"count": 3})]}
    with pytest.raises(ValidationError):
        check_in(done, 2)
    check_in(done, 1)
    assert KeyResult.objects.get(pk=done.pk).forecast_value is None  # nothing to project


def test_a_key_result_with_check_ins_keeps_its_metric(world, goals):
    check_in(goals.reach, 10)
    with pytest.raises(ValidationError) as raised:
        services.key_result_update(
            actor=SYSTEM, key_result_id=goals.reach.pk, expected_version=None, metric="percent"
        )
    assert raised.value.message_dict == {"metric": [str(messages.METRIC_LOCKED)]}


def test_a_key_results_current_value_follows_its_latest_check_in(world, goals):
    check_in(goals.reach, 30, days_ago=10, confidence="at_risk")
    check_in(goals.reach, 20, days_ago=20)  # an older value reported late
    reach = KeyResult.objects.get(pk=goals.reach.pk)
    assert (reach.current_value, reach.confidence) == (30, "at_risk")
    assert reach.last_check_in_on == reach.check_ins.order_by("-day").first().day
    entry = AuditEntry.objects.filter(action="goals.key_result.check_in").first()
    assert entry.target_id == str(reach.pk) and entry.changes["confidence"] == [None, "on_track"]


def test_check_ins_are_not_dated_in_the_future_nor_before_the_start(world, goals):
    with pytest.raises(ValidationError) as raised:
        check_in(goals.reach, 10, days_ago=-1)
    assert raised.value.message_dict == {"day": [str(messages.CHECK_IN_IN_FUTURE)]}
    with pytest.raises(ValidationError) as raised:
        check_in(goals.reach, 10, days_ago=200)
    assert list(raised.value.message_dict) == ["day"]


def test_the_key_result_owner_checks_in_but_does_not_edit(world, goals):
    services.check_in_create(actor=actor(world.member), key_result_id=goals.reach.pk, value=5)
    with pytest.raises(PermissionDenied):
        services.key_result_update(
            actor=actor(world.member),
            key_result_id=goals.reach.pk,
            expected_version=None,
            target_value=50,
        )
    with pytest.raises(PermissionDenied):
        services.check_in_create(actor=actor(world.peer), key_result_id=goals.reach.pk, value=6)


def test_a_check_in_refreshes_the_stored_forecast(world, goals):
    check_in(goals.reach, 10, days_ago=50)
    check_in(goals.reach, 20, days_ago=40)
    check_in(goals.reach, 30, days_ago=30)
    reach = KeyResult.objects.get(pk=goals.reach.pk)
    assert reach.forecast_method == "trend"
    # One a day since the start; the period has 90 days, so 90 at the end: 10 % short.
    assert reach.forecast_value == pytest.approx(90)
    assert reach.at_risk and reach.shortfall_percent == pytest.approx(10)


def test_changing_the_period_refreshes_the_forecast(world, goals):
    check_in(goals.reach, 10, days_ago=50)
    check_in(goals.reach, 20, days_ago=40)
    services.goal_update(
        actor=SYSTEM,
        goal_id=goals.marketing.pk,
        expected_version=None,
        period_end=goals.marketing.period_end + timedelta(days=30),
    )
    assert KeyResult.objects.get(pk=goals.reach.pk).forecast_value == pytest.approx(120)
