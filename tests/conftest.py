"""Shared fixtures: a small company with every role, and settings fit for tests."""

import os
import uuid

import pytest
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.factories import World, build_world

# In CI the generated examples are the same on every run, so a submission never fails by luck;
# on a developer's machine they vary, to keep finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Plain static files, jobs run at once, fast password hashing."""
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # A cache of its own per test: sign-in rate limits and sessions never leak between tests,
    # nor between parallel workers sharing one Redis.
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": uuid.uuid4().hex}}
    # Each test starts in English: a request in Vietnamese leaves its language active in the
    # thread, which would otherwise change the next test's messages.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def world(db) -> World:
    """Two departments (own: Marketing with a team; other: Sales) and a person in every role."""
    return build_world()
