"""The demo company's records: the SM Home launch in four departments, searchable at once."""

import pytest
from django.utils import timezone, translation

from deptcoord.demo import goals as goals_demo
from deptcoord.demo import records as records_demo
from deptcoord.demo.org import load_demo_company
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.records.models import Document, Note
from deptcoord.search.query import search


@pytest.fixture(autouse=True)
def _english():
    """Read in English, as the other records tests do (an earlier test may leave another active)."""
    with translation.override("en"):
        yield


def test_demo_records_are_written_once_and_searchable(db):
    today = timezone.localdate()
    load_demo_company("!", today)
    goals_demo.load(today)
    records_demo.load(today)
    records_demo.load(today)
    assert Note.objects.count() == 7 and Document.objects.count() == 3
    departments = set(Note.objects.values_list("department__code", flat=True))
    assert departments == {"MKT", "SAL", "PRD", "CS"}
    coordinator = Person.objects.get(email="tuan.ngo@saomai.vn")
    result = search(role_facts_for_person(coordinator), "ke hoach ra mat")
    assert result.counts["note"] >= 1 and result.counts.get("document") == 1
    assert search(role_facts_for_person(coordinator), "sm home").counts["goal"] >= 1
    assert (
        search(role_facts_for_person(coordinator), "nha cung cap").total == 0
    )  # Product's private note
