"""The pure algorithm cores import nothing from Django, so they can be tested and reused alone."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE_MODULES = [
    "deptcoord.planning.engine",
    "deptcoord.planning.validate",
    "deptcoord.planning.psplib",
    "deptcoord.planning.serialize",
    "deptcoord.work.graph",
    "deptcoord.work.calendar_days",
    "deptcoord.work.recurrence",
    "deptcoord.meetings.slots",
    "deptcoord.meetings.availability",
    "deptcoord.meetings.recurrence",
    "deptcoord.goals.forecast",
    "deptcoord.org.working_hours",
    "deptcoord.people.gaps",
    "deptcoord.search.text_search",
    "deptcoord.records.file_types",
    "deptcoord.reports.charts",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_does_not_import_django(module):
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "leaked = sorted(name for name in sys.modules if name.split('.')[0] == 'django'); "
        "print(','.join(leaked)); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{module} imports {result.stdout or result.stderr}"
