"""`python -m deptcoord.planning`: one JSON line per instance, no Django needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from deptcoord.planning.psplib import data_dir

REPOSITORY = Path(__file__).resolve().parents[2]

needs_data = pytest.mark.skipif(
    not data_dir().is_dir(),
    reason=f"PSPLIB data folder {data_dir()} is absent (set DEPTCOORD_PSPLIB_DIR)",
)


def run(*arguments: str) -> subprocess.CompletedProcess:
    """Run the command line from the checkout, with Django settings pointing nowhere."""
    return subprocess.run(
        [sys.executable, "-m", "deptcoord.planning", *arguments],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "DEPTCOORD_PSPLIB_DIR": str(data_dir())},
        check=False,
    )


@needs_data
def test_prints_one_line_per_instance():
    files = [str(data_dir() / "j30" / name) for name in ("j301_1.sm", "j301_2.sm")]
    finished = run(*files, "--seconds", "5", "--workers", "2")
    assert finished.returncode == 0, finished.stderr
    lines = [json.loads(line) for line in finished.stdout.splitlines()]
    assert [line["instance"] for line in lines] == ["j301_1", "j301_2"]
    assert list(lines[0]) == ["instance", "makespan", "proven_optimal", "seconds", "valid"]
    assert (lines[0]["makespan"], lines[1]["makespan"]) == (43, 47)
    assert all(line["proven_optimal"] and line["valid"] for line in lines)
    assert all(isinstance(line["seconds"], float) for line in lines)


@needs_data
def test_heuristic_only():
    finished = run(str(data_dir() / "j30" / "j301_1.sm"), "--heuristic")
    line = json.loads(finished.stdout)
    assert line["valid"] and line["makespan"] >= 43


def test_unreadable_file_is_reported(tmp_path):
    bad = tmp_path / "bad.sm"
    bad.write_text("nothing here")
    finished = run(str(bad), "--seconds", "1")
    assert finished.returncode == 1
    assert json.loads(finished.stdout)["error"] == "invalid_file"


# The Django app that stores plan runs lives beside the engine; these modules are its.
DJANGO_SIDE = {
    "access",
    "api",
    "apps",
    "builder",
    "calendars",
    "demo",
    "exports",
    "forms",
    "messages",
    "models",
    "selectors",
    "tasks",
    "urls",
    "views",
}


def test_planning_imports_no_django():
    modules = [
        f"deptcoord.planning.{path.stem}"
        for path in (REPOSITORY / "deptcoord" / "planning").glob("*.py")
        if path.stem != "__init__" and path.stem not in DJANGO_SIDE
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=REPOSITORY, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
