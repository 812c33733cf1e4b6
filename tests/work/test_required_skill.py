"""A step may need a skill at a level: set on the form, the API and the plan import, shown on
the step's page, and refused clearly when the skill or level is wrong."""

import json

import pytest
from django.urls import reverse

from deptcoord.work import messages, services
from deptcoord.work.models import Step
from tests.factories import client_for
from tests.people.helpers import system_catalogue
from tests.work.helpers import actor, project, step
from tests.work.test_bad_input import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    _category, seo, ads, _profile = system_catalogue()
    return seo, ads


def _api(client, method, path, body):
    return client.generic(method, path, data=json.dumps(body), content_type="application/json")


def test_step_needs_a_skill_at_a_level_and_its_page_says_so(world, skills):
    seo, _ads = skills
    made = services.step_create(
        actor=actor(world.coordinator),
        department=world.own,
        title_en="Landing page SEO",
        required_skill=seo,
        required_level=3,
    )
    assert (made.required_skill, made.required_level) == (seo, 3)
    page = client_for(world.member).get(reverse("work:step", args=[made.pk]))
    assert "SEO, level 3 or above" in page.content.decode()


def test_a_skill_without_a_level_needs_level_zero_and_no_skill_no_level(world, skills):
    seo, _ads = skills
    with_skill = services.step_create(
        actor=actor(world.coordinator), department=world.own, title_en="A", required_skill=seo
    )
    without = services.step_create(
        actor=actor(world.coordinator), department=world.own, title_en="B"
    )
    assert with_skill.required_level == 0
    assert (without.required_skill, without.required_level) == (None, None)


@pytest.mark.parametrize("level", [6, -1, "high"])
def test_level_outside_zero_to_five_is_refused(world, skills, level):
    seo, _ads = skills
    refused(
        lambda: services.step_create(
            actor=actor(world.coordinator),
            department=world.own,
            title_en="Banner",
            required_skill=seo,
            required_level=level,
        ),
        "required_level",
        messages.SKILL_LEVEL_RANGE,
    )


def test_level_without_a_skill_is_refused(world):
    refused(
        lambda: services.step_create(
            actor=actor(world.coordinator), department=world.own, title_en="B", required_level=2
        ),
        "required_level",
        messages.SKILL_LEVEL_WITHOUT_SKILL,
    )


def test_edit_form_sets_and_clears_the_skill(world, skills):
    seo, _ads = skills
    made = step(world.own, "Banner")
    client = client_for(world.coordinator)
    url = reverse("work:step_edit", args=[made.pk])
    fields = {
        "title_en": "Banner",
        "department": world.own.pk,
        "status": "todo",
        "priority": 2,
        "progress": 0,
        "version": made.version,
    }
    response = client.post(url, {**fields, "required_skill": seo.pk, "required_level": 4})
    assert response.status_code == 302
    made.refresh_from_db()
    assert (made.required_skill_id, made.required_level) == (seo.pk, 4)
    bad = client.post(url, {**fields, "version": made.version, "required_level": 2})
    assert str(messages.SKILL_LEVEL_WITHOUT_SKILL) in bad.content.decode()
    cleared = client.post(url, {**fields, "version": made.version})
    assert cleared.status_code == 302
    made.refresh_from_db()
    assert (made.required_skill_id, made.required_level) == (None, None)


def test_api_takes_the_skill_and_refuses_an_unknown_one(world, skills):
    seo, _ads = skills
    client = client_for(world.coordinator)
    body = {"department_id": world.own.pk, "title_en": "Ads", "required_skill_id": seo.pk}
    created = _api(client, "POST", "/api/v1/steps", {**body, "required_level": 2})
    assert created.status_code == 201
    assert created.json()["required_skill_id"] == seo.pk
    assert created.json()["required_level"] == 2
    before = Step.objects.count()
    unknown = _api(client, "POST", "/api/v1/steps", {**body, "required_skill_id": 987654})
    assert unknown.status_code == 422
    assert "987654" in unknown.content.decode()
    assert Step.objects.count() == before
    patched = _api(
        client,
        "PATCH",
        f"/api/v1/steps/{created.json()['id']}",
        {"required_level": 9, "version": created.json()["version"]},
    )
    assert patched.status_code == 422
    assert str(messages.SKILL_LEVEL_RANGE) in patched.content.decode()


def test_plan_import_finds_the_skill_by_either_name(world, skills):
    _seo, ads = skills
    plan = project(world)
    client = client_for(world.coordinator)
    rows = [
        {
            "ref": "a",
            "title_en": "Ads",
            "department": "MKT",
            "skill": "quảng cáo số",
            "skill_level": "3",
        },
        {"ref": "b", "title_en": "Copy", "department": "MKT", "skill": "Copywriting"},
    ]
    checked = _api(client, "POST", f"/api/v1/projects/{plan.pk}/plan", {"rows": rows}).json()
    assert checked["rows"][0]["errors"] == []
    assert checked["rows"][1]["errors"] == [
        ["skill", str(messages.NO_SUCH_SKILL % {"value": "Copywriting"})]
    ]
    rows.pop()
    saved = _api(
        client, "POST", f"/api/v1/projects/{plan.pk}/plan", {"rows": rows, "commit": True}
    ).json()
    assert saved["saved"] is True
    made = Step.objects.get(title_en="Ads")
    assert (made.required_skill, made.required_level) == (ads, 3)
