"""Sentences the reports app answers bad input with."""

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
DIGEST_SUBJECT = _("Your morning summary")
NOTIFICATIONS_PREFERENCES_SAVED = _("Your notification settings are saved.")
