"""E-mails read as the recipient reads the app: in their language, dates in their format and
time zone, from the person who acted; close notifications of one subject come as one."""

from datetime import date, datetime

from django.test import TestCase

from deptcoord.meetings import services as meetings
from deptcoord.notices.models import Notification
from deptcoord.org.services import person_invite
from deptcoord.work.services import step_create
from tests.meetings.helpers import schedule
from tests.work.helpers import actor, project

DUE = date(2026, 12, 25)


def _assign(world, *titles, to=None, in_project=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        for title in titles:
            step_create(
                actor=actor(world.coordinator),
                department=world.own,
                project=in_project,
                title_en=title,
                title_vi=f"{title} (vi)",
                assignee=to or world.member,
                due=DUE,
            )


def test_a_vietnamese_reader_gets_the_assignment_in_vietnamese_from_the_person_who_assigned(
    world, mailoutbox
):
    world.member.language = "vi"
    world.member.save()
    world.coordinator.language = "en"  # the actor's own language changes nothing
    world.coordinator.save()
    _assign(world, "Print the posters")
    (mail,) = mailoutbox
    assert mail.to == [world.member.email]
    assert "Coordinator đã giao cho bạn “Print the posters (vi)”" in mail.subject
    assert "25/12/2026" in mail.subject and "2026-12-25" not in mail.body
    assert "Xin chào Member" in mail.body and "Coordinator" in mail.body
    html = mail.alternatives[0][0]
    assert "25/12/2026" in html and "Mở trong deptcoord" in html
    assert mail.from_email.startswith("Coordinator <") and "deptcoord" not in mail.from_email[:12]
    assert mail.from_email.endswith("@deptcoord.local>")
    assert mail.reply_to == [world.coordinator.email]


def test_an_english_reader_gets_it_in_english(world, mailoutbox):
    world.member.language = "en"
    world.member.save()
    world.coordinator.language = "vi"
    world.coordinator.save()
    _assign(world, "Print the posters")
    (mail,) = mailoutbox
    assert (
        mail.subject == "[deptcoord] Coordinator assigned you “Print the posters”, due 2026-12-25."
    )
    assert "Hello Member" in mail.body and "Coordinator, through deptcoord" in mail.body
    assert mail.from_email.startswith("Coordinator <")


def test_steps_assigned_at_one_go_make_one_notification_and_one_email(world, mailoutbox):
    world.member.language = "vi"
    world.member.save()
    launch = project(world, title_en="SM Home launch", title_vi="Ra mắt SM Home")
    _assign(world, "Posters", "Flyers", "Banner", in_project=launch)
    (entry,) = Notification.objects.filter(recipient=world.member, kind="work.assigned")
    assert entry.count == 3
    assert entry.message_en == "Coordinator assigned you 3 steps in SM Home launch."
    assert entry.message_vi == "Coordinator đã giao cho bạn 3 bước trong Ra mắt SM Home."
    assert len(mailoutbox) == 1
    assert "3 bước trong Ra mắt SM Home" in mailoutbox[0].subject
    # Once read, the next assignment is news again.
    entry.read_at = entry.created_at
    entry.save()
    _assign(world, "Stand", in_project=launch)
    assert Notification.objects.filter(recipient=world.member).count() == 2
    assert len(mailoutbox) == 2 and "“Stand (vi)”" in mailoutbox[1].subject


def test_a_later_burst_in_the_window_updates_the_entry_and_emails_the_new_count(world, mailoutbox):
    launch = project(world)
    _assign(world, "Posters", in_project=launch)
    _assign(world, "Flyers", "Banner", in_project=launch)
    (entry,) = Notification.objects.filter(recipient=world.member)
    assert entry.count == 3
    assert [m.subject for m in mailoutbox] == [
        "[deptcoord] Coordinator assigned you “Posters”, due 2026-12-25.",
        "[deptcoord] Coordinator assigned you 3 steps in SM Home launch.",
    ]


def test_a_meeting_invitation_shows_the_readers_time_in_their_zone_from_the_organiser(
    world, mailoutbox, settings
):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    world.member.language = "vi"
    world.member.timezone = "Asia/Tokyo"
    world.member.save()
    world.peer.language = "en"
    world.peer.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        schedule(
            world.coordinator,
            day=date(2026, 12, 8),
            participants=[world.member, world.peer],
            title_vi="Họp ra mắt",
            start=datetime(2026, 12, 8, 9, 30),
            end=datetime(2026, 12, 8, 10, 30),
        )
    by_reader = {mail.to[0]: mail for mail in mailoutbox}
    vietnamese = by_reader[world.member.email]
    assert vietnamese.subject == "Mời họp: Họp ra mắt, 11:30 08/12/2026 (Asia/Tokyo)"
    assert "Coordinator mời bạn dự “Họp ra mắt”" in vietnamese.body
    english = by_reader[world.peer.email]
    assert english.subject == "You are invited: Launch sync, 2026-12-08 09:30 (Asia/Ho_Chi_Minh)"
    for mail in (vietnamese, english):
        assert mail.from_email.startswith("Coordinator <")
        assert mail.reply_to == [world.coordinator.email]


def test_minutes_come_from_the_person_who_sent_them_in_the_readers_language(
    world, mailoutbox, settings
):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    world.member.language = "vi"
    world.member.save()
    meeting = schedule(world.coordinator, day=date(2026, 12, 8), participants=[world.member])
    mailoutbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        meetings.minutes_send(
            actor=actor(world.coordinator), meeting=meeting, occurrence=date(2026, 12, 8)
        )
    mail = next(m for m in mailoutbox if m.to == [world.member.email])
    assert mail.subject.startswith("Biên bản") and "08/12/2026" in mail.subject
    assert "Coordinator" in mail.body and mail.from_email.startswith("Coordinator <")


def test_an_invitation_to_the_product_comes_from_the_inviter(world, mailoutbox):
    world.guest.language = "vi"
    world.guest.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        person_invite(actor=actor(world.admin), person_id=world.guest.pk)
    (mail,) = mailoutbox
    assert mail.from_email.startswith("Admin <") and mail.reply_to == [world.admin.email]
    assert "Admin đã mời bạn" in mail.body


def test_action_items_given_at_one_meeting_make_one_entry(world, mailoutbox, settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    world.member.language = "vi"
    world.member.save()
    day = date(2026, 12, 8)
    meeting = schedule(
        world.coordinator, day=day, participants=[world.member], title_vi="Họp ra mắt"
    )
    mailoutbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        for title in ("Book the hall", "Order banners"):
            meetings.action_item_create(
                actor=actor(world.coordinator),
                meeting=meeting,
                occurrence=day,
                title=title,
                assignee=world.member,
            )
    (entry,) = Notification.objects.filter(kind="meetings.action_assigned")
    assert entry.count == 2 and entry.message_en == "2 actions for you from Launch sync."
    assert entry.message_vi == "Bạn có 2 việc cần làm từ cuộc họp Họp ra mắt."
    sent = [m for m in mailoutbox if "Họp ra mắt" in m.subject and "2" in m.subject]
    assert len(sent) == 1 and sent[0].from_email.startswith("Coordinator <")


def test_a_guest_with_an_account_reads_the_invitation_in_their_own_language(
    world, mailoutbox, settings
):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    world.other_member.language = "vi"
    world.other_member.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        schedule(
            world.coordinator,
            day=date(2026, 12, 8),
            guests=[(world.other_member.email.upper(), ""), ("partner@example.org", "Partner")],
            title_vi="Họp ra mắt",
            start=datetime(2026, 12, 8, 9, 30),
            end=datetime(2026, 12, 8, 10, 30),
        )
    by_reader = {mail.to[0].lower(): mail for mail in mailoutbox}
    known = by_reader[world.other_member.email.lower()]
    assert known.subject == "Mời họp: Họp ra mắt, 09:30 08/12/2026 (Asia/Ho_Chi_Minh)"
    assert "Xin chào Other member" in known.body
    assert by_reader["partner@example.org"].subject.startswith("You are invited: Launch sync")


def test_a_vietnamese_name_is_the_sender_as_written(world, mailoutbox):
    world.coordinator.full_name = "Nguyễn Thị Lan, Marketing"
    world.coordinator.save()
    _assign(world, "Print the posters")
    (mail,) = mailoutbox
    assert mail.from_email.startswith('"Nguyễn Thị Lan, Marketing" <')
    sent = mail.message().as_bytes().replace(b"\n ", b" ").replace(b"\r", b"")
    from_line = next(line for line in sent.splitlines() if line.startswith(b"From:"))
    assert from_line.isascii() and b"=?utf-8?" in from_line  # encoded as e-mail requires
    assert from_line.endswith(b"<no-reply@deptcoord.local>")
