"""The one import flow: a confirm sent twice imports once, the uploader alone applies it, and
the applied import is in the audit trail."""

import dataclasses
import sqlite3
import threading
import time
from contextlib import closing

import pytest
from django.db import connection, connections
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.core import imports
from deptcoord.core.actor import Actor
from deptcoord.core.imports import ALREADY_APPLIED, import_upload_apply, import_upload_create
from deptcoord.core.models import ImportUpload
from deptcoord.goals.models import CheckIn
from deptcoord.org.facts import role_facts_for_person
from tests.factories import build_world, client_for
from tests.goals.helpers import goal, key_result


def actor(person) -> Actor:
    return Actor(person=person, facts=role_facts_for_person(person))


def _preview(world):
    marketing = goal(world.head, department=world.own)
    reach = key_result(marketing, world.member, 0, 100)
    upload, report = import_upload_create(
        actor=actor(world.head),
        kind="goals.actuals",
        filename="sales.csv",
        content=f"key_result_id,value\n{reach.pk},40\n".encode(),
    )
    assert [row.action for row in report.rows] == ["create"]
    assert not CheckIn.objects.exists()
    return upload


def _slowly(monkeypatch, name: str) -> None:
    """Hold the applying transaction open a while, so a second confirm overlaps the first."""
    kind = imports.import_kind(name)

    def run(**arguments):
        report = kind.run(**arguments)
        if arguments["commit"]:
            time.sleep(0.5)
        return report

    monkeypatch.setitem(imports._kinds, name, dataclasses.replace(kind, run=run))


def _database_file(tmp_path) -> str | None:
    """On SQLite, the committed test database copied to a file, which connections in several
    threads can share and lock (an in-memory one refuses a second writer outright)."""
    if connection.vendor != "sqlite":
        return None
    path = str(tmp_path / "concurrent.sqlite3")
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
    return path


def _use_database_file(path: str | None) -> None:
    """Point this thread's connection at the database file (its own copy of the settings)."""
    if path is not None:
        wrapper = connections["default"]
        wrapper.settings_dict = {**wrapper.settings_dict, "NAME": path}


def _count(path: str | None, model) -> int:
    if path is None:
        return model.objects.count()
    with closing(sqlite3.connect(path)) as database:
        table = model._meta.db_table  # the model's own table name, not input
        return database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


@pytest.mark.django_db(transaction=True)
def test_a_confirm_sent_twice_at_once_imports_the_rows_once(monkeypatch, tmp_path):
    world = build_world()
    upload = _preview(world)
    _slowly(monkeypatch, "goals.actuals")
    url = reverse("goals:import_confirm", kwargs={"pk": upload.pk})
    clients = [client_for(world.head), client_for(world.head)]
    path = _database_file(tmp_path)
    start = threading.Barrier(2)
    answers = []

    def confirm(client):
        _use_database_file(path)
        start.wait()
        try:
            answers.append(client.post(url))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answer.status_code for answer in answers) == [302, 409]
    refused = next(answer for answer in answers if answer.status_code == 409)
    assert str(ALREADY_APPLIED) in refused.content.decode()
    assert _count(path, CheckIn) == 1


def test_an_applied_upload_is_refused_with_a_clear_message(world):
    upload = _preview(world)
    import_upload_apply(actor=actor(world.head), upload_id=upload.pk)
    with pytest.raises(Exception) as refused:
        import_upload_apply(actor=actor(world.head), upload_id=upload.pk)
    assert refused.value.messages == [str(ALREADY_APPLIED)]
    assert CheckIn.objects.count() == 1


def test_the_applied_import_is_in_the_audit_trail(world):
    upload = _preview(world)
    import_upload_apply(actor=actor(world.head), upload_id=upload.pk)
    entry = AuditEntry.objects.get(action="core.import.apply")
    assert (entry.actor_id, entry.target_id) == (world.head.pk, str(upload.pk))
    assert entry.changes["rows"] == {"create": 1, "update": 0, "unchanged": 0}


def test_only_the_uploader_may_confirm(world):
    upload = _preview(world)
    url = reverse("goals:import_confirm", kwargs={"pk": upload.pk})
    assert client_for(world.coordinator).post(url).status_code == 404
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        ("org.people", {"admin", "hr"}),
        ("goals.actuals", {"admin", "executive", "head", "coordinator", "member"}),
        ("people.skills", {"admin", "executive", "head", "coordinator", "member"}),
    ],
)
def test_who_may_import_each_kind(world, kind, allowed):
    roles = ("admin", "executive", "hr", "head", "coordinator", "member", "guest")
    permitted = {
        role
        for role in roles
        if imports.may_import(role_facts_for_person(world.person(role)), kind)
    }
    assert permitted == allowed


def test_an_unreadable_file_is_refused_on_the_file_field(world):
    with pytest.raises(Exception) as refused:
        import_upload_create(
            actor=actor(world.admin), kind="org.people", filename="p.txt", content=b"hello"
        )
    assert list(refused.value.message_dict) == ["file"]
    assert not ImportUpload.objects.exists()
