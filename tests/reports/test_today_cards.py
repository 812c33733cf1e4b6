"""Today's cards come from the apps that registered them, in their registered order."""

from django.utils import timezone

from deptcoord.core import briefing as cards
from deptcoord.core.briefing import Line, Section, register_card
from deptcoord.org.facts import role_facts_for_person
from deptcoord.reports.selectors import briefing

ORDER = [
    "overdue_steps",
    "due_soon_steps",
    "goals_at_risk",
    "key_results_at_risk",
    "missing_check_ins",
    "breached_standards",
    "requests_incoming",
    "requests_outgoing",
    "meetings_today",
    "events",
    "overloaded",
    "warnings_to_acknowledge",
    "warnings_pending",
]


def _keys(person) -> list[str]:
    found = briefing(role_facts_for_person(person), timezone.localdate())
    return [section.key for section in found.sections]


def test_the_cards_keep_their_order(world):
    assert _keys(world.coordinator) == ORDER
    assert _keys(world.member) == ORDER


def test_a_card_registered_by_an_app_shows_in_its_place(world, monkeypatch):
    monkeypatch.setattr(cards, "_cards", dict(cards._cards))

    def reminders(morning):
        line = Line(title=f"For person {morning.scope.person_id}", url="/somewhere/")
        return [Section("reminders", "Reminders", "bi-bell", "Nothing to remember.", [line], 1)]

    register_card("tests.reminders", 55, reminders)
    found = briefing(role_facts_for_person(world.coordinator), timezone.localdate())
    keys = [section.key for section in found.sections]
    assert keys == [*ORDER[:8], "reminders", *ORDER[8:]]
    assert found.section("reminders").lines[0].title == f"For person {world.coordinator.pk}"
    assert found.attention == 1
