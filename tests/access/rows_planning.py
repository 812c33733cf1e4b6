"""Access-matrix rows for plan runs.

The records: a finished plan for Marketing (own) with the small hand-built project of
tests/planning/helpers.py, whose missed goal has suggestions, and a plan for Sales (other).
They are built without going through the pages, so building them writes nothing the rows
compare.
"""

from deptcoord.core.actor import SYSTEM
from deptcoord.planning import services
from deptcoord.planning.tasks import execute
from tests.access.matrix import EVERYONE, RUNNERS, page, rows
from tests.planning.helpers import MONDAY, WINDOW_END, build_plan, finished_run, make_step

READERS = RUNNERS | {"executive"}
NOT_READERS = EVERYONE - READERS
OTHER_READERS = {"admin", "executive", "other_coordinator"}
PLANNERS = RUNNERS | {"other_coordinator"}


def _build(world) -> dict:
    plan = build_plan(world)
    make_step(world, None, "Price list", 8, world.other_member, world.other)
    other = services.plan_run_start(
        actor=SYSTEM, department=world.other, start=MONDAY, end=WINDOW_END
    )
    return {
        "run_own": finished_run(world, plan),
        "run_other": execute(other.pk, seconds=1, suggestion_seconds=0.5),
    }


def records(world) -> dict:
    """The plan runs of this world, built once."""
    if not hasattr(world, "planning_records"):
        world.planning_records = _build(world)
    return world.planning_records


def target(world, role, name):
    """The record a planning row is about (None for names that are not the planner's)."""
    return records(world).get(name) if name.startswith("run_") else None


POLICY = [
    *rows(
        "plan_run",
        "run_own",
        {"view": READERS, "plan": RUNNERS, "apply_plan": RUNNERS},
    ),
    *rows(
        "plan_run",
        "run_other",
        {
            "view": OTHER_READERS,
            "plan": {"admin", "other_coordinator"},
            "apply_plan": {"admin", "other_coordinator"},
        },
    ),
]

PAGES = [
    page("planning:list", ok=EVERYONE),
    page("planning:list_export", ok=EVERYONE, file_format="xlsx"),
    page("planning:new", ok=PLANNERS),
    page("planning:compare", ok=EVERYONE),
    page("planning:detail", "run_own", ok=READERS, hidden=NOT_READERS),
    page("planning:detail", "run_other", ok=OTHER_READERS, hidden=EVERYONE - OTHER_READERS),
    page("planning:progress", "run_own", ok=READERS, hidden=NOT_READERS),
    page("planning:what_if", "run_own", method="POST", ok=RUNNERS, hidden=NOT_READERS, index=0),
    page("planning:apply", "run_own", method="POST", ok=RUNNERS, hidden=NOT_READERS),
]


def _new_plan(world) -> dict:
    make_step(world, None, "Newsletter", 8, world.member)  # a step to plan (no audit entry)
    return {
        "department_id": world.own.pk,
        "start": MONDAY.isoformat(),
        "end": WINDOW_END.isoformat(),
    }


API = [
    ("GET", "/api/v1/plans", "", EVERYONE, (), None),
    ("POST", "/api/v1/plans", "", RUNNERS, {"guest"}, _new_plan),
    ("GET", "/api/v1/plans/{id}", "run_own", READERS, NOT_READERS, None),
    ("GET", "/api/v1/plans/{id}/result", "run_own", READERS, NOT_READERS, None),
    ("POST", "/api/v1/plans/{id}/what-if", "run_own", RUNNERS, NOT_READERS, {"suggestion": 0}),
    ("POST", "/api/v1/plans/{id}/apply", "run_own", RUNNERS, NOT_READERS, None),
]
