"""The generator's stages in order: (name, count to expect from the scale, function)."""

from collections.abc import Callable

from django.db import transaction

from bench.company import goals, history, org
from bench.company.context import Context
from bench.company.scale import Scale

Stage = tuple[str, Callable[[Scale], int], Callable]

STAGES: list[Stage] = [
    ("departments", lambda s: s.departments, org.departments),
    ("people", lambda s: s.people, org.people),
    ("time off", lambda s: int(s.people * 0.75), org.time_off),
    ("goals", lambda s: s.goals, goals.goals),
    ("key results", lambda s: s.key_results, goals.key_results),
    ("check-ins", lambda s: s.check_ins, goals.check_ins),
    ("history", lambda s: s.audit_entries, history.audit_entries),
]


def generate(context: Context, on_stage=None) -> dict[str, int]:
    """Run every stage in one transaction each; ``on_stage(name, expected)`` returns the
    progress callback of that stage (called with the number of rows just made)."""
    counts = {}
    for name, expected, build in STAGES:
        advance = on_stage(name, expected(context.scale)) if on_stage else (lambda _n: None)
        with transaction.atomic():
            counts[name] = build(context, advance)
    return counts
