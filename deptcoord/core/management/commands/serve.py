"""Serve the application with its task workers and scheduler; Ctrl-C or SIGTERM stops them all.

A task worker or the scheduler that stops on its own is started again; the web server goes on.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

THREADS = 4
# How long the web server, the task workers and the scheduler together have to finish what they
# are doing once asked to stop; then they are killed.
STOP_SECONDS = 10
# A task worker or the scheduler that stops is started again, at most this often.
RESTART_SECONDS = 5


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class _Helper:
    """A task worker or the scheduler: should it stop (a database that stayed locked past its
    wait, say), it is started again, at most once in ``RESTART_SECONDS``, while the web server
    goes on serving."""

    def __init__(self, command: list[str]):
        self.command = command
        self.ended_with: int | None = None
        self._start()

    def _start(self) -> None:
        self.process = subprocess.Popen(self.command)  # noqa: S603
        self.started = time.monotonic()

    def restart(self) -> bool:
        """Start the process again if it stopped (and was not just started); whether it was."""
        if self.process.poll() is None or time.monotonic() - self.started < RESTART_SECONDS:
            return False
        self.ended_with = self.process.returncode
        self._start()
        return True


class Command(BaseCommand):
    """Run gunicorn, a task worker per queue and the periodic scheduler together."""

    help = "Serve the web application with its task workers and scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))

    def handle(self, *args, bind, workers, **options):
        python = sys.executable
        web = [
            python,
            "-m",
            "gunicorn",
            "deptcoord.wsgi",
            "--bind",
            bind,
            "--workers",
            str(workers),
        ]
        # Threads, so a few slow answers (a report's PDF) do not hold up everyone's quick ones.
        web += ["--worker-class", "gthread", "--threads", str(THREADS)]
        web += ["--access-logfile", "-", "--graceful-timeout", "5"]
        # One task worker per queue: plan runs never hold up e-mails and reminders.
        task_workers = [
            [python, "manage.py", "run_worker", "--queue", queue] for queue in settings.TASK_QUEUES
        ]
        scheduler = [python, "manage.py", "run_scheduler"]
        server = subprocess.Popen(web)  # noqa: S603
        helpers = [_Helper(command) for command in (*task_workers, scheduler)]
        self.stdout.write(self.style.SUCCESS(f"Serving on http://{bind}/ — press Ctrl-C to stop."))
        # systemd and `docker stop` send SIGTERM: stop everything the same way as Ctrl-C does.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while server.poll() is None:
                for helper in helpers:  # a worker or the scheduler that stopped starts again
                    if helper.restart():
                        self.stderr.write(
                            f"{' '.join(helper.command[1:3])} stopped (exit "
                            f"{helper.ended_with}); started again."
                        )
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self._stop([server, *(helper.process for helper in helpers)])

    def _stop(self, processes):
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS  # for all of them, not each in turn
        for process in processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.stdout.write("Stopped.")
