"""The planner's background job: solve with CP-SAT, writing progress to the run, then compute
a suggestion for each missed goal by planning again with a change."""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from deptcoord.core.workers import current_worker_id
from deptcoord.notices.notifications import notify
from deptcoord.planning import messages
from deptcoord.planning.department_planner import plan_department
from deptcoord.planning.errors import PlanningError
from deptcoord.planning.models import PlanRun
from deptcoord.planning.serialize import plan_to_dict, problem_from_dict, suggestion_to_dict
from deptcoord.planning.services.common import refusal, summary
from deptcoord.planning.suggestions import suggest_changes

logger = logging.getLogger(__name__)

# The solve fills the bar up to here; the suggestions fill the rest.
SOLVE_SHARE = 70
POLL_SECONDS = 0.5


def _write(run_id: int, **fields) -> None:
    PlanRun.objects.filter(pk=run_id).update(**fields)


def _solve(run_id: int, problem, seconds: float, workers: int):
    """CP-SAT in a worker thread; this thread writes its progress to the run row meanwhile."""
    latest: dict = {}
    outcome: dict = {}

    def report(update) -> None:
        latest["update"] = update

    def solve() -> None:
        try:
            outcome["plan"] = plan_department(
                problem, seconds=seconds, workers=workers, progress=report
            )
        except Exception as error:  # handed back to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=solve, daemon=True)
    began = time.monotonic()
    worker.start()
    written = None
    while worker.is_alive():
        worker.join(POLL_SECONDS)
        share = min((time.monotonic() - began) / max(seconds, 0.01), 1.0)
        update = latest.get("update")
        fields = {"progress": max(1, int(share * (SOLVE_SHARE - 1)))}
        if update is not None and update is not written:
            fields["best_so_far"] = {**summary(update.score), "method": "cp-sat"}
            written = update
        _write(run_id, **fields)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["plan"]


def _suggestions(run_id: int, problem, plan, seconds: float, workers: int) -> list[dict]:
    missed = [verdict.goal_id for verdict in plan.goals if not verdict.achievable]
    found = []
    for done, goal_id in enumerate(missed, start=1):
        for suggestion in suggest_changes(
            problem, goal_id, baseline=plan, seconds=seconds, workers=workers
        ):
            found.append(suggestion_to_dict(suggestion))
        _write(run_id, progress=SOLVE_SHARE + int((100 - SOLVE_SHARE) * done / len(missed)) - 1)
    return found


def execute(run_id: int, *, seconds: float | None = None, suggestion_seconds=None) -> PlanRun:
    """Plan the run now (the task, the demo and tests call this)."""
    run = PlanRun.objects.get(pk=run_id)
    if run.status != PlanRun.Status.QUEUED:
        return run
    _write(run_id, status=PlanRun.Status.RUNNING, progress=1, worker=current_worker_id())
    seconds = settings.PLANNER_SECONDS if seconds is None else seconds
    suggestion_seconds = suggestion_seconds or settings.PLANNER_SUGGESTION_SECONDS
    workers = settings.PLANNER_WORKERS
    problem = problem_from_dict(run.problem["engine"])
    try:
        plan = _solve(run_id, problem, seconds, workers)
        suggestions = _suggestions(run_id, problem, plan, suggestion_seconds, workers)
    except PlanningError as error:
        message = refusal(error, run.problem.get("labels", {})).messages[0]
        _fail(run_id, message)
        return PlanRun.objects.get(pk=run_id)
    except Exception:
        logger.exception("Plan run %s failed", run_id)
        _fail(run_id, str(messages.SOLVER_FAILED))
        return PlanRun.objects.get(pk=run_id)
    with transaction.atomic():
        _write(
            run_id,
            status=PlanRun.Status.SUCCEEDED,
            progress=100,
            result={"plan": plan_to_dict(plan), "suggestions": suggestions},
            best_so_far={**summary(plan.score, plan.goals), "method": plan.method},
            method=plan.method,
            proven_optimal=plan.proven_optimal,
            seconds=round(plan.seconds, 2),
            finished_at=timezone.now(),
        )
        run = PlanRun.objects.select_related("created_by").get(pk=run_id)
        reached = sum(1 for verdict in plan.goals if verdict.achievable)
        _tell_creator(run, messages.RUN_FINISHED, reached=reached, total=len(plan.goals))
    return run


def _tell_creator(run: PlanRun, message, **params) -> None:
    """Notify the person who started the run; they may have left its page."""
    notify(
        recipient=run.created_by,
        kind="planning.run_finished",
        message=message,
        params={"name": run.name, **params},
        url=reverse("planning:detail", args=[run.pk]),
        target=run,
    )


def _fail(run_id: int, message: str) -> None:
    _write(run_id, status=PlanRun.Status.FAILED, error=message, finished_at=timezone.now())
    run = PlanRun.objects.select_related("created_by").get(pk=run_id)
    _tell_creator(run, messages.RUN_FAILED, error=message)


def end_interrupted_runs(live_workers: set[str]) -> int:
    """Fail the runs whose worker went silent, telling who started them; returns how many."""
    held = (
        PlanRun.objects.filter(status=PlanRun.Status.RUNNING)
        .exclude(worker="")
        .exclude(worker__in=live_workers)
        .values_list("pk", flat=True)
    )
    ended = 0
    for run_id in list(held):
        # The status in the condition makes a second worker's recovery of the same run a no-op.
        if PlanRun.objects.filter(pk=run_id, status=PlanRun.Status.RUNNING).update(
            status=PlanRun.Status.FAILED, finished_at=timezone.now()
        ):
            _fail(run_id, str(messages.INTERRUPTED))
            ended += 1
    return ended


@task(queue_name="planner")
def run_plan(run_id: int) -> str:
    """Plan a queued run in the background."""
    return execute(run_id).status


# A run still queued or running this long after it started lost its worker (a restart, a crash).
STALE_AFTER = timedelta(hours=1)


@task
def fail_stale_runs() -> int:
    """Mark runs whose worker stopped as failed, and tell who started them (hourly)."""
    cutoff = timezone.now() - STALE_AFTER
    stale = PlanRun.objects.filter(
        status__in=[PlanRun.Status.QUEUED, PlanRun.Status.RUNNING], created_at__lt=cutoff
    ).values_list("pk", flat=True)
    failed = 0
    for run_id in list(stale):
        _fail(run_id, str(messages.SOLVER_FAILED))
        failed += 1
    return failed
