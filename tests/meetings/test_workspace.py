"""The occurrence's workspace: agenda items refused when already there, moved with the move
audited and versions checked, suggestions that fit in the meeting's length, and the in-place
answers of the page (one section back, focus on what changed)."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.core.versioning import StaleVersionError
from deptcoord.meetings import services
from deptcoord.meetings.models import AgendaItem
from deptcoord.meetings.services.minutes import title_key
from tests.api.test_api import bearer, send
from tests.factories import client_for
from tests.meetings.helpers import actor, schedule
from tests.work.helpers import monday, step

HTMX = {"HX-Request": "true"}


def _agenda(world, *titles, **fields):
    meeting = schedule(world.coordinator, participants=[world.member], **fields)
    day = meeting.starts_at.date()
    items = [
        services.agenda_item_create(
            actor=actor(world.coordinator), meeting=meeting, occurrence=day, title=title
        )
        for title in titles
    ]
    return meeting, day, items


def _order(meeting, day):
    return list(
        AgendaItem.objects.filter(meeting=meeting, occurrence=day)
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )


def test_titles_compare_without_case_accents_or_spaces():
    assert title_key("  Kế hoạch   Quý 1 ") == title_key("ke hoach quy 1")
    assert title_key("Đề xuất") == title_key("de xuat")
    assert title_key("Budget") != title_key("Budget 2")


def test_a_topic_already_on_the_agenda_is_refused(world):
    meeting, day, [_budget] = _agenda(world, "Kế hoạch Quý 1")
    with pytest.raises(ValidationError) as refused:
        services.agenda_item_create(
            actor=actor(world.coordinator), meeting=meeting, occurrence=day, title="KE HOACH  quy 1"
        )
    assert "“Kế hoạch Quý 1” is already on this agenda" in str(refused.value)
    assert _order(meeting, day) == ["Kế hoạch Quý 1"]
    other = services.agenda_item_create(
        actor=actor(world.coordinator), meeting=meeting, occurrence=day, title="Launch"
    )
    with pytest.raises(ValidationError):
        services.agenda_item_update(
            actor=actor(world.coordinator),
            item_id=other.pk,
            expected_version=other.version,
            title="kế hoạch quý 1",
        )
    # the API refuses it too, naming the field
    answer = send(
        bearer(world.coordinator),
        "POST",
        f"/api/v1/meetings/{meeting.pk}/agenda-items",
        {"occurrence": day.isoformat(), "title": "Ke hoach quy 1"},
    )
    assert answer.status_code == 422
    assert "already on this agenda" in answer.content.decode()


def test_a_move_is_audited_and_refused_from_a_stale_version(world):
    meeting, day, [_first, _second, third] = _agenda(world, "Budget", "Launch", "Hiring")
    moved = services.agenda_item_move(
        actor=actor(world.coordinator), item_id=third.pk, expected_version=third.version, position=1
    )
    assert _order(meeting, day) == ["Hiring", "Budget", "Launch"]
    entry = AuditEntry.objects.filter(action="meetings.agenda.move").get()
    assert entry.changes["agenda_order"] == [
        ["Budget", "Launch", "Hiring"],
        ["Hiring", "Budget", "Launch"],
    ]
    assert entry.actor_id == world.coordinator.pk
    with pytest.raises(StaleVersionError):
        services.agenda_item_move(
            actor=actor(world.coordinator),
            item_id=third.pk,
            expected_version=third.version,  # the version before the first move
            position=3,
        )
    with pytest.raises(ValidationError):
        services.agenda_item_move(
            actor=actor(world.coordinator),
            item_id=third.pk,
            expected_version=moved.version,
            position=4,
        )
    assert _order(meeting, day) == ["Hiring", "Budget", "Launch"]
    assert AuditEntry.objects.filter(action="meetings.agenda.move").count() == 1


def test_suggest_agenda_fits_the_meeting_and_lists_the_rest_as_optional(world):
    meeting, day, _items = _agenda(world, "Budget")  # 10 of 60 minutes already
    for number in range(5):
        step(world.own, f"Slipped {number}", flagged=True, slip_days=5 - number, due=monday(1))
        services.event_create(
            actor=actor(world.head),
            title_en=f"Event {number}",
            start_date=day + timedelta(days=number + 1),
            departments=[world.own],
        )
    added = services.agenda_suggest(actor=actor(world.coordinator), meeting=meeting, occurrence=day)
    regular = [item for item in added if not item.optional]
    assert len(regular) == 5  # 10 + 5 × 10 = 60 minutes
    assert len(added) > len(regular)
    items = AgendaItem.objects.filter(meeting=meeting, occurrence=day)
    assert sum(item.minutes_allotted for item in items if not item.optional) <= 60
    # the order of the suggestions is kept: what fits comes first
    first_optional = min(item.position for item in items if item.optional)
    assert all(item.position < first_optional for item in items if not item.optional)


def test_the_page_answers_the_agenda_in_place_and_focuses_the_new_item(world):
    meeting, day, [_budget] = _agenda(world, "Budget")
    client = client_for(world.coordinator)
    url = reverse("meetings:agenda_item_create", args=[meeting.pk, day.isoformat()])
    post = {"agenda-title": "Launch", "agenda-minutes_allotted": 15}
    answer = client.post(url, post, headers=HTMX)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert html.lstrip().startswith('<section class="card mb-4 agenda-card" id="agenda"')
    item = AgendaItem.objects.get(title="Launch")
    assert f'data-focus="agenda-item-{item.pk}"' in html
    assert "25 of 60 min" in html
    refused = client.post(url, {**post, "agenda-title": " budget "}, headers=HTMX)
    assert "is already on this agenda" in refused.content.decode()
    assert 'data-focus="agenda-form"' in refused.content.decode()
    # without htmx the form works as before
    assert client.post(url, {**post, "agenda-title": "Hiring"}).status_code == 302


def test_the_page_moves_items_and_snaps_back_a_stale_move(world):
    meeting, day, [_first, second] = _agenda(world, "Budget", "Launch")
    client = client_for(world.coordinator)
    url = reverse("meetings:agenda_item_move", args=[second.pk])
    answer = client.post(url, {"position": 1, "version": second.version}, headers=HTMX)
    assert _order(meeting, day) == ["Launch", "Budget"]
    assert f'data-focus="agenda-item-{second.pk}"' in answer.content.decode()
    stale = client.post(url, {"position": 2, "version": second.version}, headers=HTMX)
    assert stale.status_code == 200
    assert "Someone else changed this record" in stale.content.decode()
    assert 'data-focus="agenda-messages"' in stale.content.decode()
    assert _order(meeting, day) == ["Launch", "Budget"]


def test_notes_autosave_answers_the_state_and_checks_the_version(world):
    _meeting, _day, [budget] = _agenda(world, "Budget")
    client = client_for(world.coordinator)
    url = reverse("meetings:agenda_item_notes", args=[budget.pk])
    prefix = f"item{budget.pk}"
    saved = client.post(
        url, {f"{prefix}-notes": "Agreed", f"{prefix}-version": budget.version, "autosave": "1"}
    )
    answer = json.loads(saved.content)
    assert answer["saved"] and answer["state"].startswith("Saved at ")
    assert answer["version"] == budget.version + 1
    stale = client.post(
        url, {f"{prefix}-notes": "Other", f"{prefix}-version": budget.version, "autosave": "1"}
    )
    assert stale.status_code == 409
    assert json.loads(stale.content)["state"].startswith("Not saved: Someone else changed")
    budget.refresh_from_db()
    assert budget.notes == "Agreed"
    assert AuditEntry.objects.filter(action="meetings.agenda.update").count() == 1


def test_the_api_moves_an_item_with_if_match(world):
    meeting, day, [_first, second] = _agenda(world, "Budget", "Launch")
    client = bearer(world.coordinator)
    path = f"/api/v1/agenda-items/{second.pk}/move"
    assert send(client, "POST", path, {"position": 1}).status_code == 428
    assert send(client, "POST", path, {"position": 1}, **{"If-Match": '"99"'}).status_code == 412
    assert send(client, "POST", path, {"position": 9}, **{"If-Match": "*"}).status_code == 422
    moved = send(client, "POST", path, {"position": 1}, **{"If-Match": f'"{second.version}"'})
    assert moved.status_code == 200
    assert moved.json()["position"] == 1 and moved.headers["ETag"] == f'"{second.version + 1}"'
    assert _order(meeting, day) == ["Launch", "Budget"]
    hidden = send(bearer(world.other_member), "POST", path, {"position": 2, "version": 2})
    assert hidden.status_code == 404


def test_an_action_item_is_edited_in_place_through_its_service(world):
    meeting, day, _items = _agenda(world)
    action = services.action_item_create(
        actor=actor(world.coordinator),
        meeting=meeting,
        occurrence=day,
        title="Book the venue",
        assignee=world.member,
    )
    client = client_for(world.coordinator)
    url = reverse("meetings:action_item_edit", args=[action.pk])
    prefix = f"action{action.pk}"
    answer = client.post(
        url,
        {f"{prefix}-title": "Book the big venue", f"{prefix}-version": action.version},
        headers=HTMX,
    )
    assert f'data-focus="action-{action.pk}"' in answer.content.decode()
    action.refresh_from_db()
    assert action.title == "Book the big venue" and action.assignee == world.member
    stale = client.post(
        url, {f"{prefix}-title": "Other", f"{prefix}-version": action.version - 1}, headers=HTMX
    )
    assert "Someone else changed this record" in stale.content.decode()
    assert f'data-focus="action-edit-errors-{action.pk}"' in stale.content.decode()
    action.refresh_from_db()
    assert action.title == "Book the big venue"
    assert AuditEntry.objects.filter(action="meetings.action.update").count() == 1


def test_an_action_item_taken_back_takes_its_untouched_step_along(world):
    from deptcoord.work.models import Step

    meeting, day, _items = _agenda(world)
    first, second = (
        services.action_item_create(
            actor=actor(world.coordinator),
            meeting=meeting,
            occurrence=day,
            title=title,
            assignee=world.member,
        )
        for title in ("Book the venue", "Print the flyers")
    )
    Step.objects.filter(pk=second.step_id).update(version=2)  # someone worked on it
    client = client_for(world.coordinator)
    answer = client.post(
        reverse("meetings:action_item_delete", args=[first.pk]),
        {"version": first.version},
        headers=HTMX,
    )
    assert "“Book the venue” is taken back, with its step." in answer.content.decode()
    assert not Step.objects.filter(pk=first.step_id).exists()
    kept = send(
        bearer(world.coordinator),
        "DELETE",
        f"/api/v1/action-items/{second.pk}",
        **{"If-Match": f'"{second.version}"'},
    )
    assert kept.status_code == 204
    assert Step.objects.filter(pk=second.step_id).exists()
    assert AuditEntry.objects.filter(action="meetings.action.delete").count() == 2


def test_the_page_says_what_did_not_fit_and_takes_an_optional_topic_in(world):
    meeting, day, _items = _agenda(world, "Budget", "Launch", "Hiring", "Pricing", "Press")
    for number in range(3):
        services.event_create(
            actor=actor(world.head),
            title_en=f"Fair {number}",
            start_date=day + timedelta(days=number + 1),
            departments=[world.own],
        )
    client = client_for(world.coordinator)
    url = reverse("meetings:agenda_suggest", args=[meeting.pk, day.isoformat()])
    html = client.post(url, headers=HTMX).content.decode()
    assert "1 item added to the agenda." in html
    assert "2 more topics did not fit in 60 minutes" in html
    assert "60 of 60 min" in html
    optional = AgendaItem.objects.filter(meeting=meeting, optional=True).order_by("position")
    first = optional[0]
    keep = reverse("meetings:agenda_item_keep", args=[first.pk])
    html = client.post(keep, {"version": first.version}, headers=HTMX).content.decode()
    assert f'data-focus="agenda-item-{first.pk}"' in html
    assert "70 of 60 min" in html and "longer than the meeting" in html
    regular = AgendaItem.objects.filter(meeting=meeting, optional=False).order_by("position")
    assert regular.last() == first  # at the end of the agenda
