"""Background jobs of the organisation: invitation e-mails and the nightly rebuild of the week
loads."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from deptcoord.notices import mail
from deptcoord.org.models import Person


@task
def send_invitation(person_id: int, inviter_id: int | None) -> str:
    """E-mail the person, in their language, a link to set a password and sign in."""
    person = Person.objects.select_related("user").get(pk=person_id)
    inviter = Person.objects.filter(pk=inviter_id).first()
    user = person.user
    link = settings.SITE_URL + reverse(
        "accept_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    with mail.as_reader(person):
        context = {"person": person, "inviter": inviter, "link": link}
        subject = render_to_string("org/email/invitation_subject.txt", context).strip()
        body = render_to_string("org/email/invitation.txt", context)
        html = render_to_string("org/email/invitation.html", context)
    mail.message(subject=subject, body=body, html=html, to=[person.email], actor=inviter).send()
    return person.email


@task
def rebuild_week_loads() -> int:
    """Rebuild every person's week loads, log and repair any row that differs from a full
    recompute; return how many did."""
    from deptcoord.org import week_load

    return week_load.rebuild()
