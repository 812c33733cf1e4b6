"""Walk the audit trail's hash chain and report entries changed, inserted or deleted."""

from django.core.management.base import BaseCommand, CommandError

from deptcoord.audit.models import AuditEntry
from deptcoord.audit.services import verify_chain

SHOWN = 50  # problems printed one by one; a wholesale rewrite is summed up after these


class Command(BaseCommand):
    """Check that nobody edited the audit trail outside the application."""

    help = "Verify the audit trail's hash chain."

    def handle(self, *args, **options):
        problems = verify_chain()
        if problems:
            for problem in problems[:SHOWN]:
                self.stderr.write(problem)
            if len(problems) > SHOWN:
                self.stderr.write(f"… and {len(problems) - SHOWN} more.")
            raise CommandError(f"The audit trail was tampered with ({len(problems)} problems).")
        count = AuditEntry.objects.count()
        self.stdout.write(self.style.SUCCESS(f"The audit trail is intact ({count} entries)."))
