"""Reads PSPLIB single-mode `.sm` instances and the tables of optimal and best-known makespans.

The data lives beside the checkout in `../shared/data/psplib` (see its SOURCE.md); the
environment variable DEPTCOORD_PSPLIB_DIR points elsewhere.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from deptcoord.planning.errors import INVALID_FILE, PlanningError
from deptcoord.planning.rcpsp import Activity, RcpspProblem

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
_TABLE_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)(?:\s|$)")
_INSTANCE_NAME = re.compile(r"^(j30|j60|j90|j120)(\d+)_(\d+)$")


@dataclass(frozen=True)
class ReferenceBound:
    """What is known about one instance: bounds, best makespan, whether it is proven."""

    instance: str
    set_name: str
    critical_path: int
    best_known: int
    best_lower_bound: int
    proven_optimal: bool


def data_dir() -> Path:
    """The PSPLIB folder: DEPTCOORD_PSPLIB_DIR, or ../shared/data/psplib beside the checkout."""
    configured = os.environ.get("DEPTCOORD_PSPLIB_DIR")
    if configured:
        return Path(configured)
    return REPOSITORY_ROOT.parent / "shared/data/psplib"


def instance_name(path: Path | str) -> str:
    """The instance name PSPLIB uses, e.g. `j301_1` for `j30/j301_1.sm`."""
    return Path(path).stem


def _section(lines: list[str], title: str) -> int:
    """Index of the first line after the header line that starts with `title`."""
    for position, line in enumerate(lines):
        if line.strip().startswith(title):
            return position + 1
    raise ValueError(f"missing section {title}")


def _numbers_until_rule(lines: list[str], first: int) -> list[list[int]]:
    """Rows of integers from `first` up to the next line of stars."""
    rows = []
    for line in lines[first:]:
        if line.startswith("*"):
            break
        fields = line.split()
        if fields and all(field.isdigit() for field in fields):
            rows.append([int(field) for field in fields])
    return rows


def parse_sm(text: str, name: str = "project") -> RcpspProblem:
    """Parse the text of a PSPLIB single-mode file into a problem."""
    lines = text.splitlines()
    relations = _numbers_until_rule(lines, _section(lines, "PRECEDENCE RELATIONS:"))
    requests = _numbers_until_rule(lines, _section(lines, "REQUESTS/DURATIONS:"))
    capacities = _numbers_until_rule(lines, _section(lines, "RESOURCEAVAILABILITIES:"))
    successors = {row[0]: tuple(row[3 : 3 + row[2]]) for row in relations}
    activities = tuple(
        Activity(
            activity_id=row[0],
            duration=row[2],
            demands=tuple(row[3:]),
            successors=successors.get(row[0], ()),
        )
        for row in requests
    )
    if not activities or not capacities or len(relations) != len(requests):
        raise ValueError("precedence and request sections do not match")
    return RcpspProblem(name=name, capacities=tuple(capacities[0]), activities=activities)


def read_sm(path: Path | str) -> RcpspProblem:
    """Read one `.sm` file; raise PlanningError(INVALID_FILE) if it is not a PSPLIB project."""
    path = Path(path)
    try:
        return parse_sm(path.read_text(encoding="latin-1"), instance_name(path))
    except (OSError, ValueError, IndexError) as problem:
        raise PlanningError(INVALID_FILE, str(path), [str(problem)]) from problem


def read_makespan_table(path: Path | str, set_name: str) -> dict[str, int]:
    """Read `jXXopt.sm` or `jXXhrs.sm`: instance name → makespan."""
    table = {}
    for line in Path(path).read_text(encoding="latin-1").splitlines():
        row = _TABLE_ROW.match(line)
        if row:
            parameter, instance, makespan = (int(value) for value in row.groups())
            table[f"{set_name}{parameter}_{instance}"] = makespan
    return table


def read_reference_bounds(folder: Path | None = None) -> dict[str, ReferenceBound]:
    """Read `solutions/derived_bounds_summary.csv`: instance name → what is known about it."""
    folder = folder or data_dir()
    path = folder / "solutions" / "derived_bounds_summary.csv"
    bounds = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = instance_name(row["file"])
            bounds[name] = ReferenceBound(
                instance=name,
                set_name=row["set"],
                critical_path=int(row["cpm_lower_bound"]),
                best_known=int(row["best_known_ub"]),
                best_lower_bound=int(row["best_known_lb"]),
                proven_optimal=row["proven_optimal"] == "1",
            )
    return bounds


def instance_files(set_name: str, folder: Path | None = None) -> list[Path]:
    """All `.sm` files of a set (`j30`, `j60`, …), in parameter-group then instance order."""
    folder = (folder or data_dir()) / set_name

    def order(path: Path) -> tuple[int, int]:
        match = _INSTANCE_NAME.match(path.stem)
        return (int(match.group(2)), int(match.group(3))) if match else (0, 0)

    return sorted(folder.glob("*.sm"), key=order)
