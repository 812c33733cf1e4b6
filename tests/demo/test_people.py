"""The demo company's people chapter: a catalogue, a visible gap in the launch team with a plan
and a mentor, praise on the wall, an acknowledged warning and a 1:1."""

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from deptcoord import urls  # noqa: F401  (builds the URLs and API schemas before time is frozen)
from deptcoord.audit.services import verify_chain
from deptcoord.demo import people as people_demo
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.people import selectors
from deptcoord.people.models import DevelopmentPlan, Feedback, OneOnOne, SkillCategory


@freeze_time("2026-11-26 09:00", tz_offset=7)
def test_the_people_chapter_loads_once(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    people_demo.load(timezone.localdate())
    assert SkillCategory.objects.count() == 5
    plan = DevelopmentPlan.objects.get()
    assert plan.person.primary_department.code == "MKT-DIG"
    assert plan.actions.filter(kind="mentoring", mentor__primary_department__code="PRD").exists()
    coordinator = Person.objects.get(email="tuan.ngo@saomai.vn")
    view = selectors.person_skills(role_facts_for_person(coordinator), plan.person)
    assert any(skill.name_en == "Marketing analytics" for _gap, skill in view.gaps)
    assert view.suggestions
    assert Feedback.objects.filter(kind="praise", visibility="public").count() == 3
    warning = Feedback.objects.get(kind="warning")
    assert warning.acknowledged_at and warning.subject.primary_department.code == "CS"
    assert warning.level.name_en == "Written warning"
    assert OneOnOne.objects.get().talking_points.count() == 3
    assert verify_chain() == []
