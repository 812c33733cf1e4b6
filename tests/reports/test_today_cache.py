"""The Today cards kept between page loads: the reader's own changes show at once, a change by
someone else in the scope shows within a minute, a change elsewhere leaves the kept cards in
use, and the page says when its figures were computed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deptcoord.core import briefing as cards
from deptcoord.core import changes
from deptcoord.work.services import steps as step_services
from tests.factories import client_for
from tests.work.helpers import actor


def _step(world, department, assignee, title, by):
    today = timezone.localdate()
    return step_services.step_create(
        actor=actor(by),
        department=department,
        title_en=title,
        assignee=assignee,
        start=today - timedelta(days=9),
        due=today - timedelta(days=2),
        effort_hours=4,
    )


PARTS = len(cards.registered_cards()) + 2  # the cards, who is away and the departments


@pytest.fixture(autouse=True)
def committed_at_once(monkeypatch):
    """The tests run inside a transaction that never commits: here a write bumps its counters
    at once, as it does in production when its transaction commits."""
    monkeypatch.setattr(changes.transaction, "on_commit", lambda bump, **_options: bump())


@pytest.fixture
def clock(monkeypatch):
    """The briefing's clock, to be moved on by ``clock.move(seconds)``."""

    class Clock:
        offset = timedelta()

        def now(self):
            return real_now() + self.offset

        def move(self, seconds):
            self.offset += timedelta(seconds=seconds)

    real_now = timezone.now
    moved = Clock()
    monkeypatch.setattr(cards.timezone, "now", moved.now)
    return moved


def _load(client):
    before = dict(cards.STATS)
    response = client.get(reverse("today"))
    assert response.status_code == 200
    hits = cards.STATS["hit"] - before.get("hit", 0)
    misses = cards.STATS["miss"] - before.get("miss", 0)
    return response.content.decode(), hits, misses


def test_a_change_in_the_scope_shows_within_a_minute_and_one_elsewhere_keeps_the_cards(
    world, clock
):
    client = client_for(world.coordinator)
    _step(world, world.own, world.member, "Print the leaflets", world.coordinator)
    text, _hits, misses = _load(client)
    assert "Print the leaflets" in text and misses > 0
    text, hits, misses = _load(client)  # nothing changed: every card from the cache
    assert misses == 0 and hits == PARTS
    # the head of Marketing changes a step of Marketing: in scope, so within the minute
    _step(world, world.own, world.peer, "Book the hall", world.head)
    clock.move(30)
    text, _hits, misses = _load(client)
    assert misses == 0 and "Book the hall" not in text
    clock.move(31)
    text, _hits, misses = _load(client)
    assert misses > 0 and "Book the hall" in text
    # Sales is not in the coordinator's scope: the cards stay, past the minute too
    _step(world, world.other, world.other_member, "Call the dealers", world.other_coordinator)
    clock.move(90)
    text, _hits, misses = _load(client)
    assert misses == 0 and "Call the dealers" not in text


def test_a_change_in_the_scope_recomputes_only_the_cards_reading_its_app(world, clock):
    client = client_for(world.coordinator)
    _load(client)
    # the head of Marketing adds a step of Marketing: past the minute, the cards reading the
    # steps are computed anew and the others (goals, meetings, who is away...) stay kept
    _step(world, world.own, world.peer, "Book the hall", world.head)
    clock.move(61)
    text, hits, misses = _load(client)
    reading_work = [card for card in cards.registered_cards() if "work" in card.reads]
    assert misses == len(reading_work) and hits == PARTS - misses
    assert "Book the hall" in text


def test_nothing_is_kept_past_five_minutes(world, clock):
    client = client_for(world.coordinator)
    _load(client)
    clock.move(299)
    assert _load(client)[2] == 0
    clock.move(2)
    assert _load(client)[2] == PARTS


def test_a_persons_own_change_shows_on_their_next_load(world):
    client = client_for(world.member)
    made = _step(world, world.own, world.member, "Send the brief", world.coordinator)
    text, _hits, _misses = _load(client)
    assert "Send the brief" in text
    _load(client)
    step_services.step_progress(
        actor=actor(world.member), step_id=made.pk, expected_version=made.version, status="done"
    )
    text, _hits, misses = _load(client)
    assert misses > 0 and "Send the brief" not in text


def test_the_company_view_follows_any_change_within_a_minute(world, clock):
    client = client_for(world.executive)
    _load(client)
    _step(world, world.other, world.other_member, "Call the dealers", world.other_coordinator)
    clock.move(61)
    text, _hits, misses = _load(client)
    assert misses > 0 and "Call the dealers" in text


