"""The database cache writes several keys in one statement and keeps Django's behaviour:
values replaced, expiry honoured, the table culled past its limit."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.core.db_cache import DatabaseCache

pytestmark = pytest.mark.django_db


TABLE = "test_db_cache"


@pytest.fixture(autouse=True)
def _table():
    call_command("createcachetable", TABLE, verbosity=0)  # gone with the test's transaction


def _cache(max_entries=100):
    return DatabaseCache(TABLE, {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_many_keys_in_one_write_and_values_replaced():
    cache = _cache()
    cache.set_many({"a": 1, "b": [2, "hai"]}, 60)
    with CaptureQueriesContext(connection) as captured:
        cache.set_many({"a": "một", "b": None, "c": {"x": 3}}, 60)
    writes = [query for query in captured if query["sql"].startswith(("INSERT", "UPDATE"))]
    assert len(writes) == 1
    assert len(captured) == 2  # the count (for culling) and the write
    assert cache.get_many(["a", "b", "c"]) == {"a": "một", "b": None, "c": {"x": 3}}
    cache.set("a", 5)
    assert cache.get("a") == 5


def test_expiry_is_kept_and_renewed():
    cache = _cache()
    cache.set("gone", "old", -1)  # expired at once
    cache.set("kept", "value", None)  # never expires
    assert cache.get("gone") is None
    assert cache.get("kept") == "value"
    cache.set("gone", "new", 60)  # an expired row is replaced with its new expiry
    assert cache.get("gone") == "new"
    assert cache.add("gone", "other") is False  # add still leaves a live key alone


def test_culled_past_its_limit():
    cache = _cache(max_entries=9)
    cache.set_many({f"key{number}": number for number in range(10)}, 60)
    cache.set("one more", 1, 60)  # ten rows already: a third is dropped first
    assert len(cache.get_many([f"key{number}" for number in range(10)])) < 10
    assert cache.get("one more") == 1


def test_is_the_cache_without_redis(settings):
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend.endswith("RedisCache") or isinstance(caches["default"], DatabaseCache)
