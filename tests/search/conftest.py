"""Search tests read messages and titles in English unless a test asks for Vietnamese (an
earlier test in the same process may have left another language active)."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield
