"""Load the demo company on first start (an empty database) and print how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.utils import timezone

from deptcoord.demo import goals, meetings, people, planning, records, reports, work
from deptcoord.demo.org import DOMAIN, load_demo_company
from deptcoord.org.models import Department, Membership

# Each capability adds its chapter to the demo company's story, in this order.
DEMO_CHAPTERS = [goals, work, planning, meetings, people, records, reports]


class Command(BaseCommand):
    """Create Sao Mai JSC with its departments and people, once."""

    help = "Load the demo company when the database has no departments yet."

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "demo-password.txt"
        if not Department.objects.exists():
            password = secrets.token_urlsafe(9)
            today = timezone.localdate()
            load_demo_company(make_password(password), today)
            for chapter in DEMO_CHAPTERS:
                chapter.load(today)
            password_file.write_text(password)
            password_file.chmod(0o600)
            self.stdout.write(self.style.SUCCESS("Demo company loaded."))
        if password_file.exists():
            self._print_login(password_file.read_text().strip())

    def _print_login(self, password: str) -> None:
        coordinator = (
            Membership.objects.filter(role="coordinator", department__code="MKT")
            .select_related("person")
            .first()
        )
        lines = [
            "",
            f"  Open {settings.SITE_URL}/ and sign in:",
            f"    administrator   admin@{DOMAIN}   password: {password}",
        ]
        if coordinator:
            email = coordinator.person.email
            lines.append(f"    a coordinator   {email}   (every demo person has the same password)")
        self.stdout.write("\n".join([*lines, ""]))
