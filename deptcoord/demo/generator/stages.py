"""The generator's stages in order: (name, count to expect from the scale, function)."""

import time
from collections.abc import Callable

from django.db import transaction

from deptcoord.demo.generator import goals, history, meetings, org, people, records, work
from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.scale import Scale
from deptcoord.org import week_load
from deptcoord.org.models import WeekLoad

Stage = tuple[str, Callable[[Scale], int], Callable]


def _week_loads(context: Context, advance) -> int:
    """Every person's week loads for the coming weeks, as the nightly job builds them."""
    week_load.rebuild(context.today)
    made = WeekLoad.objects.count()
    advance(made)
    return made


def generate(context: Context, on_stage=None) -> dict[str, int]:
    """Run every stage in one transaction each; ``on_stage(name, expected)`` returns the
    progress callback of that stage (called with the number of rows just made). Each stage's
    time in seconds is kept in ``context.seconds``."""
    counts = {}
    for name, expected, build in STAGES:
        advance = on_stage(name, expected(context.scale)) if on_stage else (lambda _n: None)
        began = time.perf_counter()
        with transaction.atomic():
            counts[name] = build(context, advance)
        context.seconds[name] = round(time.perf_counter() - began, 1)
    return counts


STAGES: list[Stage] = [
    ("departments", lambda s: s.departments, org.departments),
    ("people", lambda s: s.people, org.people),
    ("time off", lambda s: int(s.people * 0.75), org.time_off),
    ("goals", lambda s: s.goals, goals.goals),
    ("key results", lambda s: s.key_results, goals.key_results),
    ("check-ins", lambda s: s.check_ins, goals.check_ins),
    ("skills", lambda s: s.people * 5, people.skills),
    ("praise", lambda s: s.people // 2, people.praise),
    ("projects", lambda s: s.projects, work.projects),
    ("steps", lambda s: s.steps, work.steps),
    ("dependencies", lambda s: s.dependencies, work.dependencies),
    ("requests", lambda s: s.steps // 20, work.requests),
    ("time entries", lambda s: s.steps, work.time_entries),
    ("expenses", lambda s: s.projects * 4, work.expenses),
    ("meetings", lambda s: s.meetings, meetings.meetings),
    ("agendas", lambda s: s.meetings, meetings.minutes),
    ("events", lambda s: max(4, s.meetings // 100), meetings.events),
    ("notes", lambda s: s.notes, records.notes),
    ("history", lambda s: s.audit_entries, history.audit_entries),
    ("week loads", lambda s: s.people * week_load.WINDOW_WEEKS, _week_loads),
]
