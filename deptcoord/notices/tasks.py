"""Background jobs of notices: e-mailing a notification."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from deptcoord.notices.models import Notification
from deptcoord.notices.notifications import email_language


@task
def send_notification_email(notification_id: int) -> bool:
    """E-mail a notification once, in the recipient's language, with a link to handle it."""
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    if notification.emailed_at is not None:
        return False
    recipient = notification.recipient
    with translation.override(email_language(recipient)):
        context = {
            "notification": notification,
            "person": recipient,
            "link": settings.SITE_URL + notification.url if notification.url else settings.SITE_URL,
        }
        body = render_to_string("notices/email/notification.txt", context)
        html = render_to_string("notices/email/notification.html", context)
        subject = f"[deptcoord] {notification.message}"[:150]
    message = EmailMultiAlternatives(subject, body, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    message.send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True
