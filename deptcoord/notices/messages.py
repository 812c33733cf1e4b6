"""Sentences the notification settings answer bad input with, and their confirmations."""

from django.utils.translation import gettext_lazy as _

UNKNOWN_KIND = _("There is no kind of notification called “%(kind)s”.")
UNKNOWN_DELIVERY = _("Choose e-mail at once, the daily digest, or the app only.")
BAD_HOUR = _("Choose an hour from 0 to 23.")
BAD_UNSUBSCRIBE_LINK = _(
    "This unsubscribe link is not valid. Change your e-mail settings from your profile instead."
)
USED_UNSUBSCRIBE_LINK = _(
    "This unsubscribe link has already been used, so nothing changed. Change your e-mail settings from your profile."
)
NOTIFICATIONS_PREFERENCES_SAVED = _("Your notification settings are saved.")
