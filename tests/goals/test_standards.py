"""Standards and measurements: breaches are marked and their owner and coordinator told."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import messages, services
from deptcoord.goals.models import Measurement
from deptcoord.notices.models import Notification
from tests.goals.helpers import actor


@pytest.fixture
def tickets(world):
    """Marketing's "questions answered within 24 h ≥ 95 %", weekly, owned by the member."""
    return services.standard_create(
        actor=actor(world.head),
        department=world.own,
        owner=world.member,
        title_en="Questions answered within 24 h",
        title_vi="Câu hỏi được trả lời trong 24 giờ",
        metric="percent",
        threshold=95,
        frequency="weekly",
    )


def last_week():
    return timezone.localdate() - timedelta(days=7)


def test_a_breach_notifies_the_owner_and_the_coordinator_once(world, tickets, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):
        measurement = services.measurement_record(
            actor=actor(world.coordinator), standard_id=tickets.pk, day=last_week(), value=91.5
        )
    assert measurement.breached
    assert measurement.period_start.weekday() == 0  # the week's Monday
    notes = Notification.objects.filter(kind="goals.standard_breached")
    assert sorted(note.recipient.full_name for note in notes) == ["Coordinator", "Member"]
    note = notes.first()
    assert "Questions answered within 24 h" in note.message_en and "91.5%" in note.message_en
    assert (
        "Câu hỏi được trả lời trong 24 giờ" in note.message_vi and "91,5\u00a0%" in note.message_vi
    )
    assert mailoutbox == []  # a breach waits for the daily digest unless one chooses
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.measurement_record(
            actor=SYSTEM,
            standard_id=tickets.pk,
            day=last_week(),
            value=90,  # a correction
        )
    assert notes.count() == 2  # still breached: nobody is told twice
    assert Measurement.objects.get().value == 90


def test_met_measurements_notify_nobody(world, tickets):
    services.measurement_record(actor=SYSTEM, standard_id=tickets.pk, day=last_week(), value=96)
    assert not Notification.objects.exists()


def test_a_new_threshold_re_marks_the_breaches(world, tickets):
    services.measurement_record(actor=SYSTEM, standard_id=tickets.pk, day=last_week(), value=93)
    services.standard_update(actor=SYSTEM, standard_id=tickets.pk, expected_version=1, threshold=90)
    assert not Measurement.objects.get().breached


def test_future_periods_and_text_values_are_refused(world, tickets):
    with pytest.raises(ValidationError) as raised:
        services.measurement_record(
            actor=SYSTEM,
            standard_id=tickets.pk,
            day=timezone.localdate() + timedelta(days=8),
            value="a lot",
        )
    assert raised.value.message_dict == {
        "value": [str(messages.NOT_A_NUMBER % {"value": "a lot"})],
        "day": [str(messages.MEASUREMENT_IN_FUTURE)],
    }
    assert not Measurement.objects.exists()


def test_only_runners_and_the_owner_measure(world, tickets):
    services.measurement_record(
        actor=actor(world.member), standard_id=tickets.pk, day=last_week(), value=97
    )
    with pytest.raises(PermissionDenied):
        services.measurement_record(
            actor=actor(world.peer), standard_id=tickets.pk, day=last_week(), value=97
        )


def test_a_standard_is_a_number_percent_or_money_with_a_currency(world):
    with pytest.raises(ValidationError) as raised:
        services.standard_create(
            actor=SYSTEM,
            department=world.own,
            owner=world.head,
            title_en="Sales",
            metric="money",
            currency="",
            threshold=2_000_000_000,
        )
    assert raised.value.message_dict == {"currency": [str(messages.CURRENCY_REQUIRED)]}
    with pytest.raises(ValidationError) as raised:
        services.standard_create(
            actor=SYSTEM,
            department=world.own,
            owner=world.head,
            title_en="Done",
            metric="yes_no",
            threshold=1,
        )
    assert raised.value.message_dict == {"metric": [str(messages.THRESHOLD_METRIC)]}
