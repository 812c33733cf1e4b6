"""A whole instance in one folder: the database, the uploaded files and the secret key, with a
manifest of row counts and checksums that a restore checks before it changes anything.

The database is copied from one consistent moment while people keep working: SQLite's online
backup, or ``pg_dump`` on a snapshot that the row counts are read from too. Files are copied
after that moment, so every file the copied database names is there.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA = "media"
SECRET_KEY_FILE = "secret_key"  # noqa: S105  (a file name)
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Outcome:
    """What a backup or restore did: rows per table and the files it carried."""

    folder: Path
    rows: dict[str, int]
    files: int


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables() -> list[str]:
    """Every table the application's models keep, in a stable order."""
    return sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        & set(connection.introspection.table_names())
    )


def _count_rows(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _program(name: str) -> str:
    """The full path of a PostgreSQL client program."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed. Install PostgreSQL's client programs.")
    return path


def _postgres_arguments() -> tuple[list[str], dict]:
    """Connection options for pg_dump / pg_restore, the password through the environment."""
    database = settings.DATABASES["default"]
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _copy_database(folder: Path, tables: list[str]) -> dict[str, int]:
    """Copy the database at one moment; return the row counts of that moment."""
    if _is_sqlite():
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            connection.connection.backup(target)
            return _count_rows(target.cursor(), tables)
        finally:
            target.close()
    arguments, environment = _postgres_arguments()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _count_rows(cursor, tables)
        subprocess.run(  # noqa: S603
            [
                _program("pg_dump"),
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                "--file",
                str(folder / POSTGRES_FILE),
                *arguments,
            ],
            env=environment,
            check=True,
            capture_output=True,
        )
    return counts


def backup(folder: Path) -> Outcome:
    """Write the instance into ``folder`` (new or empty) and its manifest last."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty. Choose a new folder for the backup.")
    folder.mkdir(parents=True, exist_ok=True)
    counts = _copy_database(folder, _tables())
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.copytree(media, folder / MEDIA)
    secret_key = Path(settings.VAR_DIR) / SECRET_KEY_FILE
    if secret_key.exists():
        shutil.copy2(secret_key, folder / SECRET_KEY_FILE)
    files = {
        str(path.relative_to(folder)): _checksum(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    manifest = {
        "format": FORMAT,
        "made_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "rows": counts,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return Outcome(folder, counts, len(files))


def read_manifest(folder: Path) -> dict:
    """The manifest, once every file it lists is present with its checksum."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} holds no readable {MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} was written by another version of the backup.")
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']} database; this instance runs on "
            f"{connection.vendor}. Restore it into an instance of the same kind."
        )
    for name, checksum in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _checksum(path) != checksum:
            raise BackupError(f"{name} is missing or changed since the backup. Nothing restored.")
    return manifest


def _restore_database(folder: Path) -> None:
    if _is_sqlite():
        source = sqlite3.connect(folder / SQLITE_FILE)
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    arguments, environment = _postgres_arguments()
    connection.close()  # pg_restore --clean drops what this connection may hold
    subprocess.run(  # noqa: S603
        [
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *arguments,
            str(folder / POSTGRES_FILE),
        ],
        env=environment,
        check=True,
        capture_output=True,
    )


def restore(folder: Path) -> Outcome:
    """Replace this instance's database, files and secret key with the backup in ``folder``.

    The checksums are checked first (a mismatch restores nothing); the row counts after.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    _restore_database(folder)
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    if (folder / MEDIA).exists():
        shutil.copytree(folder / MEDIA, media)
    if (folder / SECRET_KEY_FILE).exists():
        shutil.copy2(folder / SECRET_KEY_FILE, Path(settings.VAR_DIR) / SECRET_KEY_FILE)
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, sorted(manifest["rows"]))
    if counts != manifest["rows"]:
        differ = sorted(table for table in counts if counts[table] != manifest["rows"][table])
        raise BackupError(f"Row counts differ from the backup's after restoring: {differ}.")
    return Outcome(folder, counts, len(manifest["files"]))
