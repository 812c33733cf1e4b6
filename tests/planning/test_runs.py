"""Plan runs on a small hand-built department: verdicts, suggestions, what-ifs, progress."""

from datetime import timedelta

import pytest

from deptcoord.audit.models import AuditEntry
from deptcoord.planning import services
from deptcoord.planning.models import PlanRun
from deptcoord.planning.tasks import execute
from tests.planning.helpers import MONDAY, actor, build_plan, finished_run, start_run

pytestmark = pytest.mark.django_db


def verdicts(run):
    return {v["goal_id"]: v for v in run.result["plan"]["goals"]}


def test_start_stores_an_instant_preview_and_queues_the_solve(
    world, django_capture_on_commit_callbacks
):
    plan = build_plan(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = start_run(world, plan)
    assert run.status == PlanRun.Status.QUEUED
    assert run.preview["method"] == "heuristic"
    assert run.best_so_far["goals_total"] == 3  # two goals and the project's end date
    assert set(run.goals.all()) == {plan.launch, plan.teaser}
    assert run.step_versions == {f"step-{plan.brief.pk}": 1, f"step-{plan.campaign.pk}": 1}
    # the solve is queued once the run is stored (beside the change counters' bump)
    assert len([call for call in callbacks if "_queue" in call.__qualname__]) == 1
    assert AuditEntry.objects.filter(action="planning.run.start").count() == 1


def test_the_solved_plan_has_the_known_answer(world):
    plan = build_plan(world)
    run = finished_run(world, plan)
    assert run.status == PlanRun.Status.SUCCEEDED
    assert run.progress == 100
    steps = {s["step_id"]: s for s in run.result["plan"]["steps"]}
    assert steps[f"step-{plan.brief.pk}"]["start_day"] == 0
    assert steps[f"step-{plan.brief.pk}"]["finish_day"] == 1
    assert steps[f"step-{plan.campaign.pk}"]["finish_day"] == 3
    found = verdicts(run)
    assert found[f"goal-{plan.launch.pk}"]["achievable"] is True
    assert found[f"goal-{plan.teaser.pk}"]["achievable"] is False
    assert found[f"goal-{plan.teaser.pk}"]["finish_day"] == 3
    chain = found[f"goal-{plan.teaser.pk}"]["deciding_chain"]
    assert [link["step_id"] for link in chain] == [
        f"step-{plan.brief.pk}",
        f"step-{plan.campaign.pk}",
    ]


def test_each_suggestion_for_the_missed_goal_was_planned_again(world):
    plan = build_plan(world)
    run = finished_run(world, plan)
    kinds = {s["kind"]: s for s in run.result["suggestions"]}
    assert kinds["move_deadline"]["new_deadline_day"] == 3
    assert kinds["move_deadline"]["verdict"]["achievable"] is True
    extra = kinds["extra_capacity"]
    assert extra["person_ids"] == [f"person-{world.member.pk}"]
    # A person does one step at a time: by Wednesday one of the two 12-hour steps must fit in a
    # day, so 8 + x/5 ≥ 12 hours: x = 20 hours a week is the least that works.
    assert extra["extra_hours_per_week"] == 20
    assert extra["verdict"]["achievable"] is True


def test_a_what_if_plans_the_parent_with_the_suggested_change(world):
    plan = build_plan(world)
    parent = finished_run(world, plan)
    index = next(
        i for i, s in enumerate(parent.result["suggestions"]) if s["kind"] == "extra_capacity"
    )
    scenario = services.plan_run_what_if(
        actor=actor(world.coordinator), run_id=parent.pk, suggestion=index
    )
    assert scenario.parent == parent
    assert scenario.change["extra_hours_per_week"] == 20
    scenario = execute(scenario.pk, seconds=1, suggestion_seconds=0.5)
    assert all(v["achievable"] for v in scenario.result["plan"]["goals"])
    assert scenario.result["suggestions"] == []


def test_progress_is_written_to_the_run_while_solving(world, monkeypatch):
    from deptcoord.planning import tasks

    plan = build_plan(world)
    run = start_run(world, plan)
    seen = []
    original = tasks._write

    def spy(run_id, **fields):
        seen.append(fields)
        original(run_id, **fields)

    monkeypatch.setattr(tasks, "_write", spy)
    monkeypatch.setattr(tasks, "POLL_SECONDS", 0.01)
    execute(run.pk, seconds=1, suggestion_seconds=0.5)
    progress = [fields["progress"] for fields in seen if "progress" in fields]
    assert progress == sorted(progress)
    assert progress[0] == 1 and progress[-1] == 100
    assert seen[0]["status"] == PlanRun.Status.RUNNING


def test_an_outside_predecessor_holds_the_step_until_its_due_date(world):
    from deptcoord.work.models import Dependency
    from tests.planning.helpers import make_step

    plan = build_plan(world)
    sales = make_step(
        world,
        None,
        "Price list",
        8,
        world.other_member,
        world.other,
        due=MONDAY + timedelta(days=1),
    )
    Dependency.objects.create(predecessor=sales, successor=plan.brief, lag_days=0)
    run = finished_run(world, plan)
    steps = {s["step_id"]: s for s in run.result["plan"]["steps"]}
    assert steps[f"step-{plan.brief.pk}"]["start_day"] == 2


def test_the_person_who_started_the_run_is_told_when_it_is_ready(world):
    from deptcoord.notices.models import Notification

    plan = build_plan(world)
    run = finished_run(world, plan)
    note = Notification.objects.get(recipient=world.coordinator, kind="planning.run_finished")
    assert note.url == f"/plan/{run.pk}/"
    assert note.message_en == f"Your plan “{run.name}” is ready: 2 of 3 goals reachable."


def test_a_run_that_lost_its_worker_is_marked_failed(world):
    from datetime import timedelta

    from django.utils import timezone

    from deptcoord.planning.tasks import fail_stale_runs

    plan = build_plan(world)
    lost = start_run(world, plan)
    PlanRun.objects.filter(pk=lost.pk).update(
        status=PlanRun.Status.RUNNING, created_at=timezone.now() - timedelta(hours=2)
    )
    fresh = start_run(world, plan)
    assert fail_stale_runs.call() == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == PlanRun.Status.FAILED and fresh.status == PlanRun.Status.QUEUED
    assert "stopped unexpectedly" in lost.error


def test_a_run_without_a_name_is_named_in_its_authors_language(world):
    plan = build_plan(world)
    world.coordinator.language = "vi"
    world.coordinator.save(update_fields=["language"])
    run = start_run(world, plan)
    assert run.name == f"MKT {MONDAY:%d/%m/%Y}–{run.end:%d/%m/%Y}"
    world.coordinator.language = "en"
    world.coordinator.save(update_fields=["language"])
    assert start_run(world, plan).name == f"MKT {MONDAY:%Y-%m-%d}–{run.end:%Y-%m-%d}"
