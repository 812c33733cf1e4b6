"""A step that needs a skill goes only to people assessed at its level: the coordinator's latest
assessment counts over the person's own; nobody able means a refusal naming the skill."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from deptcoord.people.models import Assessment
from deptcoord.planning.builder import build_problem, person_key, skill_key, step_key
from tests.people.helpers import system_catalogue
from tests.planning.helpers import MONDAY, WINDOW_END, build_plan, make_step, start_run

pytestmark = pytest.mark.django_db


def assess(person, skill, level, kind, days_ago=10):
    return Assessment.objects.create(
        person=person, skill=skill, level=level, kind=kind, day=MONDAY - timedelta(days=days_ago)
    )


@pytest.fixture
def seo():
    return system_catalogue()[1]


def _problem(world, plan):
    return build_problem(
        department=world.own,
        project=plan.project,
        goals=[plan.launch, plan.teaser],
        start=MONDAY,
        end=WINDOW_END,
    ).problem


def test_only_people_at_the_level_may_do_the_step(world, seo):
    plan = build_plan(world)
    audit = make_step(world, plan.project, "SEO audit", 6, required_skill=seo, required_level=3)
    assess(world.member, seo, 4, Assessment.Kind.SELF)
    assess(world.peer, seo, 2, Assessment.Kind.SELF)
    problem = _problem(world, plan)
    step = next(s for s in problem.steps if s.step_id == step_key(audit.pk))
    assert step.eligible_person_ids == (person_key(world.member.pk),)
    assert step.skill == skill_key(seo.pk)
    people = {p.person_id: p.skills for p in problem.people}
    assert people[person_key(world.member.pk)] == frozenset({skill_key(seo.pk)})
    assert person_key(world.peer.pk) not in people  # eligible for nothing in this plan


def test_the_coordinator_assessment_counts_over_the_self_assessment(world, seo):
    plan = build_plan(world)
    audit = make_step(world, plan.project, "SEO audit", 6, required_skill=seo, required_level=3)
    assess(world.member, seo, 5, Assessment.Kind.SELF, days_ago=2)
    assess(world.member, seo, 2, Assessment.Kind.COORDINATOR, days_ago=20)
    assess(world.peer, seo, 1, Assessment.Kind.COORDINATOR, days_ago=30)
    assess(world.peer, seo, 3, Assessment.Kind.COORDINATOR, days_ago=5)
    problem = _problem(world, plan)
    step = next(s for s in problem.steps if s.step_id == step_key(audit.pk))
    assert step.eligible_person_ids == (person_key(world.peer.pk),)


def test_a_fixed_assignee_keeps_the_step_and_level_zero_lets_everyone(world, seo):
    plan = build_plan(world)
    fixed = make_step(
        world, plan.project, "Fixed", 2, world.peer, required_skill=seo, required_level=5
    )
    anyone = make_step(world, plan.project, "Anyone", 2, required_skill=seo, required_level=0)
    steps = {s.step_id: s for s in _problem(world, plan).steps}
    assert steps[step_key(fixed.pk)].eligible_person_ids == (person_key(world.peer.pk),)
    assert person_key(world.member.pk) in steps[step_key(anyone.pk)].eligible_person_ids


def test_nobody_with_the_skill_is_refused_naming_it(world, seo):
    plan = build_plan(world)
    make_step(world, plan.project, "SEO audit", 6, required_skill=seo, required_level=4)
    assess(world.member, seo, 3, Assessment.Kind.COORDINATOR)
    with pytest.raises(ValidationError) as raised:
        start_run(world, plan)
    text = " ".join(raised.value.messages)
    assert "“SEO audit”" in text
    assert "“SEO” at level 4 or above" in text
