"""Queueing the e-mails invitees get: invitations, updates and cancellations with their .ics."""

from datetime import date

from django.db import transaction


def send_later(meeting, method: str, occurrence: date | None = None, recipients=None) -> None:
    """E-mail the invitees once the transaction commits (``recipients`` narrows it)."""
    from deptcoord.meetings.tasks import send_invitation

    day = occurrence.isoformat() if occurrence else ""
    emails = list(recipients or [])
    transaction.on_commit(lambda: send_invitation.enqueue(meeting.pk, method, day, emails))
