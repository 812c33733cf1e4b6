"""The dependency graph: critical path, slack, cycles, slip propagation and working days."""

from __future__ import annotations

import ast
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deptcoord.work import calendar_days, graph
from deptcoord.work.calendar_days import (
    WorkingCalendar,
    date_of_working_day,
    finish_date,
    is_working_day,
    working_day_index,
    working_days_between,
)
from deptcoord.work.graph import (
    DEPENDENCY_CYCLE,
    Dependency,
    DependencyCycleError,
    PlanError,
    ProjectPlan,
    Step,
    check_plan,
    downstream_slip,
    schedule_plan,
)

QUICK = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def acyclic_plans(draw, *, fixed_starts: bool = False, negative_lags: bool = False):
    """A small random DAG whose input order is shuffled away from its topological order."""
    size = draw(st.integers(1, 8))
    names = draw(st.permutations([f"s{i}" for i in range(size)]))
    lag = st.integers(-2 if negative_lags else 0, 3)
    pairs = [(i, j) for i in range(size) for j in range(i + 1, size)]
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=14)) if pairs else []
    dependencies = [Dependency(names[i], names[j], draw(lag)) for i, j in chosen]
    steps = []
    for name in names:
        fixed = draw(st.none() | st.integers(0, 6)) if fixed_starts else None
        steps.append(Step(name, draw(st.integers(0, 5)), fixed))
    order = draw(st.permutations(range(size)))
    return ProjectPlan(tuple(steps[i] for i in order), tuple(dependencies))


def all_paths(plan: ProjectPlan):
    """Every path as (steps, dependencies), found by brute-force enumeration."""
    outgoing: dict = {step.id: [] for step in plan.steps}
    for dependency in plan.dependencies:
        outgoing[dependency.predecessor].append(dependency)
    pending = [([step.id], []) for step in plan.steps]
    while pending:
        steps, links = pending.pop()
        yield steps, links
        for dependency in outgoing[steps[-1]]:
            pending.append(([*steps, dependency.successor], [*links, dependency]))


def step_duration(plan: ProjectPlan, step_id) -> int:
    return next(step.duration for step in plan.steps if step.id == step_id)


def path_length(plan: ProjectPlan, steps, links) -> int:
    durations = {step.id: step.duration for step in plan.steps}
    return sum(durations[s] for s in steps) + sum(link.lag for link in links)


@QUICK
@given(acyclic_plans())
def test_critical_path_length_is_the_longest_path_found_by_brute_force(plan):
    schedule = schedule_plan(plan)
    paths = list(all_paths(plan))
    longest = max(path_length(plan, steps, links) for steps, links in paths)
    assert schedule.project_finish == longest
    longest_paths = [steps for steps, links in paths if path_length(plan, steps, links) == longest]
    on_a_longest_path = {step for steps in longest_paths for step in steps}
    assert schedule.critical_steps == on_a_longest_path
    assert schedule.critical_paths
    for path in schedule.critical_paths:
        # Each reported path is a real chain whose own length is the project length.
        best = max(
            path_length(plan, steps, links) for steps, links in paths if tuple(steps) == path
        )
        assert best == longest
        assert schedule.steps[path[0]].earliest_start == 0
        assert schedule.steps[path[-1]].earliest_finish == longest


@QUICK
@given(acyclic_plans())
def test_earliest_start_is_the_longest_path_into_the_step(plan):
    schedule = schedule_plan(plan)
    durations = {step.id: step.duration for step in plan.steps}
    for step in plan.steps:
        into = [
            path_length(plan, steps, links) - durations[step.id]
            for steps, links in all_paths(plan)
            if steps[-1] == step.id
        ]
        assert schedule.steps[step.id].earliest_start == max(into)


