"""Today puts what needs doing first and lets the person handle it where it stands: answer a
request, mark a step done, check in on a key result, acknowledge a warning. Each goes through
the same policy, version check, service and trail as the record's own page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.goals.models import CheckIn
from deptcoord.org.facts import role_facts_for_person
from deptcoord.reports.selectors import briefing
from deptcoord.work.models import Request, Step
from tests.factories import DepartmentFactory, client_for
from tests.reports.helpers import items_for

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def items(world):
    third = DepartmentFactory(code="OPS", name_en="Operations")
    return items_for(world.own, third, world.coordinator, world.member, world.head, "MKT")


def _post(person, url, data):
    return client_for(person).post(url, data, **HTMX)


def _audited(action, person) -> bool:
    return AuditEntry.objects.filter(action=action, actor_id=person.pk).exists()


# Order --------------------------------------------------------------------------------------


def test_cards_with_work_come_first_the_pressing_ones_before_the_informational(world, items):
    found = briefing(role_facts_for_person(world.coordinator), timezone.localdate())
    busy = [section.key for section in found.busy]
    calm = [section.key for section in found.calm]
    assert busy[:4] == [
        "overdue_steps",
        "goals_at_risk",
        "key_results_at_risk",
        "requests_incoming",
    ]
    assert busy.index("breached_standards") < busy.index("events")
    assert busy.index("missing_check_ins") < busy.index("meetings_today")
    assert "warnings_to_acknowledge" in calm and "overdue_steps" not in calm
    assert all(section.count for section in found.busy)
    assert not any(section.count for section in found.calm)


def test_the_page_shows_the_calm_cards_on_one_line_after_the_work(world, items):
    text = client_for(world.coordinator).get(reverse("today")).content.decode()
    assert text.count('id="all-clear"') == 1
    assert text.index('id="overdue_steps"') < text.index('id="events"') < text.index("all-clear")
    calm = text[text.index('id="all-clear"') :]
    assert "Warnings for you to acknowledge" in calm[: calm.index("</p>")]


def test_each_line_offers_only_what_the_reader_may_do(world, items):
    coordinator = client_for(world.coordinator).get(reverse("today")).content.decode()
    answer = reverse("work:request_answer_in_place", args=[items.incoming.pk])
    assert f'hx-post="{answer}"' in coordinator
    member = client_for(world.member).get(reverse("today")).content.decode()
    assert answer not in member  # a member sees the request but does not answer it
    assert f'hx-post="{reverse("goals:check_in", args=[items.key_result.pk])}"' in member
    assert reverse("work:step_done_in_place", args=[items.overdue.pk]) in member
    assert reverse("people:warning_acknowledge_in_place", args=[items.warning.pk]) in member


# Requests -----------------------------------------------------------------------------------


def test_the_receiving_coordinator_accepts_a_request_in_place(world, items):
    request = items.incoming
    response = _post(
        world.coordinator,
        reverse("work:request_answer_in_place", args=[request.pk]),
        {"answer": "accept", "version": request.version, "slot": "requests_incoming"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Request accepted" in text and "data-focus" in text and "<html" not in text
    request.refresh_from_db()
    assert request.state == Request.State.ACCEPTED and request.step_id
    assert reverse("work:step", args=[request.step_id]) in text
    assert _audited("work.request.accept", world.coordinator)


def test_a_member_cannot_answer_for_the_department_and_is_told_why(world, items):
    request = items.incoming
    response = _post(
        world.member,
        reverse("work:request_answer_in_place", args=[request.pk]),
        {"answer": "accept", "version": request.version},
    )
    assert response.status_code == 403
    assert "head or coordinator may answer" in response.content.decode()
    request.refresh_from_db()
    assert request.state == Request.State.PENDING
    assert AuditEntry.objects.filter(kind="security", actor_id=world.member.pk).exists()


def test_another_department_does_not_even_see_the_request(world, items):
    response = _post(
        world.other_coordinator,
        reverse("work:request_answer_in_place", args=[items.incoming.pk]),
        {"answer": "accept"},
    )
    assert response.status_code == 404
    assert Request.objects.get(pk=items.incoming.pk).state == Request.State.PENDING


def test_a_request_changed_meanwhile_is_refused_in_place(world, items):
    request = items.incoming
    stale = request.version
    Request.objects.filter(pk=request.pk).update(version=stale + 1)
    response = _post(
        world.coordinator,
        reverse("work:request_answer_in_place", args=[request.pk]),
        {"answer": "accept", "version": stale},
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert 'role="alert"' in text and "Accept" in text  # the reason, and the buttons again
    assert Request.objects.get(pk=request.pk).state == Request.State.PENDING
    assert not _audited("work.request.accept", world.coordinator)


def test_declining_in_place_needs_the_reason(world, items):
    url = reverse("work:request_answer_in_place", args=[items.incoming.pk])
    response = _post(world.coordinator, url, {"answer": "decline", "reason": "  "})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert Request.objects.get(pk=items.incoming.pk).state == Request.State.PENDING
    response = _post(world.coordinator, url, {"answer": "decline", "reason": "Busy with Tết"})
    assert response.status_code == 200 and "Request declined." in response.content.decode()
    assert Request.objects.get(pk=items.incoming.pk).state == Request.State.DECLINED
    assert _audited("work.request.decline", world.coordinator)


# Steps --------------------------------------------------------------------------------------


def test_the_assignee_marks_a_step_done_in_place(world, items):
    step = items.overdue
    url = reverse("work:step_done_in_place", args=[step.pk])
    response = _post(world.member, url, {"version": step.version})
    assert response.status_code == 200 and "Step marked done." in response.content.decode()
    step.refresh_from_db()
    assert step.status == Step.Status.DONE and step.progress == 100
    assert _audited("work.step.progress", world.member)


def test_a_stale_step_or_a_stranger_is_refused(world, items):
    step = items.overdue
    url = reverse("work:step_done_in_place", args=[step.pk])
    response = _post(world.member, url, {"version": step.version + 5})
    assert response.status_code == 409
    assert _post(world.other_member, url, {"version": step.version}).status_code == 404
    assert Step.objects.get(pk=step.pk).status != Step.Status.DONE


# Key results --------------------------------------------------------------------------------


def test_the_owner_checks_in_from_today(world, items):
    key_result = items.key_result
    response = _post(
        world.member,
        reverse("goals:check_in", args=[key_result.pk]),
        {"place": "today", "value": "35", "note": "Two shops opened", "confidence": "at_risk"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Check-in saved: now 35" in text
    assert reverse("goals:key_result_detail", args=[key_result.pk]) in text
    key_result.refresh_from_db()
    assert key_result.current_value == 35
    assert CheckIn.objects.get(key_result=key_result).note == "Two shops opened"
    assert _audited("goals.key_result.check_in", world.member)


def test_a_bad_value_from_today_is_shown_on_the_line(world, items):
    response = _post(
        world.member,
        reverse("goals:check_in", args=[items.key_result.pk]),
        {"place": "today", "value": "lots", "confidence": "on_track", "slot": "x<script>"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert 'aria-invalid="true"' in text and 'value="lots"' in text
    assert "<script>" not in text  # the slot is checked before it names the fields
    assert not CheckIn.objects.filter(key_result=items.key_result).exists()


def test_someone_else_cannot_check_in_from_today(world, items):
    url = reverse("goals:check_in", args=[items.key_result.pk])
    data = {"place": "today", "value": "50", "confidence": "on_track"}
    refused = _post(world.other_member, url, data)  # reads the department's goals, no more
    assert refused.status_code == 403
    assert "key result&#x27;s owner" in refused.content.decode()
    assert _post(world.guest, url, data).status_code == 404
    assert not CheckIn.objects.filter(key_result=items.key_result).exists()


def test_the_key_result_page_checks_in_without_a_reload(world, items):
    key_result = items.key_result
    url = reverse("goals:check_in", args=[key_result.pk])
    response = _post(world.member, url, {"place": "page", "value": "42", "confidence": "on_track"})
    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="kr-body"') and "<html" not in text
    assert 'data-testid="check-in-saved"' in text and "kr-chart-data" in text
    assert text.count("42") >= 2  # the figure and the history's row
    response = _post(world.member, url, {"place": "page", "value": "", "confidence": "on_track"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


# Warnings -----------------------------------------------------------------------------------


def test_the_subject_acknowledges_a_warning_in_place_once(world, items):
    warning = items.warning
    url = reverse("people:warning_acknowledge_in_place", args=[warning.pk])
    response = _post(world.member, url, {"slot": "warnings_to_acknowledge"})
    assert response.status_code == 200 and "Warning acknowledged." in response.content.decode()
    warning.refresh_from_db()
    assert warning.acknowledged_at is not None
    assert _audited("people.feedback.acknowledge", world.member)
    again = _post(world.member, url, {})
    assert again.status_code == 400 and 'role="alert"' in again.content.decode()


def test_only_the_subject_acknowledges(world, items):
    url = reverse("people:warning_acknowledge_in_place", args=[items.warning.pk])
    response = _post(world.head, url, {})
    assert response.status_code == 403
    assert "Only the person the warning was given to" in response.content.decode()
    items.warning.refresh_from_db()
    assert items.warning.acknowledged_at is None


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_offering_the_actions_reads_nothing_more_per_line(world, role):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from deptcoord.org.selectors import company

    company()
    facts = role_facts_for_person(world.person(role))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            briefing(facts, timezone.localdate(), refresh=True)
        return len(captured)

    # Computed afresh each time (the items are written without the services, which would
    # have told the cache); up to four of each, so that no card is full.
    items_for(world.own, world.other, world.coordinator, world.member, world.head, "ONE")
    few = queries()
    for index in range(3):
        items_for(world.own, world.other, world.coordinator, world.member, world.head, f"M{index}")
    assert queries() == few
