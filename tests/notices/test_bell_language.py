"""The bell reads in the reader's language: how long ago each notification came ("7 phút trước")
and the dates inside its text, whoever's language the notification was sent in."""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from deptcoord.core.actor import SYSTEM
from deptcoord.notices.models import Notification
from deptcoord.notices.notifications import notify
from deptcoord.notices.templatetags.notices import ago
from deptcoord.work import messages
from deptcoord.work.services import step_create
from tests.factories import client_for

pytestmark = pytest.mark.django_db


def bell_text(person, language: str) -> str:
    client = client_for(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("notices:notification_bell")).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_bell_says_how_long_ago_and_dates_in_vietnamese(world):
    with translation.override("en"):  # sent from an English page or a background task
        notification = notify(
            recipient=world.member,
            kind="work.due_soon",
            message=messages.DUE_SOON,
            params={"step": "In tờ rơi", "due": date(2026, 11, 24)},
        )
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=7, seconds=5)
    )
    vietnamese = bell_text(world.member, "vi")
    assert "7 phút trước" in vietnamese and "24/11/2026" in vietnamese
    assert "minute" not in vietnamese and "2026-11-24" not in vietnamese
    english = bell_text(world.member, "en")
    assert "7 minutes ago" in english and "2026-11-24" in english


def test_how_long_ago_in_each_language():
    now = timezone.now()
    cases = [
        (timedelta(seconds=20), "vừa xong", "just now"),
        (timedelta(minutes=1, seconds=3), "1 phút trước", "1 minute ago"),
        (timedelta(hours=3, minutes=5), "3 giờ trước", "3 hours ago"),
        (timedelta(days=2, hours=1), "2 ngày trước", "2 days ago"),
        (timedelta(seconds=-30), "vừa xong", "just now"),  # a clock a little ahead
    ]
    for before, vietnamese, english in cases:
        with translation.override("vi"):
            assert ago(now - before, now) == vietnamese
        with translation.override("en"):
            assert ago(now - before, now) == english
    long_ago = timezone.make_aware(timezone.datetime(2026, 11, 2, 9, 0))
    with translation.override("vi"):
        assert ago(long_ago, long_ago + timedelta(days=30)) == "02/11/2026"


def test_a_record_named_in_both_languages_reads_in_each(world):
    with translation.override("en"):
        step_create(
            actor=SYSTEM,
            department=world.own,
            title_en="Print leaflets",
            title_vi="In tờ rơi",
            assignee=world.member,
            due=date(2026, 11, 24),
        )
    notification = Notification.objects.filter(recipient=world.member).latest("id")
    assert "In tờ rơi" in notification.message_vi and "24/11/2026" in notification.message_vi
    assert "Print leaflets" in notification.message_en and "2026-11-24" in notification.message_en


def test_a_notification_stored_with_an_iso_date_reads_in_the_readers_format(world):
    Notification.objects.create(
        recipient=world.member,
        kind="work.due_soon",
        message_en="“Print leaflets” is due 2026-11-24.",
        message_vi="“In tờ rơi” đến hạn vào 2026-11-24.",
    )
    assert "đến hạn vào 24/11/2026" in bell_text(world.member, "vi")
    client = client_for(world.member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(reverse("notices:notifications")).content.decode()
    assert "24/11/2026" in page and "2026-11-24" not in page
    assert "is due 2026-11-24." in bell_text(world.member, "en")
