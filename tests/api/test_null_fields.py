"""A PATCH that sets a field the record cannot be without to null is a 422 naming the field,
and changes nothing (it used to reach the database and answer 500)."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from deptcoord.meetings.models import Meeting, Participant
from deptcoord.org.models import SkillCategory, TimeOff
from deptcoord.people.models import FeedbackLevel, Skill
from deptcoord.records.models import Note
from tests.factories import client_for


def patch(person, path, body):
    return client_for(person).generic(
        "PATCH", path, json.dumps(body), "application/json", headers={"If-Match": "*"}
    )


def record_of(kind: str, world):
    """A record of ``kind`` the admin may change, and the field to empty."""
    now = timezone.now()
    if kind == "skill":
        category = SkillCategory.objects.create(name_en="Sales")
        return Skill.objects.create(category=category, name_en="Pricing"), "is_active"
    if kind == "level":
        return FeedbackLevel.objects.create(name_en="Written", rank=7), "is_active"
    if kind == "note":
        return Note.objects.create(department=world.own, author=world.coordinator, title="Brief"), (
            "is_pinned"
        )
    if kind == "meeting":
        meeting = Meeting.objects.create(
            title_en="Launch sync",
            organiser=world.coordinator,
            starts_at=now,
            ends_at=now + timedelta(hours=1),
        )
        Participant.objects.create(meeting=meeting, person=world.member)
        return meeting, "description"
    day = now.date()
    return TimeOff.objects.create(person=world.member, start_date=day, end_date=day), "note"


PATHS = {
    "skill": "/api/v1/skills/{}",
    "level": "/api/v1/feedback-levels/{}",
    "note": "/api/v1/notes/{}",
    "meeting": "/api/v1/meetings/{}",
    "time_off": "/api/v1/time-off/{}",
}


@pytest.mark.parametrize("kind", list(PATHS))
def test_null_on_a_field_that_cannot_be_empty_is_refused(world, kind):
    record, field = record_of(kind, world)
    answer = patch(world.admin, PATHS[kind].format(record.pk), {field: None})
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"][0]["field"] == field
    before = record.version
    record.refresh_from_db()
    assert record.version == before and getattr(record, field) is not None
