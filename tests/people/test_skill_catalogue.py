"""The skill catalogue is org's (the people app names it for its pages): the same tables, and a
skill's history from before the move still shows on its page."""

import pytest
from django.urls import reverse

from deptcoord.audit.services import audit_record
from deptcoord.core.actor import SYSTEM
from deptcoord.org import models as org_models
from deptcoord.people import models as people_models
from deptcoord.people import services
from tests.factories import client_for

pytestmark = pytest.mark.django_db


def test_the_skill_catalogue_is_orgs_and_keeps_its_tables():
    assert people_models.Skill is org_models.Skill
    assert people_models.SkillCategory is org_models.SkillCategory
    assert org_models.Skill._meta.label == "org.Skill"
    assert org_models.Skill._meta.db_table == "people_skill"
    assert org_models.SkillCategory._meta.db_table == "people_skillcategory"
    assert list(people_models.LEVELS) == [0, 1, 2, 3, 4, 5]


def test_a_skills_history_from_before_the_move_still_shows_on_its_page(world, catalogue):
    audit_record(
        actor=SYSTEM,
        kind="update",
        action="people.skill.update",
        target_type="people.Skill",
        target_id=str(catalogue.seo.pk),
        target_label="Search engine optimisation",
        changes={"name_en": ["Search engine optimisation", "SEO"]},
    )
    services.skill_update(
        actor=SYSTEM,
        skill_id=catalogue.seo.pk,
        expected_version=catalogue.seo.version,
        description="Ranking in search",
    )
    response = client_for(world.admin).get(reverse("people:skill_edit", args=[catalogue.seo.pk]))
    assert response.status_code == 200
    entries = response.context["history"]
    assert [entry.target_type for entry in entries] == ["org.Skill", "people.Skill", "org.Skill"]
    assert [entry.action for entry in entries] == [
        "people.skill.update",
        "people.skill.update",  # written before the catalogue moved, under the old label
        "people.skill.create",
    ]
