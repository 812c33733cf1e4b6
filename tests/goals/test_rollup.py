"""Progress and forecast roll up from key results through department and team goals to the
company goal, across several departments; the stored figures always match a full roll-up."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import services
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.rollup import compute_figures, goal_rows, key_result_rows
from deptcoord.goals.services.rollup import chain_up, rollup_refresh_all
from tests.goals.helpers import check_in, goal, key_result


def standings(_ids=None) -> dict[int, Goal]:
    """Every goal with its stored figures, by id."""
    return {goal.pk: goal for goal in Goal.objects.all()}


def full_roll_up() -> dict:
    """The figures rolled up from scratch."""
    return compute_figures(
        list(goal_rows(Goal.objects.all())), key_result_rows(KeyResult.objects.all())
    )


@pytest.fixture
def launch(world):
    """Company → Marketing and Sales → Digital team → a person, with key results at each level."""
    company = goal(world.executive, level=Goal.Level.COMPANY)
    marketing = goal(world.head, department=world.own, parent=company)
    sales = goal(world.other_coordinator, department=world.other, parent=company, weight=3)
    team = goal(world.team_member, level=Goal.Level.TEAM, department=world.team, parent=marketing)
    person = goal(world.member, level=Goal.Level.PERSON, department=world.own, parent=team)
    check_in(key_result(company, world.executive, 0, 100), 10)  # 10 %
    check_in(key_result(marketing, world.head, 0, 100), 40)  # 40 %
    check_in(key_result(sales, world.other_coordinator, 0, 200), 100)  # 50 %
    check_in(key_result(team, world.team_member, 100, 0, direction="decrease"), 20)  # 80 %
    check_in(key_result(person, world.member, 0, 10), 10)  # 100 %
    return company, marketing, sales, team, person


def test_three_levels_and_two_departments_roll_up(world, launch):
    company, marketing, sales, team, person = launch
    figures = standings([company.pk])
    assert figures[person.pk].progress == pytest.approx(100)
    assert figures[team.pk].progress == pytest.approx((80 + 100) / 2)
    assert figures[marketing.pk].progress == pytest.approx((40 + 90) / 2)
    assert figures[sales.pk].progress == pytest.approx(50)
    # The company's own key result (1), Marketing (1) and Sales (weight 3).
    assert figures[company.pk].progress == pytest.approx((10 + 65 + 3 * 50) / 5)


def test_drafts_and_cancelled_goals_do_not_count_for_their_parent(world, launch):
    company, _marketing, sales, _team, _person = launch
    services.goal_update(actor=SYSTEM, goal_id=sales.pk, expected_version=None, status="cancelled")
    figures = standings([company.pk])
    assert figures[company.pk].progress == pytest.approx((10 + 65) / 2)
    assert figures[sales.pk].progress == pytest.approx(50)  # it keeps its own figures
    assert figures[sales.pk].confidence == ""  # a closed goal reports no confidence


def test_a_goal_without_anything_measurable_has_no_progress(world):
    bare = goal(world.head, department=world.own)
    assert standings([bare.pk])[bare.pk].progress is None


def test_at_risk_rises_from_key_results_to_the_company(world, launch):
    company, _marketing, sales, team, person = launch
    figures = standings([company.pk])
    # Sales' single check-in (half-way at two thirds of the period) points below its target.
    assert figures[sales.pk].at_risk and figures[company.pk].at_risk
    assert not figures[team.pk].at_risk and not figures[person.pk].at_risk
    services.goal_update(actor=SYSTEM, goal_id=sales.pk, expected_version=None, status="missed")
    assert not standings([sales.pk])[sales.pk].at_risk  # a closed goal is no longer at risk


def test_the_worst_confidence_of_a_goals_own_key_results_shows(world, launch):
    company, marketing, *_rest = launch
    check_in(key_result(marketing, world.head, 0, 5), 1, confidence="off_track")
    figures = standings([company.pk])
    assert figures[marketing.pk].confidence == "off_track"
    assert figures[company.pk].confidence == "on_track"


def test_the_stored_figures_match_a_full_roll_up_after_every_change(world, launch):
    _company, marketing, sales, team, person = launch

    def stored():
        return {
            goal.pk: (goal.progress, goal.forecast_progress, goal.at_risk, goal.confidence)
            for goal in Goal.objects.all()
        }

    def fresh():
        return {
            pk: (f.progress, f.forecast_progress, f.at_risk, f.confidence)
            for pk, f in full_roll_up().items()
        }

    assert stored() == fresh()
    before = stored()
    check_in(person.key_results.get(), 2)  # 100 % → 20 %: every goal of the chain moves
    assert stored() == fresh()
    assert all(stored()[pk] != before[pk] for pk in (person.pk, team.pk, marketing.pk))
    services.goal_update(actor=SYSTEM, goal_id=team.pk, expected_version=None, parent=sales)
    assert stored() == fresh()
    services.goal_update(actor=SYSTEM, goal_id=sales.pk, expected_version=None, weight=0)
    services.key_result_delete(actor=SYSTEM, key_result_id=marketing.key_results.get().pk)
    assert stored() == fresh()
    Goal.objects.update(progress=None, at_risk=False)  # whatever happened, the daily job repairs
    assert rollup_refresh_all() > 0
    assert stored() == fresh()


def test_standings_are_computed_from_plain_rows():
    goals = [(1, None, 1, "active"), (2, 1, 1, "active"), (3, 1, 1, "draft")]
    key_results = [
        (2, 0, 10, "increase", 5, 8.0, 1, False, "on_track"),
        (3, 0, 10, "increase", 10, None, 1, False, ""),
    ]
    figures = compute_figures(goals, key_results)
    assert figures[1].progress == pytest.approx(50)
    assert figures[1].forecast_progress == pytest.approx(80)
    assert figures[3].progress == pytest.approx(100)


def test_cycles_in_the_data_never_hang(world):
    goals = [(1, 2, 1, "active"), (2, 1, 1, "active"), (3, None, 1, "active")]
    assert set(compute_figures(goals, [])) == {3}


def test_the_chain_above_a_goal_is_one_statement_and_a_stored_loop_ends_it(world):
    top = goal(world.head, department=world.own)
    below = goal(world.head, level=Goal.Level.TEAM, department=world.team, parent=top)
    assert chain_up(below.pk) == [below.pk, top.pk]
    Goal.objects.filter(pk=top.pk).update(parent=below)  # a loop stored by hand
    with CaptureQueriesContext(connection) as captured:
        assert chain_up(below.pk) == [below.pk, top.pk]
    assert len(captured) == 1
