"""kill -9 of every process of a serving instance while people write, then a restart: the
database is intact, the audit trail verifies, every write that was answered is there, and no
task is left running."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.test_backups import drop, instance
from tests.test_serve import free_port

ROOT = Path(__file__).resolve().parent.parent

SEED = """
from deptcoord.api.services import token_create
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from tests.factories import build_world
world = build_world()
actor = Actor(person=world.coordinator, facts=role_facts_for_person(world.coordinator))
print(world.own.pk, token_create(actor=actor, name="writer")[1])
"""

CHECK = """
from django.db import connection
from django_tasks_db.models import DBTaskResult
from deptcoord.records.models import Note
with connection.cursor() as cursor:
    cursor.execute("PRAGMA integrity_check" if connection.vendor == "sqlite" else "SELECT 'ok'")
    integrity = cursor.fetchone()[0]
running = DBTaskResult.objects.running().count()
print(integrity, running, ",".join(str(pk) for pk in Note.objects.values_list("pk", flat=True)))
"""


def manage(environment, *arguments) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def serve(environment, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
            return server
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the server did not start")


def write_notes(port, department, token, acknowledged: list, stop: threading.Event) -> None:
    """Write notes until stopped, keeping the ids of those the server answered 201 to."""
    number = 0
    while not stop.is_set():
        number += 1
        body = json.dumps({"department_id": department, "title": f"Note {number}"}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/notes",
            data=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                if answer.status == 201:
                    acknowledged.append(json.loads(answer.read())["id"])
        except OSError:
            time.sleep(0.05)  # the server is gone: keep trying until told to stop


def test_kill_9_under_writes_loses_no_answered_write_and_leaves_nothing_running(tmp_path):
    environment = instance(tmp_path, "crash")  # SQLite, or a database of its own on PostgreSQL
    manage(environment, "migrate", "-v0")
    department, token = manage(environment, "shell", "--no-imports", "-c", SEED).split()[-2:]
    port = free_port()
    server = serve(environment, port)
    acknowledged: list[int] = []
    stop = threading.Event()
    writers = [
        threading.Thread(target=write_notes, args=(port, department, token, acknowledged, stop))
        for _ in range(4)
    ]
    try:
        for writer in writers:
            writer.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 20 and time.monotonic() < deadline:
            time.sleep(0.2)
        os.killpg(server.pid, signal.SIGKILL)  # web workers, task workers, scheduler, all at once
        server.wait()
        stop.set()
        for writer in writers:
            writer.join()
        assert len(acknowledged) >= 20
        server = serve(environment, port)
        time.sleep(3)  # the restarted workers end what the killed ones held
        integrity, running, stored = manage(
            environment, "shell", "--no-imports", "-c", CHECK
        ).split()[-3:]
        assert integrity == "ok"
        assert running == "0"
        assert set(acknowledged) <= {int(pk) for pk in stored.split(",")}
        assert "The audit trail is intact" in manage(environment, "verify_audit")
    finally:
        stop.set()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        drop(environment)
