"""Restore a backup made by `manage.py backup` into this instance."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from deptcoord.core.backups import BackupError, restore


class Command(BaseCommand):
    """Checks every checksum first; a backup that does not match restores nothing."""

    help = "Replace this instance's database, files and secret key with a backup. Stop it first."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A folder written by manage.py backup.")

    def handle(self, *args, folder, **options):
        try:
            outcome = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(outcome.rows.values())} rows in {len(outcome.rows)} tables "
                f"and {outcome.files} files from {outcome.folder}. Run manage.py verify_audit "
                "to check the audit trail."
            )
        )
