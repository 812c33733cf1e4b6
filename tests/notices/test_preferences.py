"""Notification settings: e-mail at once, in the morning digest, or in the app only; the morning
e-mail at each person's own hour; an unsubscribe link that works once."""

from datetime import UTC, datetime

import pytest
from django.test import Client, TestCase
from django.utils.translation import gettext_lazy as _

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.notices.models import Delivery, EmailSettings, Notification, NotificationPreference
from deptcoord.notices.notifications import notification_kinds, notify
from deptcoord.notices.services import preferences_set, unsubscribe_token
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import TimeOff
from deptcoord.reports.digest import people_due, send_digest
from tests.factories import client_for

MESSAGE = _("%(name)s needs you.")
KIND = "goals.check_in_reminder"
# 00:30 UTC is 07:30 in Hồ Chí Minh City and 01:30 in Paris (winter time).
SEVEN_IN_HANOI = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)


def _notify(person, target, kind=KIND, name="Lan"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return notify(
            recipient=person, kind=kind, message=MESSAGE, params={"name": name}, target=target
        )


def _choose(person, delivery, **email):
    actor = Actor(person=person, facts=role_facts_for_person(person))
    preferences_set(
        actor=actor,
        person=person,
        deliveries={KIND: delivery},
        morning_briefing=email.get("morning_briefing", False),
        digest_hour=email.get("digest_hour", 7),
    )


def test_until_a_person_chooses_each_kind_reaches_them_its_own_way(world, mailoutbox):
    _notify(world.member, world.own, kind="work.assigned")  # personal: e-mailed at once
    _notify(world.member, world.own)  # a check-in reminder waits for the digest
    _notify(world.member, world.own, kind="planning.run_finished")  # the bell only
    assert len(mailoutbox) == 1
    deliveries = list(Notification.objects.order_by("id").values_list("delivery", flat=True))
    assert deliveries == [Delivery.IMMEDIATELY, Delivery.DIGEST, Delivery.OFF]
    page = client_for(world.member).get("/notifications/settings/").content.decode()
    assert 'name="kind:work.assigned"' in page
    assert "Unless you choose: In the app only" in page  # a plan run finishing, say


def test_an_explicit_choice_is_kept_over_the_new_defaults(world, mailoutbox):
    NotificationPreference.objects.create(
        person=world.member, kind=KIND, delivery=Delivery.IMMEDIATELY
    )
    NotificationPreference.objects.create(
        person=world.member, kind="work.assigned", delivery=Delivery.OFF
    )
    _notify(world.member, world.own)
    _notify(world.member, world.own, kind="work.assigned")
    assert len(mailoutbox) == 1 and "Lan needs you." in mailoutbox[0].body
    kinds = client_for(world.member).get("/api/v1/notifications/settings").json()["kinds"]
    chosen = {item["kind"]: item["delivery"] for item in kinds}
    assert chosen[KIND] == "immediately" and chosen["work.assigned"] == "off"
    assert chosen["work.request"] == "immediately" and chosen["work.due_soon"] == "digest"


def test_unsubscribing_also_stops_the_kinds_that_go_to_the_digest_by_default(world, mailoutbox):
    token = unsubscribe_token(world.member)
    Client().post(f"/notifications/unsubscribe/{token}/")
    _notify(world.member, world.own)  # a digest kind by default
    assert Notification.objects.get().delivery == Delivery.OFF


def test_digest_and_app_only_kinds_are_not_emailed_at_once_but_still_ring_the_bell(
    world, mailoutbox
):
    _choose(world.member, Delivery.DIGEST)
    _notify(world.member, world.own)
    _choose(world.member, Delivery.OFF)
    _notify(world.member, world.own)
    assert mailoutbox == []
    assert list(Notification.objects.order_by("id").values_list("delivery", flat=True)) == [
        Delivery.DIGEST,
        Delivery.OFF,
    ]
    page = client_for(world.member).get("/notifications/").content.decode()
    assert page.count("Lan needs you.") == 2


def test_the_digest_gathers_the_days_notifications_into_one_email_at_the_persons_hour(
    world, mailoutbox
):
    _choose(world.member, Delivery.DIGEST)
    _notify(world.member, world.own, name="Lan")
    _notify(world.member, world.own, name="Minh")
    _notify(world.member, world.own, kind="org.membership", name="Hoa")  # e-mailed at once
    mailoutbox.clear()

    assert people_due(SEVEN_IN_HANOI) == [world.member]
    assert send_digest(world.member, SEVEN_IN_HANOI) is True
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "Lan needs you." in body and "Minh needs you." in body and "Hoa" not in body
    assert "2 notifications since your last summary" in body
    assert "/notifications/unsubscribe/" in body
    assert mailoutbox[0].extra_headers["List-Unsubscribe"].startswith("<http")
    assert not Notification.objects.filter(delivery=Delivery.DIGEST, emailed_at=None).exists()
    # Once a day: the next hourly run the same morning sends nothing.
    assert send_digest(world.member, SEVEN_IN_HANOI) is False
    assert people_due(SEVEN_IN_HANOI) == []
    assert len(mailoutbox) == 1


def test_the_morning_email_comes_at_each_persons_own_hour_and_time_zone(world):
    _choose(world.member, Delivery.DIGEST, digest_hour=8)
    _notify(world.member, world.own)
    world.peer.timezone = "Europe/Paris"
    world.peer.save()
    _choose(world.peer, Delivery.DIGEST)
    _notify(world.peer, world.own)
    assert people_due(SEVEN_IN_HANOI) == []  # 07:30 for the member, who asked for 08:00
    eight_in_hanoi = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
    assert people_due(eight_in_hanoi) == [world.member]
    seven_in_paris = datetime(2026, 11, 27, 6, 5, tzinfo=UTC)
    assert people_due(seven_in_paris) == [world.peer]


def test_the_digest_leaves_out_what_the_reader_can_no_longer_see(world, mailoutbox):
    hidden = Notification.objects.create(  # the peer's own: nobody else may see it
        recipient=world.peer, kind="test", message_en="x", message_vi="x"
    )
    _choose(world.member, Delivery.DIGEST)
    _notify(world.member, world.own, name="Lan")
    assert _notify(world.member, hidden, name="Minh") is None
    visible_then = _notify(world.member, world.own, name="Khoa")
    # The record behind the third notification moves out of the member's reach.
    Notification.objects.filter(pk=visible_then.pk).update(
        target_type="notices.Notification", target_id=str(hidden.pk)
    )
    send_digest(world.member, SEVEN_IN_HANOI)
    body = mailoutbox[0].body
    assert "Lan needs you." in body
    assert "Minh" not in body and "Khoa" not in body


def test_the_morning_briefing_comes_for_those_who_opt_in_in_their_language(world, mailoutbox):
    world.member.language = "vi"
    world.member.save()
    TimeOff.objects.create(
        person=world.peer, start_date=SEVEN_IN_HANOI.date(), end_date=SEVEN_IN_HANOI.date()
    )
    assert people_due(SEVEN_IN_HANOI) == []
    _choose(world.member, Delivery.IMMEDIATELY, morning_briefing=True)
    assert people_due(SEVEN_IN_HANOI) == [world.member]
    assert send_digest(world.member, SEVEN_IN_HANOI) is True
    body = mailoutbox[0].body
    assert world.peer.full_name in body
    assert "Tóm tắt buổi sáng" in mailoutbox[0].subject


def test_settings_page_saves_choices_and_records_them(world):
    client = client_for(world.member)
    page = client.get("/notifications/settings/").content.decode()
    assert "Reminders to check in on key results" in page
    response = client.post(
        "/notifications/settings/",
        {
            **{f"kind:{kind}": "immediately" for kind in notification_kinds()},
            f"kind:{KIND}": "digest",
            "kind:org.membership": "off",
            "digest_hour": "6",
        },
    )
    assert response.status_code == 302
    chosen = dict(
        NotificationPreference.objects.filter(person=world.member).values_list("kind", "delivery")
    )
    assert chosen[KIND] == "digest" and chosen["org.membership"] == "off"
    assert EmailSettings.objects.get(person=world.member).digest_hour == 6
    entry = AuditEntry.objects.get(action="reports.preferences.set")
    assert entry.changes["digest_hour"] == [7, 6] and entry.actor_id == world.member.pk


def test_bad_settings_are_refused_and_change_nothing(world):
    client = client_for(world.member)
    response = client.put(
        "/api/v1/notifications/settings",
        {"deliveries": {"nonsense.kind": "digest", KIND: "digest"}, "digest_hour": 30},
        content_type="application/json",
    )
    assert response.status_code == 422
    messages = {error["message"] for error in response.json()["errors"]}
    assert "There is no kind of notification called “nonsense.kind”." in messages
    assert "Choose an hour from 0 to 23." in messages
    assert not NotificationPreference.objects.exists()
    assert not AuditEntry.objects.filter(action="reports.preferences.set").exists()


def test_settings_through_the_api(world):
    client = client_for(world.member)
    response = client.put(
        "/api/v1/notifications/settings",
        {"deliveries": {KIND: "off"}, "morning_briefing": True},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = client.get("/api/v1/notifications/settings").json()
    assert body["morning_briefing"] is True and body["digest_hour"] == 7
    kinds = {item["kind"]: item["delivery"] for item in body["kinds"]}
    assert kinds[KIND] == "off" and kinds["org.membership"] == "immediately"


def test_notifications_list_and_mark_read_through_the_api(world):
    for name in ("Lan", "Minh"):
        _notify(world.member, world.own, name=name)
    _notify(world.peer, world.own, name="Khoa")
    client = client_for(world.member)
    listed = client.get("/api/v1/notifications?unread=true").json()
    assert listed["count"] == 2
    first = listed["items"][0]["id"]
    marked = client.post(
        "/api/v1/notifications/read", {"ids": [first]}, content_type="application/json"
    )
    assert marked.json() == {"marked": 1}
    assert client.get("/api/v1/notifications?unread=true").json()["count"] == 1


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_unsubscribe_link_works_once_and_a_reused_link_changes_nothing(world, language):
    _choose(world.member, Delivery.DIGEST, morning_briefing=True)
    url = f"/notifications/unsubscribe/{unsubscribe_token(world.member)}/"
    anonymous = Client()
    anonymous.cookies["deptcoord_language"] = language
    confirm = anonymous.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert confirm.status_code == 200 and world.member.full_name in confirm.content.decode()
    assert anonymous.post(url, HTTP_ACCEPT_LANGUAGE=language).status_code == 200
    settings = EmailSettings.objects.get(person=world.member)
    assert settings.morning_briefing is False
    assert NotificationPreference.objects.get(person=world.member, kind=KIND).delivery == "off"
    assert AuditEntry.objects.filter(action="reports.unsubscribe").count() == 1

    # The same link again: a clear message, nothing changes.
    _choose(world.member, Delivery.DIGEST, morning_briefing=True)
    again = anonymous.post(url, HTTP_ACCEPT_LANGUAGE=language)
    assert again.status_code == 400
    expected = "already been used" if language == "en" else "đã được dùng"
    assert expected in again.content.decode()
    assert EmailSettings.objects.get(person=world.member).morning_briefing is True
    assert AuditEntry.objects.filter(action="reports.unsubscribe").count() == 1


def test_a_forged_unsubscribe_link_is_refused(world):
    response = Client().get("/notifications/unsubscribe/not-a-token/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
