"""Notifications: in both languages, e-mailed once, never about what the recipient cannot see."""

from django.test import TestCase
from django.utils.translation import gettext_lazy as _

from deptcoord.core.actor import Actor
from deptcoord.notices.models import Notification
from deptcoord.notices.notifications import notify
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.services import membership_set
from tests.factories import client_for

MESSAGE = _("%(name)s added you to %(department)s.")


def test_new_role_is_told_in_both_languages_and_emailed_in_the_recipients(world, mailoutbox):
    world.team_member.language = "vi"
    world.team_member.save()
    head = Actor(person=world.head, facts=role_facts_for_person(world.head))
    with TestCase.captureOnCommitCallbacks(execute=True):
        membership_set(
            actor=head, person=world.team_member, department=world.own, role="coordinator"
        )
    notification = Notification.objects.get(recipient=world.team_member)
    assert notification.message_en == "Head made you Coordinator in Marketing."
    assert "Điều phối viên" in notification.message_vi
    assert "Phòng Marketing" in notification.message_vi
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [world.team_member.email]
    assert notification.message_vi in mailoutbox[0].body
    assert f"/org/departments/{world.own.pk}/" in mailoutbox[0].body


def test_nobody_is_told_about_what_they_cannot_see(world, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = notify(
            recipient=world.guest,
            kind="org.test",
            message=MESSAGE,
            params={"name": "x", "department": "y"},
            target=world.own,
        )
    assert result is None
    assert not Notification.objects.exists() and mailoutbox == []


def test_bell_counts_and_opening_marks_read(world):
    for _index in range(3):
        notify(
            recipient=world.member,
            kind="org.test",
            message=MESSAGE,
            params={"name": "Head", "department": "Marketing"},
            url="/org/",
        )
    client = client_for(world.member)
    bell = client.get("/notifications/bell/").content.decode()
    assert "Notifications: 3 unread" in bell
    first = Notification.objects.filter(recipient=world.member).first()
    response = client.post(f"/notifications/{first.pk}/open/")
    assert response["Location"] == "/org/"
    assert "Notifications: 2 unread" in client.get("/notifications/bell/").content.decode()
    client.post("/notifications/read-all/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_open_never_redirects_off_site(world):
    notification = Notification.objects.create(
        recipient=world.member,
        kind="x",
        message_en="x",
        message_vi="x",
        url="https://evil.example/",
    )
    response = client_for(world.member).post(f"/notifications/{notification.pk}/open/")
    assert response["Location"] == "/notifications/"
