"""Background jobs of meetings: invitations with .ics, reminders before, minutes after."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from deptcoord.access import Action, can
from deptcoord.meetings import ics, messages
from deptcoord.meetings.models import Meeting
from deptcoord.meetings.series import occurrence_of, occurrences_between
from deptcoord.notices import mail
from deptcoord.notices.notifications import email_language, notify, translated
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person

REMINDER_LEAD = timedelta(hours=2)


def when(start, zone_name: str) -> str:
    """A start time as people read it, in a zone (with the zone named)."""
    local = timezone.localtime(start, timezone=ZoneInfo(zone_name))
    return f"{date_format(local, 'SHORT_DATETIME_FORMAT')} ({zone_name})"


def _recipients(meeting: Meeting, emails: list[str]):
    """(e-mail, name, language, person) of everyone to write to, the organiser left out."""
    wanted = {email.lower() for email in emails}
    found = []
    for participant in meeting.participants.select_related("person"):
        person = participant.person
        if person.pk == meeting.organiser_id and not wanted:
            continue
        found.append((person.email, person.full_name, email_language(person), person))
    for guest in meeting.guests.all():
        found.append((guest.email, guest.name, settings.LANGUAGE_CODE, None))
    if wanted:
        found = [row for row in found if row[0].lower() in wanted]
        known = {row[0].lower() for row in found}
        found += [
            (email, "", settings.LANGUAGE_CODE, None)
            for email in emails
            if email.lower() not in known
        ]
    return [_as_person(row) for row in found]


def _as_person(row):
    """A guest who has an account here reads in their own language and time zone."""
    email, name, _language, person = row
    if person is None and email:
        person = Person.objects.filter(email__iexact=email, is_active=True).first()
        if person is not None:
            return email, name or person.full_name, email_language(person), person
    return row


SUBJECTS = {
    "REQUEST": messages.INVITATION_SENT,
    "UPDATE": messages.MEETING_UPDATED,
    "CANCEL": messages.MEETING_CANCELLED_NOTICE,
}


@task
def send_invitation(meeting_id: int, method: str, occurrence: str, emails: list[str]) -> int:
    """E-mail the invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) with its .ics."""
    meeting = (
        Meeting.objects.select_related("organiser")
        .prefetch_related("participants__person", "guests", "changes")
        .get(pk=meeting_id)
    )
    day = date.fromisoformat(occurrence) if occurrence else None
    start = meeting.starts_at
    if day is not None:
        found = occurrence_of(meeting, day)
        start = found.start if found else start
    kind = "CANCEL" if method == "CANCEL" else ("UPDATE" if meeting.sequence else "REQUEST")
    sent = 0
    for email, name, language, person in _recipients(meeting, emails):
        with mail.as_reader(person, language):
            zone = person.timezone if person is not None and person.timezone else meeting.time_zone
            context = {
                "meeting": meeting,
                "name": name,
                "when": when(start, zone),
                "cancelled": method == "CANCEL",
                "link": settings.SITE_URL
                + reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}),
            }
            subject = str(SUBJECTS[kind]) % {"title": meeting.title, "when": context["when"]}
            body = render_to_string("meetings/email/invitation.txt", context)
            attachment = ics.invitation(meeting, method, day)
        message = mail.message(subject=subject, body=body, to=[email], actor=meeting.organiser)
        message.attach("invite.ics", attachment, f"text/calendar; method={method}; charset=UTF-8")
        message.send()
        sent += 1
    return sent


@task
def send_reminders() -> int:
    """Remind participants, once, of each occurrence starting within the next two hours."""
    now = timezone.now()
    horizon = now + REMINDER_LEAD
    candidates = (
        Meeting.objects.filter(status=Meeting.Status.SCHEDULED, starts_at__lte=horizon)
        .exclude(rrule="", starts_at__lt=now)
        .select_related("organiser")
        .prefetch_related("participants__person", "changes")
    )
    reminded = 0
    for meeting in candidates:
        since = max(now, meeting.reminded_until or now)
        upcoming = [o for o in occurrences_between(meeting, since, horizon) if o.start > since]
        if not upcoming:
            continue
        for occurrence in upcoming:
            url = reverse("meetings:occurrence", kwargs={"pk": meeting.pk, "day": occurrence.key})
            for participant in meeting.participants.all():
                if participant.response == "declined":
                    continue
                local = occurrence.start.astimezone(ZoneInfo(participant.person.timezone))
                notify(
                    recipient=participant.person,
                    kind="meetings.reminder",
                    message=messages.REMINDER,
                    params={
                        "title": translated(lambda m=meeting: m.title),
                        "when": local.strftime("%H:%M"),
                    },
                    url=url,
                    target=meeting,
                )
                reminded += 1
        Meeting.objects.filter(pk=meeting.pk).update(reminded_until=upcoming[-1].start)
    return reminded


@task
def send_minutes(meeting_id: int, occurrence: str, sender_id: int | None = None) -> int:
    """E-mail the minutes of an occurrence to each participant, with what they may read, from
    the person who sent them."""
    from deptcoord.meetings import selectors

    meeting = Meeting.objects.select_related("organiser").get(pk=meeting_id)
    sender = Person.objects.filter(pk=sender_id).first() if sender_id else meeting.organiser
    day = date.fromisoformat(occurrence)
    sent = 0
    for participant in meeting.participants.select_related("person"):
        person = participant.person
        facts = role_facts_for_person(person)
        if not person.email or not can(facts, Action.VIEW, meeting):
            continue
        with mail.as_reader(person):
            minutes = selectors.minutes(facts, meeting, day)
            context = {
                "meeting": meeting,
                "day": day,
                "minutes": minutes,
                "sender": sender,
                "link": settings.SITE_URL
                + reverse("meetings:occurrence", kwargs={"pk": meeting.pk, "day": day}),
            }
            subject = str(messages.MINUTES_READY) % {
                "title": meeting.title,
                "when": date_format(day, "SHORT_DATE_FORMAT"),
            }
            body = render_to_string("meetings/email/minutes.txt", context)
        mail.message(subject=subject, body=body, to=[person.email], actor=sender).send()
        sent += 1
    return sent
