"""Background workers announce themselves, so work held by one that died is found and ended.

Each worker writes a heartbeat row every ``BEAT_SECONDS``. A worker that starts (and the hourly
check) looks for work held by workers silent for longer than ``ALIVE_WITHIN``: a crash, a
``kill -9`` or a lost machine. Apps register how to end their own records in that state (a plan
run becomes "interrupted — run again"); tasks registered as safe to repeat are queued again.
"""

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from deptcoord.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

BEAT_SECONDS = 30
ALIVE_WITHIN = timedelta(minutes=2)

_current_worker_id = ""
_recoveries: list[Callable[[set[str]], int]] = []
_repeatable: set[str] = set()


class Interrupted(Exception):
    """The worker running a task stopped before the task finished."""


def new_worker_id() -> str:
    """A worker id unique across machines: the host name and the process id."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def current_worker_id() -> str:
    """The id of the worker this process runs tasks for ("" outside a worker)."""
    return _current_worker_id


def register_recovery(handler: Callable[[set[str]], int]) -> None:
    """Register how an app ends its records held by workers not in the given set of live ids."""
    _recoveries.append(handler)


def register_repeatable(task) -> None:
    """Mark a task as safe to run again from the start when its worker died mid-way."""
    _repeatable.add(task.module_path)


def beat(worker_id: str) -> None:
    """Record that ``worker_id`` is alive now (and when it started, the first time)."""
    now = timezone.now()
    defaults = {"host": socket.gethostname()[:255], "pid": os.getpid(), "seen_at": now}
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults=defaults, create_defaults={**defaults, "started_at": now}
    )


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, someone else's
    return False


def live_worker_ids() -> set[str]:
    """Ids of the workers seen within ``ALIVE_WITHIN``, less those of this machine whose process
    is gone (after a crash and a restart, their work is ended at once)."""
    since = timezone.now() - ALIVE_WITHIN
    host = socket.gethostname()[:255]
    seen = WorkerHeartbeat.objects.filter(seen_at__gte=since)
    return {
        worker
        for worker, on, pid in seen.values_list("worker_id", "host", "pid")
        if not (on == host and _process_gone(pid))
    }


def recover_interrupted() -> dict[str, int]:
    """End the work held by silent workers; returns how many tasks and records were ended."""
    live = live_worker_ids()
    counts = {"tasks": _recover_task_results(live), "records": 0}
    for handler in _recoveries:
        counts["records"] += handler(live)
    return counts


def _recover_task_results(live: set[str]) -> int:
    """Fail the database backend's running tasks whose workers are silent; repeat the safe ones."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return 0  # RQ moves a dead worker's jobs to its failed registry itself
    from django_tasks_db.models import DBTaskResult

    ended = 0
    for pk in list(DBTaskResult.objects.running().values_list("pk", flat=True)):
        with transaction.atomic():
            # Locked and read again: two workers recovering at once end each task only once.
            result = DBTaskResult.objects.select_for_update().filter(pk=pk).running().first()
            if result is None or live.intersection(result.worker_ids or []):
                continue
            result.set_failed(Interrupted("The worker stopped before this task finished."))
            ended += 1
            if result.task_path in _repeatable:
                arguments = result.args_kwargs
                transaction.on_commit(
                    lambda task=result.task, arguments=arguments: task.enqueue(
                        *arguments["args"], **arguments["kwargs"]
                    )
                )
    return ended


class Heartbeat:
    """Beats for ``worker_id`` from a thread of its own until stopped."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def start(self) -> None:
        global _current_worker_id
        _current_worker_id = self.worker_id
        beat(self.worker_id)
        self._thread.start()

    def stop(self) -> None:
        """Stop beating and forget the worker: it left cleanly, holding nothing."""
        self._stop.set()
        self._thread.join(timeout=BEAT_SECONDS)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def _run(self) -> None:
        while not self._stop.wait(BEAT_SECONDS):
            try:
                beat(self.worker_id)
                recover_interrupted()
            except Exception:  # a busy or restarting database must not stop the worker
                logger.exception("Worker heartbeat failed")
            finally:
                close_old_connections()
                connection.close()
