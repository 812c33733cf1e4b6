"""The cache in the database (without Redis), writing several keys in one statement.

Django's database cache writes key by key: a count of the table, a savepoint, a read of the
key, then an update or an insert, five statements a key. A change bumps four to six change
counters and a Today page that computes a card writes its kept cards, so on SQLite most of a
write request's statements were the cache's. Here ``set`` and ``set_many`` count the table once
(to cull it past ``MAX_ENTRIES``, as Django does) and write every key with one insert that
replaces the keys already there (``ON CONFLICT``, on SQLite and PostgreSQL alike)."""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now

CHUNK = 300  # keys a statement (well under SQLite's limit of bound values)


class DatabaseCache(DjangoDatabaseCache):
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        rows = {
            self.make_and_validate_key(key, version=version): base64.b64encode(
                pickle.dumps(value, self.pickle_protocol)
            ).decode("latin1")
            for key, value in data.items()
        }
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        quote = connection.ops.quote_name
        table = quote(self._table)
        key, value, expiry = quote("cache_key"), quote("value"), quote("expires")
        with connection.cursor() as cursor:
            # Identifiers are the setting's table name, quoted; every value is bound.
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(db, cursor, tz_now().replace(microsecond=0), count)
            items = list(rows.items())
            for start in range(0, len(items), CHUNK):
                chunk = items[start : start + CHUNK]
                cursor.execute(
                    f"INSERT INTO {table} ({key}, {value}, {expiry}) VALUES "  # noqa: S608
                    + ", ".join(["(%s, %s, %s)"] * len(chunk))
                    + f" ON CONFLICT ({key}) DO UPDATE SET {value} = EXCLUDED.{value},"
                    f" {expiry} = EXCLUDED.{expiry}",
                    [part for name, text in chunk for part in (name, text, expires)],
                )
        return []
