"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "deptcoord.settings")
application = get_wsgi_application()

# What starting made (models, URL patterns, translations) lives as long as the process: keep
# it out of the collector's full passes, which would otherwise walk it during busy pages.
from django.urls import reverse  # noqa: E402

reverse("today")  # loads every app's URL patterns now, so they are frozen with the rest
gc.freeze()
