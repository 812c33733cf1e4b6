"""The benchmark company generator at size S: the counts asked for, sound references, the same
company for the same seed, and an audit trail that verifies."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.db.models import F

from deptcoord.audit.models import AuditEntry
from deptcoord.audit.services import verify_chain
from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.scale import SIZES
from deptcoord.demo.generator.stages import generate
from deptcoord.goals.models import CheckIn, Goal, KeyResult
from deptcoord.meetings.models import AgendaItem, Event, Meeting, Participant
from deptcoord.org.models import Department, Membership, Person
from deptcoord.people.models import Assessment, Feedback
from deptcoord.records.models import Note
from deptcoord.search.models import SearchEntry
from deptcoord.work.models import Dependency, Expense, Project, Request, Step, TimeEntry

SIZE = SIZES["S"]
TODAY = date(2026, 11, 27)


def _build(seed=7):
    return generate(Context(scale=SIZE, seed=seed, today=TODAY))


def _fingerprint():
    """The company without its database ids."""
    return (
        sorted(Department.objects.values_list("code", "name_vi", "parent__code")),
        sorted(
            Person.objects.values_list("full_name", "email", "primary_department__code", "is_hr")
        ),
        sorted(Goal.objects.values_list("title_vi", "level", "owner__email", "parent__title_en")),
        sorted(KeyResult.objects.values_list("goal__title_en", "target_value", "current_value")),
        CheckIn.objects.count(),
        sorted(AuditEntry.objects.values_list("created_at", "action", "target_label")),
        sorted(Project.objects.values_list("code", "title_vi", "lead_department__code", "budget")),
        sorted(
            Step.objects.values_list("title_vi", "project__code", "assignee__email", "due"),
            key=str,
        ),
        sorted(
            Dependency.objects.values_list("predecessor__title_en", "successor__project__code"),
            key=str,
        ),
        sorted(Meeting.objects.values_list("title_vi", "starts_at", "rrule", "organiser__email")),
        sorted(Note.objects.values_list("title", "department__code", "author__email")),
    )


def _fingerprint_of(seed):
    """Build a company, read its fingerprint, and roll it back."""
    with transaction.atomic():
        _build(seed)
        fingerprint = _fingerprint()
        transaction.set_rollback(True)
    return fingerprint


@pytest.mark.django_db
def test_size_s_has_the_counts_it_promises_and_sound_references():
    counts = _build()
    assert counts["departments"] == SIZE.departments == Department.objects.count()
    assert counts["people"] == SIZE.people == Person.objects.count()
    assert Goal.objects.count() == SIZE.goals
    assert KeyResult.objects.count() == SIZE.key_results
    assert CheckIn.objects.count() == counts["check-ins"] > 0
    assert AuditEntry.objects.count() == SIZE.audit_entries
    # Every person belongs to their primary department; every department has a head.
    assert not Person.objects.exclude(memberships__department=F("primary_department"))
    assert set(Membership.objects.filter(role="head").values_list("department", flat=True)) == set(
        Department.objects.values_list("pk", flat=True)
    )
    # Goals align under the level above.
    above = {"department": "company", "team": "department", "person": "team"}
    for level, parent_level in above.items():
        parents = set(Goal.objects.filter(level=level).values_list("parent__level", flat=True))
        assert parents == {parent_level}
    # Projects, steps, links, meetings and notes at the size asked for.
    assert Project.objects.count() == SIZE.projects
    assert not Project.objects.filter(departments__isnull=True).exists()
    assert Step.objects.count() == SIZE.steps
    assert Step.objects.filter(project__isnull=False).count() >= SIZE.steps * 0.85
    assert Step.objects.filter(assignee__isnull=False).count() >= SIZE.steps * 0.85
    assert Dependency.objects.count() == SIZE.dependencies
    assert Meeting.objects.count() == SIZE.meetings
    assert Meeting.objects.exclude(rrule="").exists()
    assert Note.objects.count() == SIZE.notes
    for model in (Assessment, Feedback, Request, TimeEntry, Expense, Participant, AgendaItem):
        assert model.objects.exists(), model
    assert Event.objects.exists()
    # A step belongs to one of its project's departments and is assigned within it.
    assert (
        not Step.objects.filter(project__isnull=False)
        .exclude(department__projects=F("project"))
        .exists()
    )
    assert (
        not Step.objects.exclude(assignee__isnull=True)
        .exclude(assignee__primary_department=F("department"))
        .exists()
    )
    # Steps that fell overdue before today were noted on their day: the first night's job
    # does not treat a company's whole history as slips of yesterday.
    late = Step.objects.exclude(status="done").filter(due__lt=TODAY)
    assert late.exists()
    assert not late.filter(overdue_noted_on__isnull=True).exists()
    assert not Step.objects.filter(due__gte=TODAY, overdue_noted_on__isnull=False).exists()
    # Links always run from an earlier step to a later one: the graph has no cycle.
    assert not Dependency.objects.filter(predecessor_id__gte=F("successor_id")).exists()
    # Every note is in the search index, and searching finds them.
    assert SearchEntry.objects.filter(kind="note").count() == SIZE.notes
    connection.check_constraints()
    assert verify_chain() == []


@pytest.mark.django_db
def test_the_same_seed_builds_the_same_company_and_another_seed_another():
    first = _fingerprint_of(7)
    assert _fingerprint_of(7) == first
    assert _fingerprint_of(8)[1] != first[1]
