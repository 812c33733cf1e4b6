"""The RCPSP engine's heuristic: justification never hurts, schedules stay valid, budgets hold."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.planning import rcpsp_solver
from deptcoord.planning.engine import preview_rcpsp, solve_rcpsp_checked
from deptcoord.planning.psplib import data_dir, read_sm
from deptcoord.planning.rcpsp import RcpspResult
from deptcoord.planning.rcpsp_heuristic import (
    _makespan,
    _network,
    justify,
    polish,
    schedule_serially,
)
from deptcoord.planning.validate import validate_rcpsp
from tests.planning.test_rcpsp import projects

needs_psplib = pytest.mark.skipif(
    not data_dir().is_dir(), reason=f"PSPLIB data folder {data_dir()} is absent"
)


def as_result(problem, starts) -> RcpspResult:
    """Starts packaged for validate_rcpsp."""
    finishes = tuple(s + a.duration for s, a in zip(starts, problem.activities, strict=True))
    return RcpspResult(
        problem.name, tuple(starts), finishes, max(finishes, default=0), False, 0, "t", 0
    )


@settings(max_examples=40, deadline=None)
@given(projects(max_activities=12), st.randoms(use_true_random=False))
def test_justification_never_lengthens_or_breaks_a_schedule(problem, chooser):
    network = _network(problem)
    priority = [chooser.random() for _ in problem.activities]
    starts = schedule_serially(network, priority)
    improved = justify(network, starts)
    assert validate_rcpsp(problem, as_result(problem, improved)) == []
    assert _makespan(network, improved) <= _makespan(network, starts)


@settings(max_examples=20, deadline=None)
@given(projects(max_activities=12), st.integers(0, 1000))
def test_more_passes_never_give_a_longer_schedule(problem, seed):
    """The iterated search keeps its best schedule: more passes can only help."""
    few = preview_rcpsp(problem, passes=1, seed=seed)
    many = preview_rcpsp(problem, passes=40, seed=seed)
    assert validate_rcpsp(problem, many) == []
    assert many.makespan <= few.makespan


@needs_psplib
@pytest.mark.parametrize("name", ["j3010_3", "j3025_7", "j3037_1", "j3046_2"])
def test_engine_schedules_of_j30_instances_are_valid(name):
    problem = read_sm(data_dir() / "j30" / f"{name}.sm")
    heuristic = preview_rcpsp(problem, passes=20, seed=random.Random(name).randint(0, 99))
    assert validate_rcpsp(problem, heuristic) == []
    result = solve_rcpsp_checked(problem, seconds=3, workers=2)
    assert validate_rcpsp(problem, result) == []
    assert result.makespan <= heuristic.makespan or result.proven_optimal


@needs_psplib
def test_the_heuristic_gets_only_its_share_of_the_budget(monkeypatch):
    """The heuristic stops at its share of the call's budget and CP-SAT gets what is left."""
    from deptcoord.planning import rcpsp_heuristic

    shares, limits = [], []
    real_preview = rcpsp_heuristic.preview_rcpsp
    configured = rcpsp_solver.configured_solver

    def preview_spy(problem, **options):
        shares.append(options.get("seconds"))
        return real_preview(problem, **options)

    def solver_spy(seconds, workers, seed=0):
        limits.append(seconds)
        return configured(seconds, workers, seed)

    monkeypatch.setattr(rcpsp_solver, "preview_rcpsp", preview_spy)
    monkeypatch.setattr(rcpsp_solver, "configured_solver", solver_spy)
    problem = read_sm(data_dir() / "j120" / "j12011_1.sm")
    result = solve_rcpsp_checked(problem, seconds=1.5, workers=2)
    assert validate_rcpsp(problem, result) == []
    assert len(shares) == 1 and 0 < shares[0] <= 1.5 * rcpsp_solver.HEURISTIC_SHARE
    assert all(limit <= 1.5 - rcpsp_solver.FINISH_RESERVE_SECONDS for limit in limits)


@needs_psplib
def test_the_heuristic_stops_at_its_deadline():
    """With no time left it hands back its first justified schedule, whatever passes allow."""
    problem = read_sm(data_dir() / "j120" / "j12011_1.sm")
    first = preview_rcpsp(problem, passes=0)
    out_of_time = preview_rcpsp(problem, passes=10**9, seconds=0.0)
    assert out_of_time.starts == first.starts
    assert validate_rcpsp(problem, out_of_time) == []


@settings(max_examples=30, deadline=None)
@given(projects(max_activities=12), st.randoms(use_true_random=False))
def test_polishing_the_solver_s_schedule_keeps_it_valid_and_no_longer(problem, chooser):
    network = _network(problem)
    starts = schedule_serially(network, [chooser.random() for _ in problem.activities])
    polished = polish(problem, starts)
    assert validate_rcpsp(problem, as_result(problem, polished)) == []
    assert _makespan(network, polished) <= _makespan(network, starts)