def test_the_page_says_when_the_figures_were_computed_and_refresh_recomputes(world):
    client = client_for(world.coordinator)
    text, _hits, _misses = _load(client)
    assert "Figures computed at" in text and "refresh=1" in text
    before = dict(cards.STATS)
    response = client.get(reverse("today") + "?refresh=1")
    assert response.status_code == 200
    assert cards.STATS["miss"] - before.get("miss", 0) == PARTS
    client.cookies.load({"django_language": "vi"})
    response = client.get(reverse("today"), headers={"accept-language": "vi"})
    assert "Số liệu tính lúc" in response.content.decode()


def test_cards_leave_the_cache_after_five_minutes(world, monkeypatch):
    client = client_for(world.coordinator)
    _load(client)
    stored = {}
    real = cards.cache

    class Recording:
        def get(self, key, default=None):
            return real.get(key, default)

        def set(self, key, value, timeout):
            stored[key] = timeout
            real.set(key, value, timeout)

    monkeypatch.setattr(cards, "cache", Recording())
    client.get(reverse("today") + "?refresh=1")
    assert stored and set(stored.values()) == {300}


@pytest.mark.parametrize("role", ["member", "coordinator", "executive"])
def test_a_page_served_from_the_cache_runs_a_fixed_number_of_queries(world, role):
    person = world.person(role)
    client = client_for(person)
    client.get(reverse("today"))

    def served():
        client.get(reverse("today"))
        with CaptureQueriesContext(connection) as captured:
            _text, _hits, misses = _load(client)
        assert misses == 0
        return len(captured)

    few = served()
    for index in range(30):
        _step(world, world.own, world.member, f"Step {index}", world.coordinator)
    assert served() == few


def test_the_api_says_when_the_figures_were_computed_and_refresh_recomputes(world):
    client = client_for(world.coordinator)
    first = client.get("/api/v1/today").json()
    kept = client.get("/api/v1/today").json()
    assert kept["computed_at"] == first["computed_at"]  # served from the kept cards
    before = dict(cards.STATS)
    fresh = client.get("/api/v1/today?refresh=true").json()
    assert cards.STATS["miss"] - before.get("miss", 0) == PARTS
    assert fresh["computed_at"] > first["computed_at"]


def test_a_persons_own_write_computes_anew_only_the_cards_reading_its_app(world):
    client = client_for(world.member)
    made = _step(world, world.own, world.member, "Send the brief", world.coordinator)
    _load(client)
    step_services.step_progress(
        actor=actor(world.member), step_id=made.pk, expected_version=made.version, status="done"
    )
    reading_work = [card for card in cards.registered_cards() if "work" in card.reads]
    assert 0 < len(reading_work) < len(cards.registered_cards())
    text, hits, misses = _load(client)
    assert misses == len(reading_work) and hits == PARTS - misses
    assert "Send the brief" not in text


def test_a_section_drawn_ahead_carries_this_pages_form_token(world):
    """The sections are drawn once with their lines and kept; each page puts its own form
    token in, so acting in place from a kept section works (and another session's page
    never carries this one's token)."""
    import re

    from django.test import Client

    _step(world, world.own, world.member, "Send the brief", world.coordinator)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member.user)
    client.get(reverse("today"))
    text, _hits, misses = _load(client)
    assert misses == 0 and "csrf-token-of-this-page" not in text
    form = re.search(
        r'action="(/work/steps/\d+/done-here/)".*?name="csrfmiddlewaretoken" value="([^"]+)"',
        text,
        re.S,
    )
    assert form is not None
    response = client.post(form.group(1), {"csrfmiddlewaretoken": form.group(2)})
    assert response.status_code != 403


def test_a_card_reading_one_model_follows_that_models_writes_alone(world, clock):
    """The requests card reads requests only: the coordinator moving a step along leaves it
    kept, and a request from Sales to Marketing shows on it within the minute."""
    from deptcoord.work.services.requests import request_send

    client = client_for(world.coordinator)
    made = _step(world, world.own, world.member, "Send the brief", world.coordinator)
    _load(client)
    step_services.step_progress(
        actor=actor(world.coordinator),
        step_id=made.pk,
        expected_version=made.version,
        status="done",
    )
    computed = []
    real_build = {card.key: card.build for card in cards.registered_cards()}
    for key, build in real_build.items():
        cards.register_card(
            key,
            cards._cards[key].order,
            lambda morning, key=key, build=build: computed.append(key) or build(morning),
            cards._cards[key].reads,
        )
    try:
        _load(client)
        assert "work.steps" in computed and "work.requests" not in computed
        request_send(
            actor=actor(world.other_coordinator),
            from_department=world.other,
            to_department=world.own,
            title="Demo units for the dealers",
            due=timezone.localdate() + timedelta(days=5),
        )
        computed.clear()
        clock.move(61)
        text, _hits, _misses = _load(client)
        assert "work.requests" in computed and "Demo units for the dealers" in text
    finally:
        for key, build in real_build.items():
            cards.register_card(key, cards._cards[key].order, build, cards._cards[key].reads)