@QUICK
@given(acyclic_plans(fixed_starts=True, negative_lags=True), st.integers(0, 3))
def test_slack_is_never_negative_and_earliest_never_after_latest(plan, project_start):
    schedule = schedule_plan(plan, project_start=project_start)
    for step in plan.steps:
        timing = schedule.steps[step.id]
        assert timing.total_slack >= 0
        assert timing.earliest_start <= timing.latest_start
        assert timing.earliest_finish <= timing.latest_finish <= schedule.project_finish
        assert timing.earliest_start >= max(project_start, step.earliest_start or 0)
        assert timing.earliest_finish - timing.earliest_start == step.duration
        assert timing.critical == (timing.total_slack == 0)
    for dependency in plan.dependencies:
        before = schedule.steps[dependency.predecessor]
        after = schedule.steps[dependency.successor]
        assert after.earliest_start >= before.earliest_finish + dependency.lag
        assert after.latest_start >= before.latest_finish + dependency.lag


@QUICK
@given(acyclic_plans(fixed_starts=True), st.integers(-5, 5))
def test_a_deadline_shifts_every_latest_date_and_can_make_slack_negative(plan, offset):
    free = schedule_plan(plan)
    deadline = free.project_finish + offset
    tight = schedule_plan(plan, deadline=deadline)
    for step in plan.steps:
        assert tight.steps[step.id].latest_finish == free.steps[step.id].latest_finish + offset
        assert tight.steps[step.id].total_slack >= offset
    assert min(timing.total_slack for timing in tight.steps.values()) == offset
    assert tight.critical_steps == free.critical_steps


def test_hand_example_with_lag_fixed_start_and_slack():
    plan = ProjectPlan(
        steps=(
            Step("design", 3),
            Step("build", 5),
            Step("brochure", 1),
            Step("launch", 1),
            Step("press", 2, earliest_start=2),
        ),
        dependencies=(
            Dependency("design", "build"),
            Dependency("design", "brochure", lag=1),
            Dependency("build", "launch"),
            Dependency("brochure", "launch"),
        ),
    )
    schedule = schedule_plan(plan)
    assert schedule.project_finish == 9
    brochure = schedule.steps["brochure"]
    assert (brochure.earliest_start, brochure.earliest_finish) == (4, 5)
    assert (brochure.latest_start, brochure.latest_finish, brochure.total_slack) == (7, 8, 3)
    assert schedule.steps["press"].earliest_start == 2
    assert schedule.steps["press"].total_slack == 5
    assert schedule.critical_paths == (("design", "build", "launch"),)
    assert schedule.critical_steps == {"design", "build", "launch"}


def test_parallel_critical_branches_are_all_listed_up_to_the_limit():
    steps = (Step("a", 1), Step("b", 2), Step("c", 2), Step("d", 1))
    links = (
        Dependency("a", "b"),
        Dependency("a", "c"),
        Dependency("b", "d"),
        Dependency("c", "d"),
    )
    plan = ProjectPlan(steps, links)
    assert set(schedule_plan(plan).critical_paths) == {("a", "b", "d"), ("a", "c", "d")}
    assert len(schedule_plan(plan, path_limit=1).critical_paths) == 1


def test_empty_plan_and_lone_milestone():
    assert schedule_plan(ProjectPlan(())).project_finish == 0
    schedule = schedule_plan(ProjectPlan((Step("kick-off", 0),)), project_start=4)
    assert schedule.project_finish == 4
    assert schedule.critical_paths == (("kick-off",),)


def test_long_chain_runs_without_recursion():
    size = 20_000
    steps = tuple(Step(i, 1) for i in range(size))
    links = tuple(Dependency(i, i + 1) for i in range(size - 1))
    schedule = schedule_plan(ProjectPlan(steps[::-1], links))
    assert schedule.project_finish == size
    assert schedule.critical_paths == (tuple(range(size)),)
    assert downstream_slip(ProjectPlan(steps, links), 0, 2).shifts[size - 1] == 2


@st.composite
def any_graphs(draw):
    size = draw(st.integers(1, 7))
    edges = draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))))
    steps = tuple(Step(i, 1) for i in range(size))
    return ProjectPlan(steps, tuple(Dependency(a, b) for a, b in edges))


def has_cycle(plan: ProjectPlan) -> bool:
    """Brute force: does any step reach itself? (transitive closure)"""
    ids = [step.id for step in plan.steps]
    reach = {(d.predecessor, d.successor) for d in plan.dependencies}
    for middle in ids:
        for start in ids:
            for end in ids:
                if (start, middle) in reach and (middle, end) in reach:
                    reach.add((start, end))
    return any((i, i) in reach for i in ids)


