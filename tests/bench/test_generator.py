"""The benchmark company generator at size S: the counts asked for, sound references, the same
company for the same seed, and an audit trail that verifies."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.db.models import F

from bench.company.context import Context
from bench.company.scale import SIZES
from bench.company.stages import generate
from deptcoord.audit.models import AuditEntry
from deptcoord.audit.services import verify_chain
from deptcoord.goals.models import CheckIn, Goal, KeyResult
from deptcoord.org.models import Department, Membership, Person

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
    connection.check_constraints()
    assert verify_chain() == []


@pytest.mark.django_db
def test_the_same_seed_builds_the_same_company_and_another_seed_another():
    first = _fingerprint_of(7)
    assert _fingerprint_of(7) == first
    assert _fingerprint_of(8)[1] != first[1]
