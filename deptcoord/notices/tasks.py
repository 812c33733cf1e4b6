"""Background jobs of notices: e-mailing a notification."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from deptcoord.notices import mail
from deptcoord.notices.models import Notification


@task
def send_notification_email(notification_id: int) -> bool:
    """E-mail a notification once, in the recipient's language and time zone, from the person
    who acted, with a link to handle it."""
    notification = (
        Notification.objects.select_related("recipient", "actor").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None:
        return False
    recipient = notification.recipient
    with mail.as_reader(recipient):
        context = {
            "notification": notification,
            "person": recipient,
            "actor": notification.actor,
            "link": settings.SITE_URL + notification.url if notification.url else settings.SITE_URL,
        }
        body = render_to_string("notices/email/notification.txt", context)
        html = render_to_string("notices/email/notification.html", context)
        subject = f"[deptcoord] {notification.message}"
    mail.message(
        subject=subject, body=body, html=html, to=[recipient.email], actor=notification.actor
    ).send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True
