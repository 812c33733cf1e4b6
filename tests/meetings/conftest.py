"""Meetings tests start from the standard small company."""

import pytest
from django.core import mail  # noqa: F401  (the outbox fixture needs the locmem backend)


@pytest.fixture(autouse=True)
def _mail_outbox(settings):
    """E-mails land in the test outbox."""
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
