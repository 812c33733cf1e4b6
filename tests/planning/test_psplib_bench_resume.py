"""The PSPLIB benchmark runs in pieces: `--resume` keeps the instances already written."""

from __future__ import annotations

import json
import sys

import pytest

from deptcoord.planning.psplib import data_dir

pytestmark = pytest.mark.skipif(
    not data_dir().is_dir(), reason=f"PSPLIB data folder {data_dir()} is absent"
)


def _bench(monkeypatch, output, *extra):
    """The benchmark's module with a stand-in for solving that records what it was asked."""
    from bench import planner_psplib

    solved = []

    def fake_run(path, reference, options, methods, turn):
        solved.append(path.stem)
        row = {"instance": path.stem, "reference": reference}
        for method in methods:
            row[method] = {
                "makespan": reference,
                "proven_optimal": True,
                "seconds": 0.0,
                "valid": True,
                "deviation_percent": 0.0,
            }
        return row

    monkeypatch.setattr(planner_psplib, "_run", fake_run)
    arguments = ["planner_psplib.py", "--sets", "j30", "--limit", "4", "--output", str(output)]
    monkeypatch.setattr(sys, "argv", arguments + list(extra))
    assert planner_psplib.main() == 0
    return solved


def test_resume_solves_only_the_instances_not_yet_written(tmp_path, monkeypatch):
    output = tmp_path / "run.json"
    first = _bench(monkeypatch, output)
    assert len(first) == 4
    report = json.loads(output.read_text(encoding="utf-8"))
    report["instances"]["j30"] = report["instances"]["j30"][:2]  # as if stopped after two
    output.write_text(json.dumps(report), encoding="utf-8")
    second = _bench(monkeypatch, output, "--resume")
    assert second == first[2:]
    rows = json.loads(output.read_text(encoding="utf-8"))["instances"]["j30"]
    assert [row["instance"] for row in rows] == first
    assert output.with_suffix(".md").is_file()


def test_without_resume_every_instance_is_solved_again(tmp_path, monkeypatch):
    output = tmp_path / "run.json"
    first = _bench(monkeypatch, output)
    assert _bench(monkeypatch, output) == first


def test_resume_solves_again_rows_lacking_a_method(tmp_path, monkeypatch):
    output = tmp_path / "run.json"
    first = _bench(monkeypatch, output, "--methods", "engine")
    assert _bench(monkeypatch, output, "--resume") == first
