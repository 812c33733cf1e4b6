"""The Today briefing: one item of each kind appears once, linked, and only to those who may
open it; a fixed number of queries whatever the data size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.selectors import company
from deptcoord.reports.selectors import briefing
from tests.factories import DepartmentFactory, client_for
from tests.reports.helpers import items_for


@pytest.fixture
def items(world):
    # Both trade requests with a third department, so each has one request each way.
    third = DepartmentFactory(code="OPS", name_en="Operations")
    own = items_for(world.own, third, world.coordinator, world.member, world.head, "MKT")
    other = items_for(
        world.other, third, world.other_coordinator, world.other_member, world.executive, "SAL"
    )
    return own, other


def _lines(person, **options):
    found = briefing(role_facts_for_person(person), timezone.localdate(), **options)
    return {section.key: section for section in found.sections}


def _urls(section):
    return [line.url for line in section.lines]


def _titles(sections):
    return {line.title for section in sections.values() for line in section.lines}


def _expected(items):
    return {
        "overdue_steps": reverse("work:step", args=[items.overdue.pk]),
        "due_soon_steps": reverse("work:step", args=[items.due_soon.pk]),
        "goals_at_risk": reverse("goals:goal_detail", args=[items.goal.pk]),
        "key_results_at_risk": reverse("goals:key_result_detail", args=[items.key_result.pk]),
        "missing_check_ins": reverse("goals:key_result_detail", args=[items.key_result.pk]),
        "breached_standards": reverse("goals:standard_detail", args=[items.standard.pk]),
        "requests_incoming": reverse("work:request", args=[items.incoming.pk]),
        "requests_outgoing": reverse("work:request", args=[items.outgoing.pk]),
        "meetings_today": reverse(
            "meetings:occurrence",
            kwargs={"pk": items.meeting.pk, "day": timezone.localdate().isoformat()},
        ),
        "events": reverse("meetings:event_detail", args=[items.event.pk]),
        "warnings_pending": reverse("people:feedback_detail", args=[items.warning.pk]),
    }


def test_a_coordinator_sees_each_item_of_their_department_once_and_linked(world, items):
    own, _other = items
    sections = _lines(world.coordinator)
    for key, url in _expected(own).items():
        if key == "warnings_pending":
            continue  # coordinators do not read warnings
        assert _urls(sections[key]) == [url], key
        assert sections[key].count == 1
    assert [line.title for line in sections["overloaded"].lines] == [world.member.full_name]
    assert sections["meetings_today"].lines[0].details == ["MKT agenda point"]
    assert sections["requests_outgoing"].lines[0].badge == "Waiting too long"
    assert sections["warnings_pending"].lines == []
    assert not any(title.startswith("SAL") for title in _titles(sections))


def test_the_head_also_sees_the_warning_waiting_for_acknowledgement(world, items):
    own, _other = items
    sections = _lines(world.head)
    assert _urls(sections["warnings_pending"]) == [_expected(own)["warnings_pending"]]
    assert _urls(sections["goals_at_risk"]) == [_expected(own)["goals_at_risk"]]
    assert not any(title.startswith("SAL") for title in _titles(sections))


def test_a_member_sees_their_own_steps_key_results_meetings_and_warning(world, items):
    own, _other = items
    sections = _lines(world.member)
    expected = _expected(own)
    for key in ("overdue_steps", "due_soon_steps", "key_results_at_risk", "meetings_today"):
        assert _urls(sections[key]) == [expected[key]], key
    assert _urls(sections["warnings_to_acknowledge"]) == [expected["warnings_pending"]]
    assert sections["warnings_pending"].lines == []
    assert sections["goals_at_risk"].lines == []  # the coordinator's goal, not the member's
    assert sections["breached_standards"].lines == []
    assert [line.title for line in sections["overloaded"].lines] == [world.member.full_name]


def test_a_peer_sees_nothing_of_a_colleagues_warning_or_steps(world, items):
    sections = _lines(world.peer)
    assert sections["warnings_to_acknowledge"].lines == []
    assert sections["warnings_pending"].lines == []
    assert sections["overdue_steps"].lines == []


def test_an_executive_sees_the_company_and_can_narrow_to_a_department(world, items):
    own, other = items
    sections = _lines(world.executive)
    assert set(_urls(sections["goals_at_risk"])) == {
        _expected(own)["goals_at_risk"],
        _expected(other)["goals_at_risk"],
    }
    narrowed = _lines(world.executive, department_id=world.own.pk)
    for key, url in _expected(own).items():
        if key == "warnings_pending":
            continue  # executives do not read warnings
        assert _urls(narrowed[key]) == [url], key


def test_a_coordinator_of_another_department_sees_only_theirs(world, items):
    _own, other = items
    sections = _lines(world.other_coordinator)
    for key, url in _expected(other).items():
        if key == "warnings_pending":
            continue
        assert _urls(sections[key]) == [url], key
    assert not any(title.startswith("MKT") for title in _titles(sections))


def test_the_page_shows_every_card_with_its_count_and_links(world, items):
    own, _other = items
    response = client_for(world.coordinator).get(reverse("today"))
    assert response.status_code == 200
    text = response.content.decode()
    for url in _expected(own).values():
        if "feedback" not in url:
            assert f'href="{url}"' in text
    assert "SAL goal at risk" not in text
    calm = text[text.index('id="all-clear"') :]
    assert "Warnings for you to acknowledge" in calm[: calm.index("</p>")]


def test_empty_sections_are_named_together_on_one_line(world):
    response = client_for(world.coordinator).get(reverse("today"))
    text = response.content.decode()
    assert text.count('id="all-clear"') == 1
    calm = text[text.index('id="all-clear"') :]
    calm = calm[: calm.index("</p>")]
    assert "All clear:" in calm
    assert "Overdue steps" in calm and "Today&#x27;s meetings" in calm
    assert "briefing-card" not in text  # no card of its own for what is empty


def test_the_api_returns_the_same_sections(world, items):
    own, _other = items
    response = client_for(world.coordinator).get("/api/v1/today")
    assert response.status_code == 200
    body = response.json()
    sections = {section["key"]: section for section in body["sections"]}
    assert sections["goals_at_risk"]["count"] == 1
    assert sections["goals_at_risk"]["items"][0]["url"] == _expected(own)["goals_at_risk"]
    assert "away_today" in body


def _queries(person, **options):
    """Queries of the briefing computed anew (the data here is written without the services,
    so it does not bump the change counters the cache's keys are made of)."""
    options.setdefault("refresh", True)
    facts = role_facts_for_person(person)
    with CaptureQueriesContext(connection) as captured:
        briefing(facts, timezone.localdate(), **options)
    return len(captured)


@pytest.mark.parametrize("role", ["coordinator", "member", "executive"])
def test_the_briefing_runs_a_fixed_number_of_queries(world, role):
    person = world.person(role)
    company()  # the company's row exists, as in any running installation
    for index in range(10):
        items_for(world.own, world.other, world.coordinator, world.member, world.head, f"A{index}")
    _queries(person)  # the change counters exist, as in any running installation
    few = _queries(person)
    for index in range(90):
        items_for(world.own, world.other, world.coordinator, world.member, world.head, f"B{index}")
    assert _queries(person) == few


@pytest.mark.parametrize("made", [3, 10, 13])
def test_each_card_counts_every_line_below_and_beyond_what_it_shows(world, made):
    from deptcoord.core.briefing import LIMIT

    third = DepartmentFactory(code="OPS", name_en="Operations")
    for index in range(made):
        items_for(world.own, third, world.coordinator, world.member, world.head, f"N{index}")
    sections = _lines(world.coordinator)
    for key in ("overdue_steps", "goals_at_risk", "key_results_at_risk", "missing_check_ins"):
        assert sections[key].count == made, key
        assert len(sections[key].lines) == min(made, LIMIT), key


def test_the_morning_email_lists_the_same_sections(world, items, mailoutbox):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from deptcoord.notices.models import EmailSettings
    from deptcoord.reports.digest import send_digest

    EmailSettings.objects.create(person=world.coordinator, morning_briefing=True)
    now = datetime.combine(timezone.localdate(), datetime.min.time(), ZoneInfo("UTC"))
    assert send_digest(world.coordinator, now.replace(hour=1))
    body = mailoutbox[0].body
    assert "Goals at risk (1)" in body
    assert "MKT goal at risk" in body
    assert "SAL goal at risk" not in body
    html = mailoutbox[0].alternatives[0][0]
    assert reverse("goals:goal_detail", args=[items[0].goal.pk]) in html


def test_a_long_list_of_absences_shows_ten_and_counts_the_rest(world):
    from deptcoord.org.models import Person, TimeOff

    today = timezone.localdate()
    for number in range(12):
        person = Person.objects.create(
            full_name=f"Away {number:02d}",
            email=f"away{number}@example.com",
            primary_department=world.own,
        )
        TimeOff.objects.create(person=person, start_date=today, end_date=today)
    page = client_for(world.executive).get(reverse("today")).content.decode()
    shown = [number for number in range(12) if f"Away {number:02d}" in page]
    assert len(shown) == 10
    assert "and 2 more absences this week" in page
