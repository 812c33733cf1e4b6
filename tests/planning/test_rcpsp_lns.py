"""The neighbourhood search: resource chains keep schedules feasible, steps never lengthen or
break a schedule, a wandering search crosses plateaus, and the two workers' budget is split by
structure, not by luck."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.planning import rcpsp_solver
from deptcoord.planning.engine import solve_rcpsp_checked
from deptcoord.planning.psplib import data_dir, read_sm
from deptcoord.planning.rcpsp import earliest_starts, lower_bound, tails
from deptcoord.planning.rcpsp_heuristic import _makespan, _network, schedule_serially
from deptcoord.planning.rcpsp_lns import NeighbourhoodSearch, resource_chains
from deptcoord.planning.validate import validate_rcpsp
from tests.planning.test_rcpsp import project, projects
from tests.planning.test_rcpsp_improvement import as_result

needs_psplib = pytest.mark.skipif(
    not data_dir().is_dir(), reason=f"PSPLIB data folder {data_dir()} is absent"
)


def _earliest_with(network, pairs) -> list[int]:
    """Earliest starts keeping the dependencies and `pairs`, resources ignored."""
    after = [list(s) for s in network.successors]
    for before, later in pairs:
        after[before].append(later)
    waiting = [0] * len(after)
    for targets in after:
        for target in targets:
            waiting[target] += 1
    ready = [a for a, count in enumerate(waiting) if count == 0]
    starts = [0] * len(after)
    while ready:
        activity = ready.pop()
        for target in after[activity]:
            starts[target] = max(starts[target], starts[activity] + network.durations[activity])
            waiting[target] -= 1
            if waiting[target] == 0:
                ready.append(target)
    assert not any(waiting), "the pairs made a cycle"
    return starts


@settings(max_examples=60, deadline=None)
@given(projects(max_activities=12), st.randoms(use_true_random=False))
def test_any_schedule_keeping_the_resource_chains_fits_the_capacities(problem, chooser):
    network = _network(problem)
    starts = schedule_serially(network, [chooser.random() for _ in problem.activities])
    pairs = resource_chains(
        network.durations, network.demands, network.capacities, starts, network.predecessors
    )
    for before, after in pairs:  # every pair is kept by the schedule it came from
        assert starts[after] >= starts[before] + network.durations[before]
    packed = _earliest_with(network, pairs)
    assert validate_rcpsp(problem, as_result(problem, packed)) == []
    assert _makespan(network, packed) <= _makespan(network, starts)


@settings(max_examples=25, deadline=None)
@given(projects(max_activities=10), st.randoms(use_true_random=False), st.integers(0, 99))
def test_the_neighbourhood_search_never_returns_a_longer_or_invalid_schedule(
    problem, chooser, seed
):
    network = _network(problem)
    starts = schedule_serially(network, [chooser.random() for _ in problem.activities])
    search = NeighbourhoodSearch(problem, earliest_starts(problem), tails(problem), seed=seed)
    for _ in range(3):
        stepped = search.step(list(starts), lower_bound(problem), 0.2)
        assert validate_rcpsp(problem, as_result(problem, stepped)) == []
        assert _makespan(network, stepped) <= _makespan(network, starts)
        starts = stepped
    best = search.run(starts, lower_bound(problem), time.perf_counter() + 0.3)
    assert validate_rcpsp(problem, as_result(problem, best)) == []
    assert _makespan(network, best) <= _makespan(network, starts)


def test_the_neighbourhood_search_takes_a_shorter_schedule_found_elsewhere():
    problem = project([1], *[(2, [1], []) for _ in range(4)])
    network = _network(problem)
    spread = [0, 3, 6, 9]  # makespan 11; packed one after the other it is 8
    search = NeighbourhoodSearch(problem, earliest_starts(problem), tails(problem))
    handed = iter([[0, 2, 4, 6]])
    best = search.run(
        spread, lower_bound(problem), time.perf_counter() + 5, incumbent=lambda: next(handed, None)
    )
    assert _makespan(network, best) == 8


@pytest.fixture
def spied(monkeypatch):
    """Records what each full search is given, (seconds, workers), and each neighbourhood
    search run, (wanders, deadline)."""
    seen: dict[str, list] = {"solvers": [], "runs": []}
    configured = rcpsp_solver.configured_solver
    real_run = rcpsp_solver.NeighbourhoodSearch.run

    def solver_spy(seconds, workers, seed=0):
        seen["solvers"].append((seconds, workers))
        return configured(seconds, workers, seed)

    def run_spy(self, starts, bound, deadline, **options):
        seen["runs"].append((self.wander, deadline))
        return real_run(self, starts, bound, deadline, **options)

    monkeypatch.setattr(rcpsp_solver, "configured_solver", solver_spy)
    monkeypatch.setattr(rcpsp_solver.NeighbourhoodSearch, "run", run_spy)
    return seen


@needs_psplib
def test_two_workers_split_into_a_full_search_then_a_wandering_one_beside_the_first(spied):
    """The full search gets one worker fewer and half of what is left of the budget; on an open
    instance it does not close, and its thread then runs the wandering neighbourhood search.
    Both neighbourhood searches stop by the call's deadline."""
    problem = read_sm(data_dir() / "j120" / "j12046_9.sm")  # open: no proof in 2 s
    began = time.perf_counter()
    result = solve_rcpsp_checked(problem, seconds=2, workers=2, began=began)
    assert validate_rcpsp(problem, result) == []
    assert [workers for _seconds, workers in spied["solvers"]] == [1]
    assert spied["solvers"][0][0] <= 0.5 * (2 - rcpsp_solver.FINISH_RESERVE_SECONDS) + 1e-9
    assert sorted(wander for wander, _deadline in spied["runs"]) == [False, True]
    deadline = began + 2 - rcpsp_solver.FINISH_RESERVE_SECONDS + 1e-9
    assert all(d <= deadline for _wander, d in spied["runs"])


