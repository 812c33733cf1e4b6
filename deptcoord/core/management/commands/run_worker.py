"""Run the background worker: first end the work left by workers that died, then take tasks."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from deptcoord.core.workers import Heartbeat, new_worker_id, recover_interrupted


class Command(BaseCommand):
    """The task worker (database queue, or RQ when Redis is configured) with its heartbeat."""

    help = "Run the background task worker; work interrupted by a crash is ended first."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument(
            "--queue", default="default", choices=settings.TASK_QUEUES, help="The queue to take."
        )

    def handle(self, *args, batch=False, queue="default", **options):
        worker_id = new_worker_id()
        heartbeat = Heartbeat(worker_id)
        heartbeat.start()
        try:
            ended = recover_interrupted()
            if any(ended.values()):
                self.stdout.write(
                    f"Ended work interrupted by a stopped worker: {ended['tasks']} tasks, "
                    f"{ended['records']} records."
                )
            if settings.REDIS_URL:
                call_command(
                    "rqworker",
                    queue,
                    job_class="django_tasks_rq.Job",
                    name=worker_id,
                    burst=batch,
                    with_scheduler=not batch,
                )
            else:
                call_command(
                    "db_worker",
                    queue_name=queue,
                    interval=1,
                    worker_id=worker_id,
                    reload=False,
                    batch=batch,
                )
        finally:
            heartbeat.stop()
