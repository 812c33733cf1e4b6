"""`manage.py backup` while people write, then `manage.py restore` into a fresh instance: the same
rows, the same files, an intact audit trail; a backup changed since restores nothing."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

SEED = """
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records.services import document_create, note_create
from tests.factories import build_world
world = build_world()
actor = Actor(person=world.coordinator, facts=role_facts_for_person(world.coordinator))
for number in range(3):
    document_create(actor=actor, department=world.own, title=f"Brief {number}",
                    filename=f"brief-{number}.txt", content=f"brief {number}".encode())
note_create(actor=actor, department=world.own, title="Launch checklist", body="- price")
"""

WRITE_UNTIL_STOPPED = """
import os
import time
from pathlib import Path
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person
from deptcoord.records.services import document_create, note_create
coordinator = Person.objects.get(full_name="Coordinator")
actor = Actor(person=coordinator, facts=role_facts_for_person(coordinator))
department = coordinator.primary_department
stop = Path(os.environ["STOP_FILE"])
began = time.monotonic()
number = 0
while not stop.exists() and time.monotonic() - began < 120:
    number += 1
    note_create(actor=actor, department=department, title=f"Note {number}", body="while backing up")
    if number % 5 == 0:
        document_create(actor=actor, department=department, title=f"Scan {number}",
                        filename=f"scan-{number}.txt", content=b"scan")
    if number == 1:
        print("writing", flush=True)
print(number)
"""


def instance(tmp_path: Path, name: str) -> dict:
    """The environment of a new instance: its own folder and, on PostgreSQL, its own database."""
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    environment.update(DEPTCOORD_VAR_DIR=str(tmp_path / name), DEBUG="1")
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        import psycopg

        database = f"dc_backup_{name}_{uuid.uuid4().hex[:8]}"
        parts = urlsplit(database_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{database}"')
        environment["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    return environment


def drop(environment: dict) -> None:
    url = environment.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{parts.path[1:]}" WITH (FORCE)')


def manage(environment: dict, *arguments: str, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=check,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_backup_made_under_writes_restores_into_a_fresh_instance(tmp_path):
    source, target = instance(tmp_path, "source"), instance(tmp_path, "target")
    try:
        manage(source, "migrate", "-v0")
        manage(source, "shell", "--no-imports", "-c", SEED)
        stop = tmp_path / "stop"
        writer = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", WRITE_UNTIL_STOPPED],
            cwd=ROOT,
            env={**source, "STOP_FILE": str(stop)},
            stdout=subprocess.PIPE,
            text=True,
        )
        while writer.stdout.readline().strip() != "writing":
            assert writer.poll() is None
        folder = tmp_path / "backup"
        made = manage(source, "backup", str(folder))
        stop.touch()
        written = int(writer.communicate(timeout=120)[0].split()[-1])
        assert writer.returncode == 0 and written > 1
        assert "Backed up" in made.stdout
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["rows"]["records_document"] >= 3
        assert manifest["rows"]["audit_auditentry"] >= 4

        manage(target, "migrate", "-v0")
        restored = manage(target, "restore", str(folder))
        assert "Restored" in restored.stdout
        audit = manage(target, "verify_audit")
        assert "The audit trail is intact" in audit.stdout
        # Every document the restored database names has its file, byte for byte.
        check = manage(
            target,
            "shell",
            "--no-imports",
            "-c",
            "from deptcoord.records.models import DocumentVersion as V\n"
            "print(sum(1 for v in V.objects.all() if v.file.storage.exists(v.file.name)),"
            " V.objects.count())",
        )
        present, named = check.stdout.split()
        assert present == named and int(named) >= 3
        assert files_of(Path(target["DEPTCOORD_VAR_DIR"]) / "media") == files_of(folder / "media")
        assert (Path(target["DEPTCOORD_VAR_DIR"]) / "secret_key").read_bytes() == (
            folder / "secret_key"
        ).read_bytes()

        # A backup changed since it was made restores nothing.
        first = next(path for path in (folder / "media").rglob("*") if path.is_file())
        first.write_bytes(b"changed")
        refused = manage(target, "restore", str(folder), check=False)
        assert refused.returncode != 0
        assert "missing or changed since the backup" in refused.stderr
    finally:
        drop(source)
        drop(target)


@pytest.mark.parametrize("content", [b"", b"partial"])
def test_a_folder_that_is_no_backup_restores_nothing(tmp_path, content):
    environment = instance(tmp_path, "empty")
    try:
        folder = tmp_path / "not-a-backup"
        folder.mkdir()
        if content:
            (folder / "manifest.json").write_bytes(content)
        refused = manage(environment, "restore", str(folder), check=False)
        assert refused.returncode != 0
        assert "holds no readable manifest.json" in refused.stderr
    finally:
        drop(environment)
