"""Periodic jobs: each app registers its jobs; the scheduler enqueues each once per period.

The period key (``2026-11-26`` for a daily job, ``2026-11-26T09`` for an hourly one) and a
unique row per job and period mean that several schedulers never enqueue the same run twice.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from deptcoord.core.models import PeriodicRun
from deptcoord.core.workers import register_repeatable

PERIOD_FORMATS = {"hourly": "%Y-%m-%dT%H", "daily": "%Y-%m-%d", "weekly": "%G-W%V"}


@dataclass(frozen=True)
class PeriodicJob:
    """A task to enqueue once per period."""

    name: str
    every: str
    task: object

    def period_key(self, now: datetime) -> str:
        """The key of the period containing ``now``."""
        return now.strftime(PERIOD_FORMATS[self.every])


_jobs: dict[str, PeriodicJob] = {}


def register_periodic(name: str, every: str, task, *, repeatable: bool = False) -> None:
    """Register a task to run once per hour, day or week; ``repeatable`` when a run cut short
    may simply run again from the start (it sends nothing twice)."""
    if every not in PERIOD_FORMATS:
        raise ValueError(f"Unknown period {every!r}")
    _jobs[name] = PeriodicJob(name=name, every=every, task=task)
    if repeatable:
        register_repeatable(task)


def registered_jobs() -> list[PeriodicJob]:
    """Every registered periodic job."""
    return list(_jobs.values())


def enqueue_due(now: datetime) -> list[str]:
    """Enqueue each job whose current period has not run yet; return the names enqueued."""
    enqueued = []
    for job in registered_jobs():
        period = job.period_key(now)
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(job=job.name, period=period)
                transaction.on_commit(job.task.enqueue)
        except IntegrityError:
            continue
        enqueued.append(job.name)
    return enqueued
