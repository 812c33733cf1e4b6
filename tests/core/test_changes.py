"""Change counters move when the write's transaction commits, and only then."""

from deptcoord.core import changes


def test_counters_move_when_the_transaction_commits(db, django_capture_on_commit_callbacks):
    scopes = [changes.COMPANY, changes.department(7), changes.written_by(3, "goals")]
    before = changes.read(scopes)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        changes.bump(department_ids=[7], actor_id=3, app="goals")
        assert changes.read(scopes) == before  # a reader before the commit sees no change
    for callback in pending:
        callback()
    after = changes.read(scopes)
    assert all(after[scope] != before[scope] for scope in scopes)
    assert changes.read([changes.department(8)]) == {changes.department(8): 0}
