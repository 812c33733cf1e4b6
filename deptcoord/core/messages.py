"""Sentences every app uses when it refuses input (each app's messages.py re-exports them)."""

from django.utils.translation import gettext_lazy as _

REQUIRED = _("Fill in this field.")
# The examples are written in each language's way in its translation.
NOT_A_NUMBER = _("“%(value)s” is not a number. Type it like 5,000,000 or 1,234.5.")
NOT_A_WHOLE_NUMBER = _("“%(value)s” is not a whole number. Type it like 1,200.")
