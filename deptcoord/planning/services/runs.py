"""Starting plan runs and what-if scenarios: build the problem, preview it at once, queue the
solve."""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.language import language_of
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.planning import messages
from deptcoord.planning.builder import build_problem, default_goals
from deptcoord.planning.department import EXTRA_CAPACITY, MOVE_DEADLINE, POSTPONE_GOAL
from deptcoord.planning.department_planner import preview_department
from deptcoord.planning.errors import PlanningError
from deptcoord.planning.models import MAX_TIME_FRAME_DAYS, PlanRun
from deptcoord.planning.serialize import plan_to_dict, problem_from_dict, problem_to_dict
from deptcoord.planning.services.common import refusal, summary
from deptcoord.planning.suggestions import with_deadline, with_extra_hours, with_postponed_goal

RUN_FIELDS = ["name", "scope", "department", "project", "start", "end", "parent", "change"]


def _check_time_frame(start: date, end: date) -> None:
    if start is None or end is None:
        raise ValidationError({"start" if start is None else "end": [messages.REQUIRED]})
    if end < start:
        raise ValidationError({"end": [messages.TIME_FRAME_ORDER]})
    if (end - start).days + 1 > MAX_TIME_FRAME_DAYS:
        raise ValidationError({"end": [messages.TIME_FRAME_TOO_LONG]})


def _preview(run: PlanRun, problem, labels) -> None:
    """The greedy plan, stored at once so the page shows something while the solver runs."""
    try:
        plan = preview_department(problem)
    except PlanningError as error:
        raise refusal(error, labels) from None
    run.preview = plan_to_dict(plan)
    run.best_so_far = {**summary(plan.score, plan.goals), "method": plan.method}


def _queue(run: PlanRun) -> None:
    from deptcoord.planning.tasks import run_plan

    transaction.on_commit(lambda: run_plan.enqueue(run.pk))


def _record(actor: Actor, run: PlanRun, action: str) -> None:
    audit_record(
        actor=actor,
        kind="create",
        action=action,
        target=run,
        changes=diff({}, snapshot(run, RUN_FIELDS)),
        department_id=run.department_id,
    )


def _default_name(actor: Actor, scope_name: str, start: date, end: date) -> str:
    """A run's name when none is given: its scope and time frame, in its author's language."""
    with translation.override(language_of(actor.person)):
        first, last = date_format(start, "SHORT_DATE_FORMAT"), date_format(end, "SHORT_DATE_FORMAT")
    return f"{scope_name} {first}–{last}"


@transaction.atomic
def plan_run_start(
    *,
    actor: Actor,
    start: date,
    end: date,
    department=None,
    project=None,
    goals=None,
    name: str = "",
) -> PlanRun:
    """Plan a department (or a project) over a time frame; the solve runs in the background."""
    if project is not None:
        department = project.lead_department
    if department is None:
        raise ValidationError({"department": [messages.CHOOSE_SCOPE]})
    scope = PlanRun.Scope.PROJECT if project is not None else PlanRun.Scope.DEPARTMENT
    authorize(actor, Action.PLAN, PlanRun(department=department, project=project))
    _check_time_frame(start, end)
    goals = list(goals if goals is not None else default_goals(department, project, start, end))
    built = build_problem(department=department, project=project, goals=goals, start=start, end=end)
    if not built.problem.steps:
        raise ValidationError({NON_FIELD_ERRORS: [messages.NOTHING_TO_PLAN]})
    scope_name = project.code if project is not None else department.code
    run = PlanRun(
        name=name.strip() or _default_name(actor, scope_name, start, end),
        scope=scope,
        department=department,
        project=project,
        start=start,
        end=end,
        problem={"engine": problem_to_dict(built.problem), "labels": built.labels},
        step_versions=built.step_versions,
        created_by=actor.person,
    )
    _preview(run, built.problem, built.labels)
    run.save()
    run.goals.set(goals)
    _record(actor, run, "planning.run.start")
    recheck_reach(actor, run, Action.VIEW)
    _queue(run)
    return run


def _changed_problem(problem, change: dict, labels: dict):
    """The parent's problem with one suggestion's change."""
    kind = change.get("kind")
    goal_ids = {goal.goal_id for goal in problem.goals}
    if change.get("goal_id") not in goal_ids:
        raise ValidationError(
            {"change": [messages.GOAL_OUT_OF_SCOPE % {"goal": change.get("goal_id", "")}]}
        )
    if kind == EXTRA_CAPACITY:
        return with_extra_hours(
            problem, set(change["person_ids"]), float(change["extra_hours_per_week"])
        )
    if kind == MOVE_DEADLINE:
        return with_deadline(problem, change["goal_id"], int(change["new_deadline_day"]))
    if kind == POSTPONE_GOAL and change.get("postponed_goal_id") in goal_ids:
        deadline = next(g.deadline_day for g in problem.goals if g.goal_id == change["goal_id"])
        return with_postponed_goal(problem, change["postponed_goal_id"], deadline)
    raise ValidationError({"change": [messages.UNKNOWN_SUGGESTION]})


CHANGE_KEYS = (
    "kind",
    "goal_id",
    "person_ids",
    "extra_hours_per_week",
    "new_deadline_day",
    "postponed_goal_id",
)


@transaction.atomic
def plan_run_what_if(*, actor: Actor, run_id: int, suggestion: int) -> PlanRun:
    """A new scenario: the run's problem with one of its suggestions applied, planned again."""
    parent = PlanRun.objects.select_related("department", "project").get(pk=run_id)
    authorize(actor, Action.PLAN, parent)
    if parent.status != PlanRun.Status.SUCCEEDED:
        raise ValidationError({NON_FIELD_ERRORS: [messages.NOT_FINISHED]})
    suggestions = parent.result.get("suggestions", [])
    if not 0 <= suggestion < len(suggestions):
        raise ValidationError({"suggestion": [messages.UNKNOWN_SUGGESTION]})
    change = {key: suggestions[suggestion].get(key) for key in CHANGE_KEYS}
    labels = parent.problem.get("labels", {})
    problem = _changed_problem(problem_from_dict(parent.problem["engine"]), change, labels)
    run = PlanRun(
        name=parent.name,
        scope=parent.scope,
        department=parent.department,
        project=parent.project,
        start=parent.start,
        end=parent.end,
        problem={"engine": problem_to_dict(problem), "labels": labels},
        step_versions=parent.step_versions,
        parent=parent,
        change=change,
        created_by=actor.person,
    )
    _preview(run, problem, labels)
    run.save()
    run.goals.set(parent.goals.all())
    _record(actor, run, "planning.run.what_if")
    recheck_reach(actor, run, Action.VIEW)
    _queue(run)
    return run
