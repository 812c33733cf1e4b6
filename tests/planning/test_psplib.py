"""PSPLIB files: parsing, reference tables, and j30 instances solved to their proven optimum."""

from __future__ import annotations

import pytest

from deptcoord.planning.engine import solve_rcpsp_checked
from deptcoord.planning.psplib import (
    data_dir,
    instance_files,
    parse_sm,
    read_makespan_table,
    read_reference_bounds,
    read_sm,
)
from deptcoord.planning.rcpsp import lower_bound
from deptcoord.planning.validate import validate_rcpsp

pytestmark = pytest.mark.skipif(
    not data_dir().is_dir(),
    reason=f"PSPLIB data folder {data_dir()} is absent (set DEPTCOORD_PSPLIB_DIR)",
)

# Instances where the heuristic alone misses the optimum but CP-SAT closes quickly.
OPTIMA = {"j301_4": 62, "j305_6": 64, "j309_8": 91, "j3014_5": 52, "j3021_1": 84}


def test_reads_j301_1():
    problem = read_sm(data_dir() / "j30" / "j301_1.sm")
    assert problem.name == "j301_1"
    assert problem.capacities == (12, 13, 4, 12)
    assert len(problem.activities) == 32
    first, second = problem.activities[0], problem.activities[1]
    assert (first.duration, first.successors) == (0, (2, 3, 4))
    assert (second.duration, second.demands, second.successors) == (8, (4, 0, 0, 0), (6, 11, 15))
    assert problem.activities[-1].successors == ()
    assert lower_bound(problem) >= 38


def test_reference_tables_agree():
    optimum = read_makespan_table(data_dir() / "solutions/psplib_2023/j30opt.sm", "j30")
    best = read_makespan_table(data_dir() / "solutions/psplib_2023/j30hrs.sm", "j30")
    bounds = read_reference_bounds()
    assert len(optimum) == 480
    assert optimum["j301_1"] == 43 and optimum["j3048_10"] == 54
    assert optimum == best
    assert bounds["j301_1"].proven_optimal and bounds["j301_1"].best_known == 43
    assert bounds["j1201_1"].best_known == 105
    assert len(instance_files("j30")) == 480
    assert instance_files("j30")[:2] == [
        data_dir() / "j30" / "j301_1.sm",
        data_dir() / "j30" / "j301_2.sm",
    ]


def test_bad_file_is_refused():
    with pytest.raises(ValueError, match="section"):
        parse_sm("not a project")


@pytest.mark.parametrize(("name", "optimum"), sorted(OPTIMA.items()))
def test_j30_instances_reach_their_proven_optimum(name, optimum):
    problem = read_sm(data_dir() / "j30" / f"{name}.sm")
    result = solve_rcpsp_checked(problem, seconds=8, workers=2)
    assert validate_rcpsp(problem, result) == []
    assert result.makespan == optimum
    assert result.proven_optimal
