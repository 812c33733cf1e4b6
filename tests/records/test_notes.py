"""Notes: written, changed and deleted through the services, with their audit entries, tags,
links and privacy; bad input changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deptcoord.access import Action, can
from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import SYSTEM
from deptcoord.core.versioning import StaleVersionError
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records import messages, services
from deptcoord.records.models import Note
from deptcoord.records.selectors import links_for
from tests.factories import client_for
from tests.goals.helpers import goal
from tests.records.helpers import actor, counts, note


def test_writing_a_note_records_it_with_its_tags(world):
    written = note(world.member, world.own, tags=" Launch, #pricing ,launch")
    assert written.tag_names == ["launch", "pricing"]
    entry = AuditEntry.objects.get(target_type="records.Note", target_id=str(written.pk))
    assert entry.kind == "create" and entry.department_id == world.own.pk
    assert entry.changes["title"] == [None, "Kế hoạch ra mắt"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "   "}, "title", messages.TITLE_REQUIRED),
        ({"title": "x" * 201}, "title", messages.TITLE_TOO_LONG),
        ({"tags": ",".join(f"t{n}" for n in range(11))}, "tags", messages.TOO_MANY_TAGS),
        ({"body": "x" * 100_001}, "body", messages.BODY_TOO_LONG),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(world, fields, field, message):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        note(world.member, world.own, **fields)
    assert refused.value.message_dict[field] == [str(message)]
    assert counts() == before


def test_a_person_cannot_write_in_another_department(world):
    before = counts()
    with pytest.raises(PermissionDenied):
        note(world.member, world.other)
    assert counts() == before


def test_a_stale_edit_is_refused(world):
    written = note(world.member, world.own)
    services.note_update(
        actor=actor(world.member), note_id=written.pk, expected_version=1, title="Second"
    )
    with pytest.raises(StaleVersionError):
        services.note_update(
            actor=actor(world.coordinator), note_id=written.pk, expected_version=1, title="Third"
        )
    written.refresh_from_db()
    assert written.title == "Second" and written.version == 2


def test_private_notes_are_for_those_who_run_the_department(world):
    private = note(world.coordinator, world.own, title="Pay review", is_private=True)
    for person, allowed in [
        (world.head, True),
        (world.coordinator, True),
        (world.admin, True),
        (world.member, False),
        (world.executive, False),
        (world.team_member, False),
    ]:
        assert can(role_facts_for_person(person), Action.VIEW, private) is allowed, person


def test_people_of_a_team_read_their_department_notes_but_do_not_write_there(world):
    shared = note(world.coordinator, world.own)
    facts = role_facts_for_person(world.team_member)
    assert can(facts, Action.VIEW, shared)
    assert not can(facts, Action.CHANGE, shared)
    assert not can(facts, Action.ADD_RECORD, Note(department=world.own))


def test_meetings_file_decisions_as_notes(world):
    decision = services.note_create(
        actor=SYSTEM,
        department=world.other,
        author=world.other_coordinator,
        title="Retail price 1.990.000 ₫",
        source=Note.Source.MEETING_DECISION,
    )
    assert decision.get_source_display() == "Meeting decision"
    page = client_for(world.other_member).get(f"/records/departments/{world.other.pk}/")
    assert "Meeting decision" in page.content.decode()


def test_links_only_to_visible_records_and_hidden_links_are_not_shown(world):
    sales_goal = goal(
        world.other_coordinator, department=world.other, title_en="Retail launch", private=True
    )
    with pytest.raises(ValidationError) as refused:
        note(world.member, world.own, links=[("goal", sales_goal.pk)])
    assert refused.value.message_dict["target"] == [str(messages.LINK_NOT_FOUND)]
    written = note(world.other_coordinator, world.other, links=[sales_goal, world.peer])
    written.department = world.own  # shown to Marketing, the Sales goal stays hidden
    names = [row.name for row in links_for(role_facts_for_person(world.member), written)]
    assert names == ["Peer"]
    names = [row.name for row in links_for(role_facts_for_person(world.other_member), written)]
    assert names == ["Retail launch", "Peer"]


def test_the_department_page_shows_pinned_notes_first_and_filters_by_tag(world):
    note(world.member, world.own, title="Old FAQ", tags="faq")
    note(world.coordinator, world.own, title="Launch brief", is_pinned=True, tags="launch")
    note(world.member, world.own, title="New idea")
    client = client_for(world.member)
    page = client.get(f"/records/departments/{world.own.pk}/").content.decode()
    assert page.index("Launch brief") < page.index("New idea") < page.index("Old FAQ")
    filtered = client.get(f"/records/departments/{world.own.pk}/?tag=faq").content.decode()
    assert "Old FAQ" in filtered and "New idea" not in filtered


def test_writing_a_note_from_the_page(world):
    client = client_for(world.member)
    response = client.post(
        f"/records/departments/{world.own.pk}/notes/new/",
        {"department": world.own.pk, "title": "Hỏi đáp", "body": "**Bảo hành** 24 tháng"},
    )
    written = Note.objects.get(title="Hỏi đáp")
    assert response.status_code == 302 and response["Location"] == f"/records/notes/{written.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "<strong>Bảo hành</strong>" in page


def test_the_note_page_in_vietnamese(world):
    written = note(world.coordinator, world.own, is_pinned=True)
    client = client_for(world.member)
    client.cookies["django_language"] = "vi"
    page = client.get(f"/records/notes/{written.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'lang="vi"' in page
    assert "Lịch sử" in page


def test_tags_count_each_visible_note_and_document_once(world):
    from deptcoord.records.selectors import department_tags
    from tests.records.helpers import document

    note(world.member, world.own, title="A", tags="launch, faq")
    note(world.member, world.own, title="B", tags="launch")
    note(world.coordinator, world.own, title="C", tags="launch", is_private=True)
    document(world.member, world.own, tags="launch")
    tags = department_tags(role_facts_for_person(world.member), world.own)
    assert [(tag.name, tag.uses) for tag in tags] == [("faq", 1), ("launch", 3)]
