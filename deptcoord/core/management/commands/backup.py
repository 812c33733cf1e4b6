"""Back up the instance (database, uploaded files, secret key) into a folder with a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from deptcoord.core.backups import BackupError, backup


class Command(BaseCommand):
    """Safe while the application serves: the database is copied from one moment."""

    help = "Back up the database, the uploaded files and the secret key into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A new or empty folder.")

    def handle(self, *args, folder, **options):
        try:
            outcome = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(outcome.rows.values())} rows in {len(outcome.rows)} tables "
                f"and {outcome.files} files into {outcome.folder}."
            )
        )
