"""Who sees which goals, beyond the matrix: team people, alignment, guests, owners."""

from deptcoord.access import Action, can, visible
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.org.facts import role_facts_for_person
from tests.goals.helpers import goal, key_result


def seen(person) -> set[str]:
    facts = role_facts_for_person(person)
    return set(visible(facts, Goal.objects.all()).values_list("title_en", flat=True))


def test_team_people_read_the_private_goals_of_the_department_above(world, goals):
    above = goal(world.head, department=world.own, title_en="Plan", private=True)
    team = goal(
        world.team_member,
        level=Goal.Level.TEAM,
        department=world.team,
        parent=above,
        title_en="Ads",
        private=True,
    )
    assert seen(world.team_member) == {"Company goal", "Department goal", "Plan", "Ads"}
    facts = role_facts_for_person(world.team_member)
    assert can(facts, Action.VIEW, above)
    assert not can(facts, Action.CHANGE, above)
    assert "Ads" not in seen(world.member)  # a department's member does not follow every team
    assert "Plan" not in seen(world.other_member)
    assert can(role_facts_for_person(world.head), Action.CHANGE, team)


def test_guests_see_no_goals_even_their_own(world, goals):
    goal(world.guest, level=Goal.Level.COMPANY, title_en="Guest's")
    assert seen(world.guest) == set()
    assert not visible(role_facts_for_person(world.guest), KeyResult.objects.all()).exists()


def test_personal_goals_stay_with_the_person_and_their_leaders(world, goals):
    goal(world.peer, level=Goal.Level.PERSON, department=world.own, title_en="Peer's")
    assert "Peer's" in seen(world.peer)
    assert "Peer's" in seen(world.coordinator)
    assert "Peer's" not in seen(world.member)
    assert "Peer's" not in seen(world.hr)


def test_alignment_opens_both_private_goals_to_the_leaders_of_both_departments(world, goals):
    plan = goal(world.head, department=world.own, title_en="Plan", private=True)
    goal(
        world.other_coordinator,
        department=world.other,
        parent=plan,
        title_en="Retail",
        private=True,
    )
    assert {"Plan", "Retail"} <= seen(world.other_coordinator)
    assert "Retail" in seen(world.coordinator)
    assert "Retail" not in seen(world.member)
    assert "Plan" not in seen(world.other_member)  # only Sales' leaders follow it


def test_goals_that_are_not_private_are_read_company_wide(world, goals):
    goal(world.other_coordinator, department=world.other, title_en="Retail")
    for person in (world.member, world.peer, world.hr, world.team_member):
        assert {"Department goal", "Retail"} <= seen(person)
        assert can(role_facts_for_person(person), Action.VIEW, goals.reach)
        assert not can(role_facts_for_person(person), Action.CHANGE, goals.marketing)


def test_check_in_is_for_the_key_results_owner_and_the_goals_runners(world, goals):
    personal = goal(world.member, level=Goal.Level.PERSON, department=world.own)
    mine = key_result(personal, world.member)
    assert can(role_facts_for_person(world.member), Action.CHECK_IN, mine)
    assert can(role_facts_for_person(world.member), Action.CHECK_IN, goals.reach)
    assert not can(role_facts_for_person(world.peer), Action.CHECK_IN, goals.reach)
