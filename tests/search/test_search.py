"""The one search box: diacritics ignored, titles first, never a record the viewer could not
open, kept in step by the services."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from deptcoord.goals import services as goal_services
from deptcoord.goals.models import Goal
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records import services
from deptcoord.search.models import SearchEntry
from deptcoord.search.query import search
from tests.factories import client_for
from tests.goals.helpers import goal, key_result
from tests.records.helpers import actor, document, note


def found(person, query, **options) -> list[str]:
    """The titles a person finds, best first."""
    result = search(role_facts_for_person(person), query, **options)
    with translation.override("en"):
        return [item.entry.title for item in result.page.object_list] if result.page else []


def test_ke_hoach_finds_ke_hoach_with_its_diacritics(world):
    note(world.coordinator, world.own, title="Kế hoạch ra mắt SM Home")
    assert found(world.member, "ke hoach") == ["Kế hoạch ra mắt SM Home"]
    assert found(world.member, "KẾ HOẠCH") == ["Kế hoạch ra mắt SM Home"]


def test_d_with_stroke_is_found_as_d(world):
    note(world.coordinator, world.own, title="Danh sách đại lý", body="Đà Nẵng")
    assert found(world.member, "dai ly") == ["Danh sách đại lý"]
    assert found(world.member, "da nang") == ["Danh sách đại lý"]


def test_the_last_word_is_also_a_prefix(world):
    note(world.coordinator, world.own, title="Chiến dịch quảng cáo")
    assert found(world.member, "chien dich quang") == ["Chiến dịch quảng cáo"]


def test_title_matches_rank_above_text_matches(world):
    note(world.coordinator, world.own, title="Checklist", body="Giá bán lẻ và khuyến mãi " * 3)
    note(world.coordinator, world.own, title="Giá bán lẻ", body="Một dòng.")
    assert found(world.member, "gia ban") == ["Giá bán lẻ", "Checklist"]


def test_documents_are_found_by_the_text_of_their_file(world):
    document(
        world.coordinator, world.own, title="Price list", content="Chiết khấu đại lý 18 %".encode()
    )
    assert found(world.member, "chiet khau") == ["Price list"]


def test_goals_and_key_results_are_found_in_both_languages(world):
    launch = goal(world.head, department=world.own, title_en="Launch", title_vi="Ra mắt loa")
    key_result(launch, world.member, title_en="Units sold", title_vi="Số máy bán ra")
    # The key result's text carries its goal's titles: found too, below the goal itself.
    assert found(world.member, "ra mat") == ["Launch", "Units sold"]
    assert found(world.member, "so may") == ["Units sold"]
    with translation.override("vi"):
        result = search(role_facts_for_person(world.member), "ra mat")
        assert result.page.object_list[0].entry.title == "Ra mắt loa"


HIDDEN = {
    "goal": lambda world: goal(
        world.other_coordinator, department=world.other, title_en="Secret plan", private=True
    ),
    "key_result": lambda world: key_result(
        goal(world.other_coordinator, department=world.other, title_en="Sales", private=True),
        world.other_member,
        title_en="Secret plan",
    ),
    "note": lambda world: note(world.coordinator, world.own, title="Secret plan", is_private=True),
    "document": lambda world: document(world.other_coordinator, world.other, title="Secret plan"),
}


@pytest.mark.parametrize("kind", HIDDEN)
def test_a_record_the_viewer_could_not_open_never_appears(world, kind):
    HIDDEN[kind](world)
    assert SearchEntry.objects.filter(kind=kind, title_en="Secret plan").exists()
    assert found(world.member, "secret plan") == []
    assert found(world.admin, "secret plan") == ["Secret plan"]
    result = search(role_facts_for_person(world.member), "secret")
    assert result.total == 0 and result.counts == {}


def test_changes_and_deletions_keep_the_index_in_step(world):
    written = note(world.coordinator, world.own, title="Draft brief")
    services.note_update(
        actor=actor(world.coordinator), note_id=written.pk, expected_version=1, title="Final brief"
    )
    assert found(world.member, "draft") == []
    assert found(world.member, "final") == ["Final brief"]
    services.note_delete(actor=actor(world.coordinator), note_id=written.pk)
    assert found(world.member, "final") == []
    draft = goal(world.head, department=world.own, title_en="Idea", status=Goal.Status.DRAFT)
    goal_services.goal_update(
        actor=actor(world.head), goal_id=draft.pk, expected_version=None, title_en="Bright idea"
    )
    assert found(world.member, "bright") == ["Bright idea"]
    goal_services.goal_delete(actor=actor(world.head), goal_id=draft.pk)
    assert found(world.member, "bright") == []


def test_rebuilding_the_index_restores_it(world):
    note(world.coordinator, world.own, title="Kế hoạch", body="Tuần đầu")
    goal(world.head, department=world.own, title_en="Launch")
    SearchEntry.objects.all().delete()
    assert found(world.member, "ke hoach") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found(world.member, "ke hoach") == ["Kế hoạch"]
    assert found(world.member, "launch") == ["Launch"]


def test_kinds_filter_and_pagination(world):
    for number in range(25):
        note(world.coordinator, world.own, title=f"Launch note {number}")
    goal(world.head, department=world.own, title_en="Launch")
    result = search(role_facts_for_person(world.member), "launch")
    assert result.counts == {"note": 25, "goal": 1} and result.total == 26
    assert result.page.paginator.num_pages == 2 and len(result.page.object_list) == 20
    only_goals = search(role_facts_for_person(world.member), "launch", kind="goal")
    assert [item.entry.kind for item in only_goals.page.object_list] == ["goal"]


def test_the_search_page_highlights_and_badges(world):
    note(world.coordinator, world.own, title="Kế hoạch ra mắt", body="Chi tiết kế hoạch")
    page = client_for(world.member).get("/records/?q=ke+hoach").content.decode()
    assert "<mark>Kế</mark> <mark>hoạch</mark>" in page
    assert "bi-journal-text" in page and "Note" in page


def test_only_punctuation_gets_a_clear_message(world):
    page = client_for(world.member).get("/records/?q=%21%21%21+...").content.decode()
    assert "punctuation alone finds nothing" in page


def test_nothing_found_says_so(world):
    page = client_for(world.member).get("/records/?q=zebra").content.decode()
    assert "Nothing you may open matches “zebra”" in page


def test_the_top_bar_has_a_search_box(world):
    page = client_for(world.member).get("/").content.decode()
    assert 'role="search"' in page and 'action="/records/"' in page


def test_without_a_query_the_page_lists_the_departments_whose_records_you_read(world):
    page = client_for(world.member).get("/records/").content.decode()
    assert f'href="/records/departments/{world.own.pk}/"' in page
    assert f'href="/records/departments/{world.other.pk}/"' not in page
    page = client_for(world.executive).get("/records/").content.decode()
    assert f'href="/records/departments/{world.other.pk}/"' in page


def test_beyond_the_cap_the_newest_matches_are_ranked_and_counts_say_at_least(world, monkeypatch):
    monkeypatch.setattr("deptcoord.search.query.CANDIDATES", 5)
    note(world.coordinator, world.own, title="Launch plan", body="Launch day")  # the oldest
    for number in range(6):
        note(world.coordinator, world.own, title=f"Note {number}", body="launch")
    note(world.coordinator, world.own, title="Launch note", body="Hidden", is_private=True)
    goal(world.head, department=world.own, title_en="Launch")  # newest
    facts = role_facts_for_person(world.member)
    result = search(facts, "launch")
    # The best of the newest five matches the member may open (the private note is not one).
    assert result.more and result.total == 6 and result.counts == {"note": 5, "goal": 1}
    titles = [item.entry.title for item in result.page.object_list]
    assert titles[0] == "Launch" and "Launch plan" not in titles and "Note 0" not in titles
    assert result.page.paginator.count == 5
    only_notes = search(facts, "launch", kind="note")
    assert only_notes.more and only_notes.counts["note"] == 6
    assert only_notes.page.paginator.count == 5
    few = search(facts, "launch day")  # more words find the older ones
    assert not few.more and few.counts == {"note": 1}
    page = client_for(world.member).get("/records/?q=launch").content.decode()
    assert 'data-testid="search-more"' in page and "5+" in page
    api = client_for(world.member).get("/api/v1/search?q=launch").json()
    assert api["more"] is True and api["total"] == 5 and api["counts"] == {"note": 5, "goal": 1}


def test_a_search_within_the_cap_counts_exactly(world):
    for number in range(3):
        note(world.coordinator, world.own, title=f"Launch {number}")
    result = search(role_facts_for_person(world.member), "launch")
    assert not result.more and result.total == 3
    page = client_for(world.member).get("/records/?q=launch").content.decode()
    assert 'data-testid="search-more"' not in page
    assert client_for(world.member).get("/api/v1/search?q=launch").json()["more"] is False


def test_a_search_reads_the_full_text_index_once_and_pages_in_rank_order(world):
    for number in range(25):
        note(world.coordinator, world.own, title=f"Launch note {number}")
    facts = role_facts_for_person(world.member)
    with CaptureQueriesContext(connection) as captured:
        second = search(facts, "launch", page=2)
    matched = sum(query["sql"].count(" MATCH ") + query["sql"].count("@@") for query in captured)
    assert matched == 1
    first = search(facts, "launch")
    titles = [item.entry.title for item in first.page.object_list + second.page.object_list]
    assert len(titles) == 25 and len(set(titles)) == 25 and second.page.number == 2
    assert search(facts, "launch", page=9).page.number == 2  # past the end: the last page
