"""An app makes a kind of record searchable by registering a source: its records are indexed,
found, filtered by the access policy, counted per kind and rebuilt with the rest."""

import pytest

from deptcoord.goals import services as goal_services
from deptcoord.org.facts import role_facts_for_person
from deptcoord.search import registry
from deptcoord.search.indexing import index_record, rebuild_index, unindex_record
from deptcoord.search.models import SearchEntry
from deptcoord.search.query import search
from deptcoord.search.registry import SearchSource
from tests.goals.helpers import actor
from tests.search.test_search import found


@pytest.fixture
def standards_searched(monkeypatch):
    """Standards registered as a search source, as an app would in its ``ready``."""
    from deptcoord.goals.models import Standard

    assert "standard" not in registry.sources()
    source = SearchSource(
        kind="standard",
        model=Standard,
        label="Standard",
        icon="bi-rulers",
        title_fields=("title_en", "title_vi"),
        body_fields=("description",),
        url_name="goals:standard_detail",
    )
    monkeypatch.setitem(registry._sources, "standard", source)
    return source


def standard(world, department, title_en, title_vi=""):
    runner = world.head if department == world.own else world.other_coordinator
    return goal_services.standard_create(
        actor=actor(runner),
        department=department,
        owner=runner,
        title_en=title_en,
        title_vi=title_vi,
        description="Khách hàng được trả lời nhanh",
        metric="percent",
        threshold=95,
        frequency="weekly",
    )


def test_a_newly_registered_source_is_indexed_and_found(world, standards_searched):
    kept = standard(world, world.own, "Questions answered in 24 h", "Trả lời trong 24 giờ")
    index_record(kept)
    entry = SearchEntry.objects.get(kind="standard", object_id=kept.pk)
    assert entry.url == f"/goals/standards/{kept.pk}/"
    assert found(world.member, "tra loi") == ["Questions answered in 24 h"]
    assert found(world.member, "khach hang") == ["Questions answered in 24 h"]
    result = search(role_facts_for_person(world.member), "tra loi")
    assert result.counts == {"standard": 1}
    assert result.page.object_list[0].icon == "bi-rulers"
    unindex_record(kept)
    assert found(world.member, "tra loi") == []


def test_a_new_source_keeps_to_the_access_policy_and_is_rebuilt(world, standards_searched):
    own = standard(world, world.own, "Returns under 2 %")
    hidden = standard(world, world.other, "Returns handled in 3 days")
    counts = rebuild_index()
    assert counts["standard"] == 2
    assert SearchEntry.objects.filter(kind="standard").count() == 2
    assert found(world.member, "returns") == ["Returns under 2 %"]
    assert sorted(found(world.admin, "returns")) == sorted([own.title_en, hidden.title_en])
    only = search(role_facts_for_person(world.admin), "returns", kind="standard")
    assert only.total == 2 and only.counts == {"standard": 2}


def test_without_its_source_a_kind_is_not_indexed(world):
    kept = standard(world, world.own, "Questions answered in 24 h")
    index_record(kept)
    assert not SearchEntry.objects.filter(kind="standard").exists()
    assert found(world.admin, "questions answered") == []