def test_a_small_project_keeps_the_full_search_to_the_end(spied):
    """Below `SPLIT_FROM` activities the full search gets all the time left (it proves some
    optima late) and no second search runs in its thread."""
    from tests.planning.test_rcpsp import _crowded_project

    problem = _crowded_project()  # 40 activities
    began = time.perf_counter()
    result = solve_rcpsp_checked(problem, seconds=1.5, workers=2, began=began)
    assert validate_rcpsp(problem, result) == []
    assert len(problem.activities) < rcpsp_solver.SPLIT_FROM
    assert spied["solvers"][0][0] > 0.5 * (1.5 - rcpsp_solver.FINISH_RESERVE_SECONDS)
    assert [wander for wander, _deadline in spied["runs"]] == [False]


def test_a_wandering_search_moves_across_schedules_of_equal_length():
    """Two activities that cannot overlap: either order is shortest. Its steps keep the length
    and visit both orders, where a plain step has no reason to leave the one it was given."""
    problem = project([1], (2, [1], []), (3, [1], []))
    network = _network(problem)
    wandering = NeighbourhoodSearch(
        problem, earliest_starts(problem), tails(problem), seed=3, wander=True
    )
    starts, seen = [0, 2], set()
    for _ in range(12):
        starts = wandering.step(list(starts), lower_bound(problem), 0.2)
        assert validate_rcpsp(problem, as_result(problem, starts)) == []
        assert _makespan(network, starts) == 5
        seen.add(tuple(starts))
    assert seen == {(0, 2), (3, 0)}


def test_one_worker_runs_the_full_search_alone(monkeypatch):
    """With a single worker there is no second search to run beside it."""

    def refuse(*_args, **_options):
        raise AssertionError("no neighbourhood search with one worker")

    monkeypatch.setattr(rcpsp_solver, "NeighbourhoodSearch", refuse)
    problem = project([2], *[(d, [1 + d % 2], []) for d in (3, 4, 2, 5, 3, 2, 4)])
    result = solve_rcpsp_checked(problem, seconds=2, workers=1)
    assert validate_rcpsp(problem, result) == []


def test_progress_reports_come_from_both_searches_and_none_beats_the_result():
    from tests.planning.test_rcpsp import _crowded_project

    reports = []
    problem = _crowded_project()
    result = solve_rcpsp_checked(problem, seconds=2, workers=2, progress=reports.append)
    assert validate_rcpsp(problem, result) == []
    for report in reports:
        assert report.objective >= report.best_bound
        assert report.time_limit_seconds == 2
        assert result.makespan <= report.objective
