"""Enqueue periodic jobs once per period, forever or once (--once)."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from deptcoord.core.periodic import enqueue_due, registered_jobs


class Command(BaseCommand):
    """The periodic-job scheduler; safe to run on several machines at once."""

    help = "Enqueue periodic jobs (reminders, digests, housekeeping) once per period."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between checks.")

    def handle(self, *args, once=False, interval=60, **options):
        while True:
            now = timezone.localtime()
            names = enqueue_due(now)
            if names:
                periods = {job.name: job.period_key(now) for job in registered_jobs()}
                self.stdout.write(
                    "enqueued: " + ", ".join(f"{name} ({periods[name]})" for name in names),
                    ending="\n",
                )
                self.stdout.flush()
            if once:
                return
            time.sleep(interval)