@QUICK
@given(any_graphs())
def test_cycle_detection_names_a_real_cycle(plan):
    links = {(d.predecessor, d.successor) for d in plan.dependencies}
    if not has_cycle(plan):
        order = check_plan(plan)
        position = {step_id: i for i, step_id in enumerate(order)}
        assert all(position[a] < position[b] for a, b in links)
        return
    with pytest.raises(DependencyCycleError) as raised:
        schedule_plan(plan)
    cycle = raised.value.cycle
    assert len(set(cycle)) == len(cycle) >= 1
    for i, step_id in enumerate(cycle):
        assert (step_id, cycle[(i + 1) % len(cycle)]) in links


def test_cycle_message_walks_the_circle():
    plan = ProjectPlan(
        (Step("a", 1), Step("b", 1), Step("c", 1), Step("d", 1)),
        (Dependency("d", "a"), Dependency("a", "b"), Dependency("b", "c"), Dependency("c", "a")),
    )
    with pytest.raises(DependencyCycleError) as raised:
        check_plan(plan)
    cycle = raised.value.cycle
    assert sorted(cycle) == ["a", "b", "c"]
    start = cycle.index("a")
    assert cycle[start:] + cycle[:start] == ("a", "b", "c")
    assert str(raised.value) == DEPENDENCY_CYCLE.format(cycle=" → ".join((*cycle, cycle[0])))
    selfish = ProjectPlan((Step("x", 1),), (Dependency("x", "x"),))
    with pytest.raises(DependencyCycleError, match="x → x"):
        check_plan(selfish)


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (ProjectPlan((Step("a", 1), Step("a", 2))), "appears more than once"),
        (ProjectPlan((Step("a", -1),)), "negative duration"),
        (ProjectPlan((Step("a", 1),), (Dependency("a", "ghost"),)), "'ghost'"),
    ],
)
def test_bad_plans_are_refused_with_a_clear_message(plan, message):
    with pytest.raises(PlanError, match=message):
        schedule_plan(plan)


SLIP_PLAN = ProjectPlan(
    steps=(
        Step("spec", 3),
        Step("build", 5),
        Step("flyer", 1),
        Step("launch", 1),
        Step("fair", 1, earliest_start=6),
        Step("unrelated", 4),
    ),
    dependencies=(
        Dependency("spec", "build"),
        Dependency("spec", "flyer"),
        Dependency("build", "launch"),
        Dependency("flyer", "launch"),
        Dependency("spec", "fair"),
    ),
)


def test_slip_moves_every_dependent_step_by_the_slip_unless_slack_absorbs_it():
    impact = downstream_slip(SLIP_PLAN, "spec", 2)
    assert dict(impact.shifts) == {"build": 2, "flyer": 2, "launch": 2, "fair": 0}
    assert impact.moved == {"build": 2, "flyer": 2, "launch": 2}
    assert impact.project_finish_shift == 2


def test_slack_absorbs_part_of_a_slip():
    assert dict(downstream_slip(SLIP_PLAN, "flyer", 3).shifts) == {"launch": 0}
    impact = downstream_slip(SLIP_PLAN, "flyer", 6)
    assert dict(impact.shifts) == {"launch": 2}
    assert impact.project_finish_shift == 2


def test_fixed_start_absorbs_a_slip_until_it_is_used_up():
    assert downstream_slip(SLIP_PLAN, "spec", 3).shifts["fair"] == 0
    assert downstream_slip(SLIP_PLAN, "spec", 5).shifts["fair"] == 2


def test_finishing_early_pulls_dependent_steps_in():
    impact = downstream_slip(SLIP_PLAN, "spec", -1)
    assert impact.moved == {"build": -1, "flyer": -1, "launch": -1}
    assert impact.project_finish_shift == -1
    assert downstream_slip(SLIP_PLAN, "launch", -1).project_finish_shift == -1
    assert downstream_slip(SLIP_PLAN, "launch", -1).shifts == {}
    with pytest.raises(PlanError, match="only lasts 3 days"):
        downstream_slip(SLIP_PLAN, "spec", -4)
    with pytest.raises(PlanError, match="'nobody'"):
        downstream_slip(SLIP_PLAN, "nobody", 1)


