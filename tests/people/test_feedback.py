"""Feedback is as confidential as promised: who sees what, reads recorded, warnings follow a
person who moves, acknowledged warnings are final, and only the subject is told."""

from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.notices.models import Notification
from deptcoord.org.models import Membership
from deptcoord.people import services
from deptcoord.people.models import ConfidentialRead, Feedback
from tests.factories import client_for, member
from tests.people.helpers import actor, warning


def test_a_warning_is_read_by_subject_author_head_and_hr_only(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    url = reverse("people:feedback_detail", kwargs={"pk": given.pk})
    api = f"/api/v1/feedback/{given.pk}"
    expected = {
        "member": 200,
        "coordinator": 200,
        "head": 200,
        "hr": 200,
        "admin": 404,
        "executive": 404,
        "peer": 404,
        "team_member": 404,
        "other_coordinator": 404,
        "other_member": 404,
        "guest": 404,
    }
    for role, status in expected.items():
        client = client_for(world.person(role))
        assert client.get(url).status_code == status, role
        assert client.get(api).status_code == status, role
        listed = client.get("/api/v1/feedback?kind=warning").json()["items"]
        assert (given.pk in [item["id"] for item in listed]) == (status == 200), role


def test_every_read_is_recorded_and_shown_to_the_subject_and_hr(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    client_for(world.head).get(reverse("people:feedback_detail", kwargs={"pk": given.pk}))
    client_for(world.hr).get(f"/api/v1/feedback/{given.pk}")
    reads = ConfidentialRead.objects.filter(feedback=given)
    assert sorted(reads.values_list("reader__full_name", "via")) == [("HR", "api"), ("Head", "web")]
    assert AuditEntry.objects.filter(action="people.confidential.read").count() == 2
    page = client_for(world.member).get(reverse("people:feedback_detail", kwargs={"pk": given.pk}))
    assert "Who read this" in page.content.decode() and "Head" in page.content.decode()
    head_page = client_for(world.head).get(
        reverse("people:feedback_detail", kwargs={"pk": given.pk})
    )
    assert "Who read this" not in head_page.content.decode()
    readers = client_for(world.member).get(f"/api/v1/feedback/{given.pk}/reads").json()
    # the head (twice) and HR, newest first; the member's own reads are not shown back
    assert [row["reader_id"] for row in readers] == [world.head.pk, world.hr.pk, world.head.pk]
    assert client_for(world.head).get(f"/api/v1/feedback/{given.pk}/reads").status_code == 403


def test_lists_never_show_confidential_text(world, catalogue):
    warning(world.member, world.coordinator, catalogue.written, body="Secret words")
    services.feedback_give(
        actor=actor(world.peer),
        subject=world.member,
        kind="praise",
        body="Lovely launch video",
        visibility="public",
    )
    page = client_for(world.member).get(reverse("people:feedback")).content.decode()
    assert "Lovely launch video" in page and "Secret words" not in page
    items = client_for(world.member).get("/api/v1/feedback").json()["items"]
    assert {item["kind"]: item["body"] for item in items} == {
        "warning": None,
        "praise": "Lovely launch video",
    }
    assert not ConfidentialRead.objects.exists()


def test_the_audit_trail_never_copies_confidential_text(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written, body="Secret words")
    entries = AuditEntry.objects.filter(target_type="people.Feedback", target_id=str(given.pk))
    assert entries.exists()
    assert all("Secret words" not in str(entry.changes) for entry in entries)


def test_executives_see_praise_and_not_advice_or_warnings(world, catalogue):
    praise = services.feedback_give(
        actor=actor(world.peer), subject=world.member, kind="praise", body="Thanks"
    )
    advice = services.feedback_give(
        actor=actor(world.coordinator), subject=world.member, kind="advice", body="Pair more"
    )
    client = client_for(world.executive)
    assert client.get(f"/api/v1/feedback/{praise.pk}").status_code == 200
    assert client.get(f"/api/v1/feedback/{advice.pk}").status_code == 404
    assert client.get(reverse("people:person", kwargs={"pk": world.member.pk})).status_code == 200


def test_warnings_follow_a_person_to_their_new_head(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    sales_head = member(world.other, "head", full_name="Sales head")
    url = reverse("people:feedback_detail", kwargs={"pk": given.pk})
    assert client_for(sales_head).get(url).status_code == 404
    Membership.objects.filter(person=world.member).update(department=world.other)
    world.member.primary_department = world.other
    world.member.save()
    assert client_for(sales_head).get(url).status_code == 200
    assert client_for(world.head).get(url).status_code == 404
    assert client_for(world.coordinator).get(url).status_code == 200  # the author keeps it
    assert client_for(world.hr).get(url).status_code == 200


def test_private_notes_stay_with_their_author(world, catalogue):
    meeting = services.one_on_one_create(
        actor=actor(world.coordinator), member=world.member, scheduled_at="2026-12-01T09:00+07:00"
    )
    services.private_note_add(
        actor=actor(world.coordinator), one_on_one_id=meeting.pk, body="Seems tired"
    )
    url = reverse("people:one_on_one_detail", kwargs={"pk": meeting.pk})
    assert "Seems tired" in client_for(world.coordinator).get(url).content.decode()
    for role in ("member", "hr", "admin"):
        assert "Seems tired" not in client_for(world.person(role)).get(url).content.decode()
    notes = client_for(world.member).get(f"/api/v1/one-on-ones/{meeting.pk}/private-notes")
    assert notes.json() == []
    Membership.objects.filter(person=world.member).update(department=world.other)
    assert "Seems tired" in client_for(world.coordinator).get(url).content.decode()
    assert ConfidentialRead.objects.filter(reader=world.coordinator).count() == 2


def test_acknowledging_stamps_the_time_and_only_the_subject_is_told(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written)
    notified = Notification.objects.filter(kind="people.warning_issued")
    assert list(notified.values_list("recipient", flat=True)) == [world.member.pk]
    client = client_for(world.member)
    client.post(reverse("people:feedback_acknowledge", kwargs={"pk": given.pk}))
    given.refresh_from_db()
    assert given.acknowledged_at is not None
    response = client_for(world.coordinator).patch(
        f"/api/v1/feedback/{given.pk}",
        {"body": "Rewritten", "version": given.version},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert Feedback.objects.get(pk=given.pk).body == "Late three times"


def test_praise_tells_the_subject_and_public_praise_is_on_the_wall(world, catalogue):
    services.feedback_give(
        actor=actor(world.peer),
        subject=world.member,
        kind="praise",
        body="Great teaser",
        visibility="public",
    )
    services.feedback_give(
        actor=actor(world.peer), subject=world.member, kind="praise", body="Quiet thanks"
    )
    assert (
        Notification.objects.filter(kind="people.feedback_given", recipient=world.member).count()
        == 2
    )
    wall = client_for(world.other_member).get(reverse("people:wall")).content.decode()
    assert "Great teaser" in wall and "Quiet thanks" not in wall


def test_notifications_read_in_each_language(world, catalogue):
    warning(world.member, world.coordinator, catalogue.written)
    notification = Notification.objects.get(kind="people.warning_issued")
    assert "Written warning" in notification.message_en
    assert "Cảnh cáo bằng văn bản" in notification.message_vi
    assert "đã gửi bạn một cảnh cáo" in notification.message_vi
