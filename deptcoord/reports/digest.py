"""The morning e-mail: the day's briefing for those who opted in, and the notifications each
person chose to receive as a daily digest, sent at their chosen hour in their own time zone."""

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from deptcoord.access import Action, can
from deptcoord.notices import mail
from deptcoord.notices.models import Delivery, EmailSettings, Notification
from deptcoord.notices.services import unsubscribe_token
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.reports import messages
from deptcoord.reports.selectors import briefing

DEFAULT_HOUR = EmailSettings._meta.get_field("digest_hour").default


def _pending(person_ids=None):
    pending = Notification.objects.filter(delivery=Delivery.DIGEST, emailed_at__isnull=True)
    return pending if person_ids is None else pending.filter(recipient_id__in=person_ids)


def people_due(now: datetime) -> list[Person]:
    """People whose morning e-mail hour it is now in their own time zone, not yet sent today."""
    candidates = Person.objects.filter(is_active=True).exclude(email="")
    candidates = candidates.filter(
        Q(email_settings__morning_briefing=True) | Q(pk__in=_pending().values("recipient_id"))
    ).select_related("email_settings")
    due = []
    for person in candidates:
        local = now.astimezone(ZoneInfo(person.timezone))
        chosen = getattr(person, "email_settings", None)
        hour = chosen.digest_hour if chosen else DEFAULT_HOUR
        if local.hour == hour and (chosen is None or chosen.last_digest_on != local.date()):
            due.append(person)
    return due


def _still_visible(person, notifications: list[Notification]) -> list[Notification]:
    """Drop notifications about records the person can no longer see."""
    facts = role_facts_for_person(person)
    ids_by_type = defaultdict(set)
    for notification in notifications:
        if notification.target_type:
            ids_by_type[notification.target_type].add(notification.target_id)
    targets = {}
    for label, ids in ids_by_type.items():
        model = apps.get_model(label)
        for obj in model.objects.filter(pk__in=ids):
            targets[(label, str(obj.pk))] = obj
    kept = []
    for notification in notifications:
        if not notification.target_type:
            kept.append(notification)
            continue
        target = targets.get((notification.target_type, notification.target_id))
        if target is not None and can(facts, Action.VIEW, target):
            kept.append(notification)
    return kept


def send_digest(person: Person, now: datetime) -> bool:
    """Send one person's morning e-mail; False when there is nothing to tell or it went already."""
    local_day = now.astimezone(ZoneInfo(person.timezone)).date()
    settings_row, _created = EmailSettings.objects.get_or_create(person=person)
    claimed = (
        EmailSettings.objects.filter(pk=settings_row.pk)
        .exclude(last_digest_on=local_day)
        .update(last_digest_on=local_day)
    )
    if not claimed:
        return False
    pending = list(_pending([person.pk]).order_by("created_at", "id"))
    notifications = _still_visible(person, pending)
    with mail.as_reader(person):
        today = (
            briefing(role_facts_for_person(person), local_day)
            if settings_row.morning_briefing
            else None
        )
        if not notifications and today is None:
            return False
        context = {
            "person": person,
            "notifications": notifications,
            "briefing": today,
            "day": local_day,
            "site": settings.SITE_URL,
            "unsubscribe": settings.SITE_URL
            + reverse("notices:unsubscribe", args=[unsubscribe_token(person)]),
            "preferences": settings.SITE_URL + reverse("notices:preferences"),
        }
        body = render_to_string("reports/email/digest.txt", context)
        html = render_to_string("reports/email/digest.html", context)
        subject = f"[deptcoord] {messages.DIGEST_SUBJECT}"
    mail.message(
        subject=subject,
        body=body,
        html=html,
        to=[person.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe']}>"},
    ).send()
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return True
