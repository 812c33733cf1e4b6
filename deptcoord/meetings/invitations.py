"""Queueing the e-mails invitees get: invitations, updates and cancellations with their .ics."""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db import transaction

_suppressed: ContextVar[bool] = ContextVar("meetings_invitations_suppressed", default=False)


@contextmanager
def suppressed():
    """Write meetings without e-mailing anyone (the demo company's history)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def send_later(meeting, method: str, occurrence: date | None = None, recipients=None) -> None:
    """E-mail the invitees once the transaction commits (``recipients`` narrows it)."""
    if _suppressed.get():
        return
    from deptcoord.meetings.tasks import send_invitation

    day = occurrence.isoformat() if occurrence else ""
    emails = list(recipients or [])
    transaction.on_commit(lambda: send_invitation.enqueue(meeting.pk, method, day, emails))
