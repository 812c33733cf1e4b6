"""Change counters move when the write's transaction commits, and only then."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.core import changes


def test_counters_move_when_the_transaction_commits(db, django_capture_on_commit_callbacks):
    scopes = [
        changes.of_app(changes.COMPANY, "goals"),
        changes.of_app(changes.department(7), "goals"),
        changes.written_by(3, "goals"),
    ]
    before = changes.read(scopes)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        changes.bump(department_ids=[7], actor_id=3, app="goals")
        assert changes.read(scopes) == before  # a reader before the commit sees no change
    for callback in pending:
        callback()
    after = changes.read(scopes)
    assert all(after[scope] != before[scope] for scope in scopes)
    untouched = [
        changes.of_app(changes.department(8), "goals"),
        changes.of_app(changes.COMPANY, "work"),
    ]
    assert changes.read(untouched) == dict.fromkeys(untouched, 0)  # another department, app


@pytest.mark.django_db(transaction=True)
def test_a_change_writes_all_its_counters_in_one_statement():
    """With the cache in the database (SQLite deployments), the counters of one change are
    written together: one write statement, not five statements per counter (SQLite has one
    writer)."""
    scopes = [
        changes.of_app(changes.COMPANY, "goals"),
        changes.of_app(changes.department(7), "goals"),
        changes.of_app(changes.person(5), "goals"),
        changes.written_by(3, "goals"),
    ]
    before = changes.read(scopes)
    with CaptureQueriesContext(connection) as captured:
        changes.bump(department_ids=[7], person_ids=[5], actor_id=3, app="goals")  # at once
    writes = [
        query
        for query in captured
        if query["sql"].split(" ", 1)[0] in {"INSERT", "UPDATE", "DELETE", "BEGIN", "SAVEPOINT"}
    ]
    assert len(writes) <= 1  # none with Redis
    after = changes.read(scopes)
    assert all(after[scope] != before[scope] for scope in scopes)
