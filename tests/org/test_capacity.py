"""Org's one capacity rule: a person's hours day by day, less the busy time apps register."""

from datetime import date, timedelta

import pytest

from deptcoord.org import capacity

pytestmark = pytest.mark.django_db

MONDAY = date(2027, 3, 1)  # no public holiday that week


def test_every_registered_source_of_busy_time_comes_off_the_hours(world, monkeypatch):
    monkeypatch.setattr(capacity, "_busy_sources", dict(capacity._busy_sources))
    before = capacity.available_hours([world.member], MONDAY, MONDAY + timedelta(days=6))
    assert before[world.member.pk][MONDAY] == 8.0
    capacity.register_busy_time("training", lambda people, first, last: {(people[0].pk, first): 3})
    capacity.register_busy_time("duty", lambda people, first, last: {(people[0].pk, first): 1.5})
    after = capacity.available_hours([world.member], MONDAY, MONDAY + timedelta(days=6))
    assert after[world.member.pk][MONDAY] == 3.5
    assert after[world.member.pk][MONDAY + timedelta(days=1)] == 8.0


def test_meetings_register_their_busy_time():
    assert "meetings" in capacity._busy_sources


def test_a_person_without_working_days_has_no_hours(world):
    world.member.working_weekdays = ""
    world.member.save()
    hours = capacity.available_hours([world.member], MONDAY, MONDAY + timedelta(days=13))
    assert hours == {world.member.pk: {}}
