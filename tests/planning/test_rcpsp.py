"""The classic RCPSP: known small optima, generated projects, bounds and progress reports."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.planning.engine import preview_rcpsp, solve_rcpsp, solve_rcpsp_checked
from deptcoord.planning.rcpsp import Activity, RcpspProblem, lower_bound
from deptcoord.planning.rcpsp_heuristic import _network, schedule_serially
from deptcoord.planning.validate import validate_rcpsp


def project(capacities, *activities) -> RcpspProblem:
    """A project from (duration, demands, successors) triples numbered from 1."""
    return RcpspProblem(
        name="test",
        capacities=tuple(capacities),
        activities=tuple(
            Activity(number, duration, tuple(demands), tuple(successors))
            for number, (duration, demands, successors) in enumerate(activities, start=1)
        ),
    )


def brute_force_makespan(problem: RcpspProblem) -> int:
    """Best serial schedule over every activity order: some order always yields an optimum."""
    network = _network(problem)
    best = None
    for order in itertools.permutations(range(len(problem.activities))):
        priority = [0] * len(order)
        for rank, position in enumerate(order):
            priority[position] = rank
        starts = schedule_serially(network, priority)
        makespan = max(s + d for s, d in zip(starts, network.durations, strict=True))
        best = makespan if best is None else min(best, makespan)
    return best


KNOWN = [
    (project([1], (3, [1], []), (4, [1], [])), 7),
    (project([2], (2, [1], [2]), (3, [1], []), (4, [1], [])), 5),
    (project([3], (3, [2], []), (2, [2], []), (2, [1], [])), 5),
    (project([4, 2], (0, [0, 0], [2, 3]), (5, [3, 1], [4]), (3, [2, 2], [4]), (0, [0, 0], [])), 8),
]


def test_small_projects_reach_their_known_optimum():
    for problem, optimum in KNOWN:
        result = solve_rcpsp(problem, seconds=5, workers=1)
        assert result.makespan == optimum
        assert result.proven_optimal
        assert validate_rcpsp(problem, result) == []


def test_heuristic_is_valid_and_never_below_the_optimum():
    for problem, optimum in KNOWN:
        result = preview_rcpsp(problem)
        assert result.method == "heuristic"
        assert result.makespan >= optimum
        assert validate_rcpsp(problem, result) == []


def test_lower_bound_counts_critical_path_and_resource_work():
    chain = project([5], (2, [1], [2]), (3, [1], []))
    assert lower_bound(chain) == 5
    crowded = project([2], (3, [2], []), (3, [2], []), (3, [2], []))
    assert lower_bound(crowded) == 9


def test_progress_reports_objective_during_the_search():
    reports = []
    problem = project([2], *[(d, [1 + d % 2], []) for d in (3, 4, 2, 5, 3, 2, 4)])
    solve_rcpsp(problem, seconds=5, workers=1, progress=reports.append)
    # The heuristic may already be optimal; then the solver has nothing left to report.
    for report in reports:
        assert report.objective >= report.best_bound
        assert report.time_limit_seconds == 5


@st.composite
def projects(draw, max_activities=7):
    """Random projects: a few resources, demands within capacity, forward-only successors."""
    resources = draw(st.integers(1, 2))
    capacities = [draw(st.integers(1, 5)) for _ in range(resources)]
    count = draw(st.integers(1, max_activities))
    activities = []
    for number in range(1, count + 1):
        demands = [draw(st.integers(0, capacity)) for capacity in capacities]
        later = list(range(number + 1, count + 1))
        successors = draw(st.lists(st.sampled_from(later), unique=True)) if later else []
        activities.append((draw(st.integers(0, 5)), demands, sorted(successors)))
    return project(capacities, *activities)


@settings(max_examples=30, deadline=None)
@given(projects(max_activities=6))
def test_generated_projects_solve_to_the_brute_force_optimum(problem):
    result = solve_rcpsp_checked(problem, seconds=5, workers=1)
    assert validate_rcpsp(problem, result) == []
    assert result.proven_optimal
    assert result.makespan == brute_force_makespan(problem)
    assert result.makespan >= lower_bound(problem)


@settings(max_examples=30, deadline=None)
@given(projects(max_activities=12))
def test_generated_heuristic_schedules_are_valid(problem):
    result = preview_rcpsp(problem, passes=3)
    assert validate_rcpsp(problem, result) == []
    assert result.makespan >= lower_bound(problem)


def _crowded_project(size: int = 40, seed: int = 3) -> RcpspProblem:
    """A random project whose activities compete for two scarce resources (no data files)."""
    import random

    draw = random.Random(seed)
    activities = []
    for number in range(1, size + 1):
        later = [n for n in range(number + 1, size + 1) if draw.random() < 0.08]
        activities.append(
            (draw.randint(1, 9), (draw.randint(1, 6), draw.randint(0, 6)), tuple(later[:3]))
        )
    return project((7, 7), *activities)


def test_the_time_limit_bounds_the_whole_call(monkeypatch):
    """Time already spent (reading, the heuristic, building the model) comes off the search's
    limit, with a reserve for checking the answer, so the call ends within its limit."""
    import time

    from deptcoord.planning import rcpsp_solver

    given = []
    configured = rcpsp_solver.configured_solver

    def spy(seconds, workers, seed=0):
        given.append(seconds)
        return configured(seconds, workers, seed)

    monkeypatch.setattr(rcpsp_solver, "configured_solver", spy)
    problem = _crowded_project()
    began = time.perf_counter() - 1.5  # as if reading had already taken 1.5 s of a 2 s limit
    result = solve_rcpsp_checked(problem, seconds=2, workers=2, began=began)
    assert validate_rcpsp(problem, result) == []
    assert given, "the search ran"
    assert max(given) <= 0.5 - rcpsp_solver.FINISH_RESERVE_SECONDS
