"""Moving the steps a slip pushes: the preview, one all-or-nothing audited shift, owners told,
only shifts the person may make."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from deptcoord.audit.models import AuditEntry
from deptcoord.core.versioning import StaleVersionError
from deptcoord.notices.models import Notification
from deptcoord.org.facts import role_facts_for_person
from deptcoord.work import services
from deptcoord.work.models import Step
from deptcoord.work.services.shifts import shift_preview
from tests.work.helpers import actor, link, monday, project, step

pytestmark = pytest.mark.django_db


def _chain(world, plan=None):
    """Marketing's design, then Sales' dealer briefing, then Sales' follow-up calls."""
    start = monday()
    design = step(world.own, "Design", plan, start=start, due=start + timedelta(days=4))
    dealers = step(
        world.other,
        "Dealer briefing",
        plan,
        start=start + timedelta(days=7),
        due=start + timedelta(days=8),
        assignee=world.other_member,
    )
    calls = step(
        world.other,
        "Follow-up calls",
        plan,
        start=start + timedelta(days=9),
        due=start + timedelta(days=10),
    )
    link(design, dealers)
    link(dealers, calls)
    return start, design, dealers, calls


def _slip(world, design, days):
    Step.objects.filter(pk=design.pk).update(due=design.start + timedelta(days=days))
    design.refresh_from_db()


def test_preview_shows_what_a_later_due_date_pushes(world):
    start, design, dealers, calls = _chain(world, project(world))
    facts = role_facts_for_person(world.coordinator)
    preview = shift_preview(facts, design, design.start, start + timedelta(days=11))
    assert [(m.step.pk, m.start, m.due, m.days) for m in preview.moves] == [
        (dealers.pk, start + timedelta(days=14), start + timedelta(days=15), 5),
        (calls.pk, start + timedelta(days=16), start + timedelta(days=17), 5),
    ]
    assert preview.count == 2 and preview.days == 5 and preview.refusal is None
    assert preview.departments == [world.other]
    assert shift_preview(facts, design, design.start, design.due).moves == []


def test_shift_moves_all_pushed_steps_audited_and_tells_their_owners(world):
    start, design, dealers, calls = _chain(world, project(world))
    _slip(world, design, 11)
    moves = services.slip_shift(
        actor=actor(world.coordinator),
        step_id=design.pk,
        expected_versions={dealers.pk: dealers.version, calls.pk: calls.version},
    )
    assert len(moves) == 2
    dealers.refresh_from_db()
    calls.refresh_from_db()
    assert (dealers.start, dealers.due) == (start + timedelta(days=14), start + timedelta(days=15))
    assert (calls.start, calls.due) == (start + timedelta(days=16), start + timedelta(days=17))
    entry = AuditEntry.objects.get(action="work.step.shift", target_id=str(dealers.pk))
    assert entry.changes["due"][1] == (start + timedelta(days=15)).isoformat()
    assert AuditEntry.objects.filter(action="work.step.shift").count() == 2
    # The assignee hears about their step; the unassigned one goes to Sales' coordinator.
    told = Notification.objects.get(recipient=world.other_member, kind="work.shift")
    assert "Dealer briefing" in told.message_en and "Design" in told.message_en
    assert Notification.objects.filter(
        recipient=world.other_coordinator, kind="work.shift"
    ).exists()
    assert not Notification.objects.filter(recipient=world.coordinator, kind="work.shift").exists()


def test_shift_from_a_stale_preview_moves_nothing(world):
    start, design, dealers, calls = _chain(world, project(world))
    _slip(world, design, 11)
    Step.objects.filter(pk=calls.pk).update(version=calls.version + 1)
    with pytest.raises(StaleVersionError):
        services.slip_shift(
            actor=actor(world.coordinator),
            step_id=design.pk,
            expected_versions={dealers.pk: dealers.version, calls.pk: calls.version},
        )
    dealers.refresh_from_db()
    assert dealers.due == start + timedelta(days=8)
    assert not AuditEntry.objects.filter(action="work.step.shift").exists()
    assert not Notification.objects.filter(kind="work.shift").exists()


def test_shift_of_steps_the_person_may_not_change_is_refused_with_the_reason(world):
    start, design, dealers, _calls = _chain(world)  # no project: Sales' steps are Sales' alone
    _slip(world, design, 11)
    with pytest.raises(ValidationError) as refused:
        services.slip_shift(actor=actor(world.coordinator), step_id=design.pk)
    assert "You may not move 2 steps you cannot see." in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        services.slip_shift(actor=actor(world.executive), step_id=design.pk)
    assert "“Dealer briefing”, “Follow-up calls”" in refused.value.messages[0]
    dealers.refresh_from_db()
    assert dealers.due == start + timedelta(days=8)
    assert not AuditEntry.objects.filter(action="work.step.shift").exists()
    facts = role_facts_for_person(world.executive)
    assert "Dealer briefing" in shift_preview(facts, design, design.start, design.due).refusal


def test_nothing_to_shift_moves_nothing(world):
    _start, design, _dealers, _calls = _chain(world, project(world))
    assert services.slip_shift(actor=actor(world.coordinator), step_id=design.pk) == []
    assert not AuditEntry.objects.filter(action="work.step.shift").exists()


def test_done_steps_stay_and_slack_absorbs(world):
    start, design, dealers, _calls = _chain(world, project(world))
    Step.objects.filter(pk=dealers.pk).update(status="done")
    facts = role_facts_for_person(world.coordinator)
    assert shift_preview(facts, design, design.start, start + timedelta(days=11)).moves == []
    assert shift_preview(facts, design, design.start, start + timedelta(days=6)).moves == []


def test_reschedule_with_shift_moves_the_step_and_what_it_pushes_together(world):
    start, design, dealers, calls = _chain(world, project(world))
    step_, moves = services.step_reschedule(
        actor=actor(world.coordinator),
        step_id=design.pk,
        expected_version=design.version,
        start=start + timedelta(days=7),
        due=start + timedelta(days=11),
        shift=True,
        expected_versions={dealers.pk: dealers.version, calls.pk: calls.version},
    )
    assert (step_.start, step_.due) == (start + timedelta(days=7), start + timedelta(days=11))
    dealers.refresh_from_db()
    assert dealers.start == start + timedelta(days=14) and not dealers.flagged
    assert len(moves) == 2


def test_reschedule_without_shift_flags_as_before(world):
    start, design, dealers, _calls = _chain(world, project(world))
    services.step_reschedule(
        actor=actor(world.coordinator),
        step_id=design.pk,
        expected_version=design.version,
        start=design.start,
        due=start + timedelta(days=11),
    )
    dealers.refresh_from_db()
    assert dealers.flagged and dealers.due == start + timedelta(days=8)
