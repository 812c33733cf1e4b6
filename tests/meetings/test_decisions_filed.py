"""A decision taken in a meeting is filed in its department's records as a note linked to the
meeting, found by search, and withdrawn with the decision."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from deptcoord.meetings import services
from deptcoord.meetings.models import Decision, Meeting
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records.models import Note
from deptcoord.search.linkables import linkables
from tests.meetings.helpers import actor, schedule
from tests.search.test_search import found

pytestmark = pytest.mark.django_db


def _decide(meeting, text, by=None):
    return services.decision_create(
        actor=actor(by or meeting.organiser),
        meeting=meeting,
        occurrence=meeting.starts_at.astimezone().date(),
        text=text,
    )


def test_a_decision_becomes_a_note_of_the_organisers_department(world):
    sync = schedule(
        world.coordinator,
        title_en="Launch sync",
        participants=[world.member, world.other_member],
        departments=[world.own, world.other],
    )
    decision = _decide(sync, "Launch price is 2,490,000 VND")
    note = decision.note
    assert (note.department, note.source, note.author) == (
        world.own,
        Note.Source.MEETING_DECISION,
        world.coordinator,
    )
    assert note.body == "Launch price is 2,490,000 VND"
    assert "Launch sync" in note.title
    link = note.links.get()
    assert (link.target_type, link.target_id) == (
        ContentType.objects.get_for_model(Meeting),
        sync.pk,
    )
    assert found(world.peer, "launch price") == [note.title]
    assert found(world.other_member, "launch price") == []  # Sales does not keep it


def test_withdrawing_the_decision_withdraws_the_note(world):
    sync = schedule(world.coordinator, participants=[world.member], departments=[world.own])
    decision = _decide(sync, "Print 500 leaflets")
    services.decision_delete(actor=actor(world.coordinator), decision_id=decision.pk)
    assert not Decision.objects.exists()
    assert not Note.objects.exists()
    assert found(world.member, "leaflets") == []


def test_a_one_on_one_keeps_its_decisions_to_itself(world):
    talk = schedule(world.coordinator, participants=[world.member], kind="one_on_one")
    decision = _decide(talk, "Take the SEO course")
    assert decision.note is None
    assert not Note.objects.exists()


def test_notes_and_documents_can_link_to_projects_steps_and_meetings(world):
    kinds = linkables()
    assert {"project", "step", "meeting"} <= set(kinds)
    sync = schedule(world.coordinator, title_en="Launch sync", participants=[world.member])
    assert list(kinds["meeting"].matching(role_facts_for_person(world.member), ["launch"])) == [
        sync
    ]
    assert not kinds["meeting"].matching(role_facts_for_person(world.other_member), ["launch"])


def test_the_decision_note_is_titled_in_its_authors_language(world):
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    sync = schedule(
        world.coordinator,
        title_en="Launch sync",
        participants=[world.member],
        departments=[world.own],
    )
    with translation.override("en"):  # whatever page the decision was recorded from
        decision = _decide(sync, "Print 500 leaflets")
    day = sync.starts_at.astimezone().date()
    assert decision.note.title == f"Quyết định tại cuộc họp “Launch sync”, ngày {day:%d/%m/%Y}"
    world.coordinator.language = "en"
    world.coordinator.save(update_fields=["language"])
    with translation.override("vi"):
        decision = _decide(sync, "Print 800 leaflets")
    assert decision.note.title == f"Decision of “Launch sync”, {day:%Y-%m-%d}"