@QUICK
@given(acyclic_plans(fixed_starts=True), st.data())
def test_slip_equals_rescheduling_with_a_longer_or_shorter_step(plan, data):
    slipped = data.draw(st.sampled_from([step.id for step in plan.steps]))
    days = data.draw(st.integers(-step_duration(plan, slipped), 6))
    longer = ProjectPlan(
        tuple(
            Step(s.id, s.duration + days, s.earliest_start) if s.id == slipped else s
            for s in plan.steps
        ),
        plan.dependencies,
    )
    before, after = schedule_plan(plan), schedule_plan(longer)
    impact = downstream_slip(plan, slipped, days)
    downstream = {
        steps[-1] for steps, _ in all_paths(plan) if steps[0] == slipped and len(steps) > 1
    }
    assert set(impact.shifts) == downstream - {slipped}
    for step in plan.steps:
        moved = after.steps[step.id].earliest_start - before.steps[step.id].earliest_start
        assert impact.shifts.get(step.id, 0) == moved or step.id == slipped
    assert impact.project_finish_shift == after.project_finish - before.project_finish


TET_2026 = frozenset(date(2026, 2, 16) + timedelta(days=i) for i in range(5))


def test_working_days_skip_weekends_and_days_off():
    calendar = WorkingCalendar(date(2026, 2, 9), days_off=TET_2026)  # a Monday
    assert working_day_index(calendar, date(2026, 2, 9)) == 0
    assert working_day_index(calendar, date(2026, 2, 13)) == 4
    # Saturday, then all of Tết, roll forward to Monday 23 February.
    assert working_day_index(calendar, date(2026, 2, 14)) == 5
    assert working_day_index(calendar, date(2026, 2, 18)) == 5
    assert date_of_working_day(calendar, 5) == date(2026, 2, 23)
    assert working_day_index(calendar, date(2026, 2, 18), roll_forward=False) == 4
    assert date_of_working_day(calendar, -1) == date(2026, 2, 6)
    assert finish_date(calendar, 6, 5) == date(2026, 2, 23)
    assert finish_date(calendar, 5, 5) == date(2026, 2, 23)


def test_six_day_week():
    calendar = WorkingCalendar(date(2026, 1, 3), working_weekdays=frozenset(range(6)))
    assert is_working_day(calendar, date(2026, 1, 3))  # a Saturday
    assert not is_working_day(calendar, date(2026, 1, 4))
    assert working_days_between(calendar, date(2026, 1, 3), date(2026, 1, 17)) == 12


def test_calendar_refuses_bad_weekdays():
    with pytest.raises(ValueError, match="at least one"):
        WorkingCalendar(date(2026, 1, 1), working_weekdays=frozenset())
    with pytest.raises(ValueError, match="not valid"):
        WorkingCalendar(date(2026, 1, 1), working_weekdays=frozenset({7}))


calendars = st.builds(
    WorkingCalendar,
    origin=st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    working_weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    days_off=st.frozensets(st.dates(date(2024, 6, 1), date(2028, 6, 30)), max_size=40),
)


@QUICK
@given(calendars, st.dates(date(2024, 6, 1), date(2028, 6, 30)))
def test_working_day_count_matches_day_by_day_count(calendar, day):
    low, high = sorted((calendar.origin, day))
    counted = sum(
        is_working_day(calendar, low + timedelta(days=i)) for i in range((high - low).days)
    )
    expected = counted if day >= calendar.origin else -counted
    assert working_days_between(calendar, calendar.origin, day) == expected


@QUICK
@given(calendars, st.integers(-300, 300))
def test_index_and_date_round_trip(calendar, index):
    day = date_of_working_day(calendar, index)
    assert is_working_day(calendar, day)
    assert working_day_index(calendar, day) == index
    assert working_day_index(calendar, day, roll_forward=False) == index


@pytest.mark.parametrize("module", [graph, calendar_days])
def test_pure_core_imports_only_the_standard_library(module):
    allowed = set(sys.stdlib_module_names) | {"dateutil", "__future__"}
    for node in ast.walk(ast.parse(Path(module.__file__).read_text())):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                assert name.split(".")[0] in allowed or name.startswith("deptcoord.work."), name
