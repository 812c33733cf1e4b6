"""Change counters per scope (the company, each department and each person) and app.

Every write bumps the counters of the scopes it touches, for the app whose record changed
(the audit trail does it for every service, when the transaction commits: a reader that read
the old data before then kept its result under the old values). A result computed ahead (a
Today card) is kept under a key built from the counters of its scope, so that any change in
the scope leads to a new key and the old result is simply never asked for again. The counters live in the cache:
shared between servers when the cache is (Redis); a counter lost from the cache starts again
from a new value at its next bump. A result that shows the records of some apps only follows
those apps' counters: a check-in on a goal leaves the kept list of late steps standing.
"""

import random
import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

PREFIX = "changes:"
# Every write anywhere: what the whole company's figures depend on.
COMPANY = "company"
# Writes that name no department: a department's figures may depend on them too.
GENERAL = "general"
# A counter outlives any result kept under it (those are kept a minute).
KEEP_SECONDS = 7 * 24 * 3600


def _key(scope: str) -> str:
    return f"{PREFIX}{scope}"


def person(person_id: int) -> str:
    """The scope of one person's own records."""
    return f"person:{person_id}"


def department(department_id: int) -> str:
    """The scope of one department's records."""
    return f"department:{department_id}"


def of_app(scope: str, app: str = "") -> str:
    """The counter of the writes to one app's records in a scope, or to one model's when
    ``app`` is a model's label ("work.Request"); ``app`` empty: to records of no known app,
    which every reader of the scope follows."""
    return f"{scope}@{app}"


def written_by(person_id: int, app: str = "") -> str:
    """One person's own writes to one app's records (``app`` empty: to records of no known
    app, which every reader of this person's writes follows)."""
    return f"by:{person_id}:{app}"


# The models some result follows on their own (``follow``): only their writes bump a model's
# counter besides the app's, so that a write of any other model costs no more cache writes.
_followed_models: set[str] = set()


def follow(model: str) -> None:
    """Keep counters for this model's writes ("work.Request") besides its app's."""
    _followed_models.add(model)


def _bump_now(scopes: list[str]) -> None:
    """Give each scope's counter a value it never had, all in one write of the cache (in the
    database, ``core.db_cache`` writes them in one statement, so that SQLite's single writer
    is taken once per change rather than once per counter)."""
    value = time.time_ns() * 1000 + random.randrange(1000)
    cache.set_many({_key(scope): value for scope in scopes}, KEEP_SECONDS)


def bump(
    *,
    person_ids: Iterable = (),
    department_ids: Iterable = (),
    actor_id: int | None = None,
    app: str = "",
    model: str = "",
) -> None:
    """Bump the counters, for the app whose record changed and for its model (when some result
    follows it: ``follow``), of the company, the named people and departments (and, when no
    department is named, of the writes without a department), and the writer's own counters,
    when the transaction of the change commits (at once outside one). A reader who computed
    from the data before the commit kept the result under the old values, so the new ones make
    it compute anew. A result follows the app's counters, or only a model's when it shows the
    records of that model alone."""
    scopes = [COMPANY]
    departments = sorted({pk for pk in department_ids if pk})
    if not departments:
        scopes.append(GENERAL)
    scopes += [department(pk) for pk in departments]
    scopes += [person(pk) for pk in sorted({pk for pk in person_ids if pk})]
    names = [app, model] if model in _followed_models else [app]
    counters = [of_app(scope, name) for scope in scopes for name in names]
    if actor_id:
        counters += [written_by(actor_id, name) for name in names]
    transaction.on_commit(lambda: _bump_now(counters))


def read(scopes: Iterable[str]) -> dict[str, int]:
    """The current value of each scope's counter, 0 for one never bumped (one cache read, no
    write: a counter lost from the cache reads 0 until its next bump, so a result kept under
    the 0 is at most a minute old)."""
    scopes = sorted(set(scopes))
    found = cache.get_many([_key(scope) for scope in scopes])
    return {scope: found.get(_key(scope), 0) for scope in scopes}
