"""What a new user reads on a goal: a key result is "not started" (not at risk) before its first
check-in until a quarter of its time has passed; a goal shows one status, never "on track" and
"at risk" at once; and the page says how its progress is computed. Both languages."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.outlook import first_check_in_due
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.rollup import rollup_refresh
from deptcoord.goals.templatetags.goals import goal_health, key_result_health
from tests.factories import client_for
from tests.goals.helpers import check_in, goal, key_result

LANGUAGES = ["en", "vi"]


def _in(language, text) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _page(person, language, target) -> str:
    person.language = language
    person.save(update_fields=["language"])
    response = client_for(person).get(reverse("goals:goal_detail", args=[target.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _header(page: str) -> str:
    return re.search(r'<p class="lead[^"]*">(.*?)</p>', page, flags=re.S).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_key_result_is_not_started_rather_than_at_risk(world, goals, language):
    # The goal's period is two-thirds gone; the key result is added today with nothing reported.
    fresh = key_result(goals.marketing, world.member, 0, 50, title_en="Leads")
    fresh.refresh_from_db()
    assert not fresh.at_risk
    goals.marketing.refresh_from_db()
    assert not goals.marketing.at_risk
    page = _page(world.head, language, goals.marketing)
    # The card without its check-in form (whose confidence choices name every status).
    card = re.search(rf'id="kr-card-{fresh.pk}".*?card-footer', page, flags=re.S).group(0)
    status = re.search(r'data-testid="kr-status">(.*?)</div>', card, flags=re.S).group(1)
    assert _in(language, "Not started") in status
    assert _in(language, "At risk") not in card


def test_without_a_check_in_for_a_quarter_of_its_time_it_is_at_risk(world, goals):
    fresh = key_result(goals.marketing, world.member, 0, 50, title_en="Leads")
    first = timezone.localdate()
    due = first_check_in_due(fresh)
    assert due == first + timedelta(days=8)  # a quarter of the 30 days left, rounded up
    outlook_refresh(key_results=[fresh], today=due - timedelta(days=1))
    assert not KeyResult.objects.get(pk=fresh.pk).at_risk
    outlook_refresh(key_results=[fresh], today=due)
    assert KeyResult.objects.get(pk=fresh.pk).at_risk


def test_a_key_result_added_long_ago_and_never_checked_in_is_at_risk(world, goals):
    KeyResult.objects.filter(pk=goals.reach.pk).update(
        created_at=timezone.now() - timedelta(days=60)
    )
    outlook_refresh(key_results=[goals.reach])
    assert KeyResult.objects.get(pk=goals.reach.pk).at_risk
    html = key_result_health(KeyResult.objects.get(pk=goals.reach.pk))
    assert "At risk" in html and "Not started" not in html


def _company_on_track_with_a_team_at_risk(world, goals):
    """The company's own key result is reported on track; Marketing's is far behind."""
    own = key_result(goals.company, world.executive, 0, 100, title_en="Launch")
    check_in(own, 90, confidence="on_track")
    check_in(goals.reach, 5, confidence="on_track")
    goals.company.refresh_from_db()
    return goals.company


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_goal_shows_one_status_never_on_track_and_at_risk_at_once(world, goals, language):
    company = _company_on_track_with_a_team_at_risk(world, goals)
    assert company.confidence == "on_track" and company.at_risk  # both stored, as before
    with translation.override(language):
        badge = str(goal_health(company))
    assert _in(language, "At risk") in badge and _in(language, "On track") not in badge
    header = _header(_page(world.executive, language, company))
    assert _in(language, "At risk") in header
    assert _in(language, "On track") not in header


def test_the_status_is_the_worse_of_confidence_and_forecast(world, goals):
    company = _company_on_track_with_a_team_at_risk(world, goals)
    company.confidence = "off_track"
    assert "Off track" in goal_health(company) and "At risk" not in goal_health(company)
    company.at_risk, company.confidence = False, "on_track"
    assert "On track" in goal_health(company)
    company.status = Goal.Status.ACHIEVED
    assert goal_health(company) == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_how_progress_is_computed(world, language):
    target = goal(world.head, department=world.own)
    first = key_result(target, world.member, 0, 100)
    check_in(first, 73)
    target.refresh_from_db()
    assert round(target.progress) == 73
    for title in ("Leads", "Visits", "Demos"):
        key_result(target, world.member, 0, 100, title_en=title)
    target.refresh_from_db()
    assert round(target.progress) == 18  # 73 / 4: the three new ones count as 0 %
    page = _page(world.head, language, target)
    basis = re.search(r'data-testid="progress-basis">(.*?)</p>', page, flags=re.S).group(1)
    with translation.override(language):
        expected = (
            translation.gettext("Average of %(parts)s, each by its weight.")
            % {
                "parts": translation.ngettext("%(count)s key result", "%(count)s key results", 4)
                % {"count": 4}
            }
            + " "
            + translation.ngettext(
                "%(count)s key result has no check-in yet and counts as 0 %%.",
                "%(count)s key results have no check-in yet and count as 0 %%.",
                3,
            )
            % {"count": 3}
        )
    assert basis == expected


def test_contributing_goals_are_named_in_the_basis(world, goals):
    check_in(goals.reach, 40)
    rollup_refresh(goal_ids=[goals.marketing.pk])
    basis = re.search(
        r'data-testid="progress-basis">(.*?)</p>',
        _page(world.executive, "en", goals.company),
        flags=re.S,
    ).group(1)
    assert basis == "Average of 1 contributing goal, each by its weight."
