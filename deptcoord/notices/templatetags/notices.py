"""The bell in the reader's language: how long ago a notification came ("7 phút trước"),
and its text with dates in their format."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deptcoord.audit.history import dates_written

register = template.Library()

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
WEEK = 7 * DAY


@register.filter
def ago(moment, now: datetime | None = None) -> str:
    """ "Just now", "7 minutes ago", "3 hours ago", "2 days ago"; a moment a week or more ago
    by its date."""
    if not isinstance(moment, datetime):
        return ""
    now = now or timezone.now()
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    seconds = int((now - moment).total_seconds())
    if seconds < MINUTE:
        return _("just now")
    if seconds < HOUR:
        count = seconds // MINUTE
        return ngettext("%(count)s minute ago", "%(count)s minutes ago", count) % {"count": count}
    if seconds < DAY:
        count = seconds // HOUR
        return ngettext("%(count)s hour ago", "%(count)s hours ago", count) % {"count": count}
    if seconds < WEEK:
        count = seconds // DAY
        return ngettext("%(count)s day ago", "%(count)s days ago", count) % {"count": count}
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@register.filter
def message_for_reader(notification) -> str:
    """The notification's text in the reader's language, its dates in their format (a text
    stored before dates were written per language may hold an ISO date)."""
    return dates_written(notification.message)
