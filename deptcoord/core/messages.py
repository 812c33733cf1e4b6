"""Sentences every app uses when it refuses input (each app's messages.py re-exports them)."""

from django.utils.translation import gettext_lazy as _

REQUIRED = _("Fill in this field.")
NOT_A_NUMBER = _("“%(value)s” is not a number.")
