"""The department activity feed: what changed, newest first, never about a record the viewer
could not open."""

from django.conf import settings

from deptcoord.audit.services import audit_record
from deptcoord.core.actor import SYSTEM
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records.selectors import activity
from tests.factories import client_for
from tests.goals.helpers import goal
from tests.records.helpers import note


def labels(person, department) -> list[str]:
    return [entry.target_label for entry in activity(role_facts_for_person(person), department)]


def test_changes_show_newest_first_with_links(world):
    first = note(world.coordinator, world.own, title="Launch brief")
    goal(world.head, department=world.own, title_en="Awareness")
    assert labels(world.member, world.own)[:2] == ["Awareness", "Launch brief"]
    page = client_for(world.member).get(f"/records/departments/{world.own.pk}/activity/")
    html = page.content.decode()
    assert f'href="/records/notes/{first.pk}/"' in html
    assert html.index("Awareness") < html.index("Launch brief")


def test_entries_about_records_the_viewer_may_not_open_are_left_out(world):
    note(world.coordinator, world.own, title="Pay review", is_private=True)
    note(world.coordinator, world.own, title="Launch brief")
    personal = goal(world.peer, level="person", department=world.own, title_en="Peer's goal")
    audit_record(
        actor=SYSTEM,
        kind="create",
        action="people.feedback.create",
        target_type="people.Feedback",
        target_id="7",
        target_label="Warning for Peer",
        department_id=world.own.pk,
    )
    audit_record(
        actor=SYSTEM,
        kind="security",
        action="access.denied",
        target_label="denied",
        department_id=world.own.pk,
    )
    member_sees = labels(world.member, world.own)
    assert member_sees == ["Launch brief"]  # not the private note, nor the peer's own goal
    assert "Warning for Peer" not in member_sees and "denied" not in member_sees
    head_sees = labels(world.head, world.own)
    assert head_sees == [personal.title_en, "Launch brief", "Pay review"]


def test_the_feed_is_for_the_department_s_people(world):
    url = f"/records/departments/{world.own.pk}/activity/"
    assert client_for(world.other_coordinator).get(url).status_code == 403
    assert client_for(world.guest).get(url).status_code == 404


def test_the_department_page_links_to_the_feed(world):
    page = client_for(world.member).get(f"/org/departments/{world.own.pk}/").content.decode()
    assert f'href="/records/departments/{world.own.pk}/activity/"' in page
    assert f'href="/records/departments/{world.own.pk}/"' in page


def test_the_feed_names_changed_fields_and_dates_in_the_readers_language(world):
    first = note(world.coordinator, world.own, title="Họp giá 2026-11-24")
    audit_record(
        actor=SYSTEM,
        kind="update",
        action="records.note.update",
        target=first,
        changes={"title": ["Họp giá", "Họp giá 2026-11-24"], "is_private": [True, False]},
        department_id=world.own.pk,
    )
    client = client_for(world.member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    html = client.get(f"/records/departments/{world.own.pk}/activity/").content.decode()
    assert "Họp giá 24/11/2026" in html and "2026-11-24" not in html
    assert "(Tiêu đề và Chỉ dành cho người điều hành phòng ban)" in html
    assert "is_private" not in html


def test_entries_naming_no_record_by_number_or_a_deleted_one_are_left_out(world):
    note(world.coordinator, world.own, title="Launch brief")
    note(world.coordinator, world.own, title="Old brief").delete()
    for target_id in ("", "draft-7", "1a", "99999999999999999999999"):
        audit_record(
            actor=SYSTEM,
            kind="update",
            action="records.note.update",
            target_type="records.Note",
            target_id=target_id,
            target_label=f"Not a record {target_id}",
            department_id=world.own.pk,
        )
    for role in ("member", "coordinator", "executive", "admin"):
        assert labels(world.person(role), world.own) == ["Launch brief"], role
