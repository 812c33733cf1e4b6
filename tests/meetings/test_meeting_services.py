"""Scheduling meetings and series, occurrences, minutes and action items, through the services."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from deptcoord.audit.models import AuditEntry
from deptcoord.meetings import messages, services
from deptcoord.meetings.models import Meeting
from deptcoord.meetings.selectors import carried_over
from deptcoord.meetings.series import occurrences_between
from deptcoord.org.facts import role_facts_for_person
from deptcoord.work.models import Step
from tests.meetings.helpers import actor, next_weekday, schedule

pytestmark = pytest.mark.django_db(transaction=False)


def test_a_weekly_series_invites_everyone_with_an_ics(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(
            world.coordinator,
            rule="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
            participants=[world.other_coordinator, world.member],
            guests=["partner@example.com"],
        )
    assert meeting.rrule == "FREQ=WEEKLY;BYDAY=TU;COUNT=4"
    assert {d.code for d in meeting.departments.all()} == {"MKT", "SAL"}
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(
        [world.other_coordinator.email, world.member.email, "partner@example.com"]
    )
    attachment = mail.outbox[0].attachments[0]
    assert attachment[0] == "invite.ics"
    assert "METHOD:REQUEST" in str(attachment[1])
    start = meeting.starts_at - timedelta(days=1)
    assert len(occurrences_between(meeting, start, start + timedelta(days=60))) == 4


def test_a_rule_starting_off_its_days_starts_on_the_first_occurrence(world):
    monday = next_weekday(0)
    meeting = schedule(
        world.coordinator, day=monday, rule="FREQ=WEEKLY;BYDAY=WE", participants=[world.member]
    )
    assert meeting.starts_at.date() == monday + timedelta(days=2)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"rrule": "FREQ=SOMETIMES"}, "rrule", messages.RULE_BAD),
        ({"rrule": "FREQ=WEEKLY;COUNT=0"}, "rrule", messages.RULE_NEVER_OCCURS),
        ({"rrule": "FREQ=HOURLY"}, "rrule", messages.RULE_TOO_FREQUENT),
        ({"guests": ["not-an-address"]}, "guests", messages.INVALID_EMAIL),
        ({"time_zone": "Mars/Olympus"}, "time_zone", messages.UNKNOWN_TIME_ZONE),
    ],
)
def test_bad_input_changes_nothing(world, fields, field, message):
    before = (Meeting.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as raised:
        schedule(world.coordinator, participants=[world.member], **fields)
    assert field in raised.value.error_dict
    assert raised.value.error_dict[field][0].message == message
    assert (Meeting.objects.count(), AuditEntry.objects.count()) == before


def test_end_before_start_is_refused(world):
    day = next_weekday(2)
    with pytest.raises(ValidationError) as raised:
        schedule(
            world.coordinator,
            participants=[world.member],
            start=datetime(day.year, day.month, day.day, 10),
            end=datetime(day.year, day.month, day.day, 9),
        )
    assert raised.value.error_dict["end"][0].message == messages.END_BEFORE_START
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("hour", "minute", "day", "message"),
    [
        (2, 30, (2027, 3, 14), messages.TIME_MISSING),
        (1, 30, (2027, 11, 7), messages.TIME_AMBIGUOUS),
    ],
)
def test_times_that_do_not_exist_or_happen_twice_are_refused(world, hour, minute, day, message):
    start = datetime(*day, hour, minute)
    with pytest.raises(ValidationError) as raised:
        schedule(
            world.coordinator,
            participants=[world.member],
            time_zone="America/New_York",
            start=start,
            end=start + timedelta(hours=1),
        )
    assert raised.value.error_dict["start"][0].message == message
    assert not Meeting.objects.exists()


def test_moving_and_cancelling_one_occurrence_leaves_the_others(
    world, django_capture_on_commit_callbacks
):
    meeting = schedule(world.coordinator, rule="FREQ=WEEKLY;COUNT=4", participants=[world.member])
    keys = [
        o.key
        for o in occurrences_between(
            meeting, meeting.starts_at, meeting.starts_at + timedelta(days=30)
        )
    ]
    second, third = keys[1], keys[2]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_move(
            actor=actor(world.coordinator),
            meeting_id=meeting.pk,
            occurrence=second,
            start=datetime.combine(second, datetime.min.time()).replace(hour=14),
            end=datetime.combine(second, datetime.min.time()).replace(hour=15),
        )
        services.occurrence_cancel(
            actor=actor(world.coordinator), meeting_id=meeting.pk, occurrence=third
        )
    meeting.refresh_from_db()
    found = occurrences_between(meeting, meeting.starts_at, meeting.starts_at + timedelta(days=30))
    assert [o.key for o in found] == [keys[0], second, keys[3]]
    assert found[1].moved and found[1].start.hour == 7  # 14:00 in UTC+7
    assert meeting.sequence == 2
    assert "METHOD:CANCEL" in str(mail.outbox[-1].attachments[0][1])
    assert "RECURRENCE-ID" in str(mail.outbox[-1].attachments[0][1])


def test_changing_a_series_from_a_date_on_splits_it(world):
    meeting = schedule(world.coordinator, rule="FREQ=WEEKLY", participants=[world.member])
    start = meeting.starts_at
    keys = [o.key for o in occurrences_between(meeting, start, start + timedelta(days=40))]
    continued = services.series_change_from(
        actor=actor(world.coordinator),
        meeting_id=meeting.pk,
        occurrence=keys[2],
        place="Room 2",
        start=datetime.combine(keys[2], datetime.min.time()).replace(hour=15),
        end=datetime.combine(keys[2], datetime.min.time()).replace(hour=16),
    )
    meeting.refresh_from_db()
    old = occurrences_between(meeting, start, start + timedelta(days=40))
    new = occurrences_between(continued, start, start + timedelta(days=40))
    assert [o.key for o in old] == keys[:2]
    assert new[0].key == keys[2] and new[0].start.hour == 8
    assert continued.follows == meeting and continued.place == "Room 2"


def test_action_items_become_steps_and_carry_over_while_open(world):
    meeting = schedule(
        world.coordinator, rule="FREQ=WEEKLY", participants=[world.member, world.other_member]
    )
    start = meeting.starts_at
    first, second, third = [
        o.key for o in occurrences_between(meeting, start, start + timedelta(days=20))
    ]
    item = services.action_item_create(
        actor=actor(world.member),
        meeting=meeting,
        occurrence=first,
        title="Send the price list",
        assignee=world.other_member,
        due_date=second,
    )
    step = Step.objects.get(pk=item.step_id)
    assert (step.department, step.assignee, step.due) == (world.other, world.other_member, second)
    facts = role_facts_for_person(world.member)
    assert carried_over(facts, meeting, second) == [item]
    services.action_item_update(
        actor=actor(world.other_member),
        item_id=item.pk,
        expected_version=item.version,
        status="done",
    )
    assert carried_over(facts, meeting, third) == []
    step.refresh_from_db()
    assert step.status == Step.Status.DONE


def test_suggest_agenda_brings_open_actions_and_upcoming_events(world):
    meeting = schedule(world.coordinator, rule="FREQ=WEEKLY", participants=[world.member])
    start = meeting.starts_at
    first, second = [o.key for o in occurrences_between(meeting, start, start + timedelta(days=13))]
    services.action_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=first,
        title="Brief the agency",
        assignee=world.member,
    )
    services.event_create(
        actor=actor(world.head),
        title_en="SM Home launch",
        start_date=second + timedelta(days=3),
        departments=[world.own],
    )
    added = services.agenda_suggest(
        actor=actor(world.coordinator), meeting=meeting, occurrence=second
    )
    assert sorted(item.title for item in added) == ["Brief the agency", "SM Home launch"]
    again = services.agenda_suggest(
        actor=actor(world.coordinator), meeting=meeting, occurrence=second
    )
    assert again == []


def test_one_on_one_notes_reach_hr_only_when_shared(world):
    meeting = schedule(world.coordinator, participants=[world.member], kind="one_on_one")
    day = meeting.starts_at.date()
    private = services.agenda_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=day,
        title="Career",
        notes="Wants to lead",
    )
    shared = services.agenda_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=day,
        title="Leave",
        notes="Needs 2 weeks",
        shared_with_hr=True,
    )
    from deptcoord.meetings.selectors import minutes

    assert minutes(role_facts_for_person(world.hr), meeting, day).agenda == [shared]
    assert minutes(role_facts_for_person(world.member), meeting, day).agenda == [private, shared]
    from deptcoord.access import Action, can

    assert not can(role_facts_for_person(world.head), Action.VIEW, meeting)
    assert not can(role_facts_for_person(world.admin), Action.VIEW, meeting)


def test_a_one_on_one_is_between_two_people(world):
    with pytest.raises(ValidationError) as raised:
        schedule(world.coordinator, participants=[world.member, world.peer], kind="one_on_one")
    assert raised.value.error_dict["participants"][0].message == messages.ONE_ON_ONE_TWO_PEOPLE


def test_an_action_steps_origin_is_written_in_the_minute_takers_language(world):
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    meeting = schedule(world.coordinator, participants=[world.member])
    day = meeting.starts_at.astimezone().date()
    item = services.action_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=day,
        title="Brief the agency",
        assignee=world.member,
    )
    assert Step.objects.get(pk=item.step_id).description == f"{meeting.title} ({day:%d/%m/%Y})"
