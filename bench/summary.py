"""Summarise bench/results/*.json as a Markdown table: bench/results/summary.md, and the
Performance section of the README (between its bench markers)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
README = HERE.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BUDGET_MS = 150


def _load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


SIZES = ("S", "M", "L")
ROLES = ("member", "coordinator", "executive")


def _built(data: dict) -> str:
    """How long the company took to build, when this run built it (a kept one is reused)."""
    seconds = data.get("build_seconds")
    return f"; company built in {seconds:.0f} s" if seconds and seconds > 1 else ""


def _pages(lines: list[str], backend: str, size: str) -> None:
    data = _load(f"pages_{backend}_{size}")
    if not data:
        return
    lines += [
        "",
        f"### Pages and API lists — {_BACKENDS[backend]}, size {data['size']} "
        f"({data['runs']} requests each per role{_built(data)})",
        "",
        _machine(data),
        "",
        "| Page | Member p95 | Coordinator p95 | Executive p95 | Worst p99 | Queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    by_page: dict[str, dict] = {}
    for row in data["pages"]:
        by_page.setdefault(row["page"], {})[row["role"]] = row
    smaller = _smaller_queries(backend, size)
    over = 0
    for page, roles in by_page.items():
        cells = []
        for role in ROLES:
            row = roles.get(role)
            if row is None:
                cells.append("–")
                continue
            note = "" if row["status"] == 200 else f" ({row['status']})"
            slow = row["p95_ms"] > BUDGET_MS
            over += slow
            cells.append(f"{row['p95_ms']} ms{' ⚠' if slow else ''}{note}")
        worst = max(row["p99_ms"] for row in roles.values())
        queries = "/".join(str(roles[r]["queries"]) for r in ROLES if r in roles)
        if smaller and any(
            smaller.get((page, r), roles[r]["queries"]) != roles[r]["queries"] for r in roles
        ):
            queries += " ↑"
        lines.append(f"| {page} | {' | '.join(cells)} | {worst} ms | {queries} |")
    lines += [
        "",
        f"{len(by_page)} pages and lists, {len(data['pages'])} measurements; {over} over the "
        f"{BUDGET_MS} ms p95 budget (⚠); ↑ marks a query count that differs from the "
        "smaller company's. A status in brackets is the answer the role gets "
        "(403: may see the project but not its budget).",
    ]


def _smaller_queries(backend: str, size: str) -> dict:
    """(page, role) → queries at the next smaller size measured, to show counts that grow."""
    for smaller in reversed(SIZES[: SIZES.index(size)]):
        data = _load(f"pages_{backend}_{smaller}")
        if data:
            return {(row["page"], row["role"]): row["queries"] for row in data["pages"]}
    return {}


_SCENARIOS = {
    "capacity": "capacity",
    "peak": "morning peak, each visit starting with Today",
}


def _load_run(lines: list[str], backend: str, size: str, scenario: str) -> None:
    data = _load(f"load_{backend}_{size}_{scenario}")
    if not data:
        return
    total = data["total"]
    cache = "Redis" if data.get("cache") == "redis" else "the database"
    kept = data.get("today_kept_rate")
    lines += [
        "",
        f"### Load run, {_SCENARIOS[scenario]} — {_BACKENDS[backend]} (cache in {cache}), "
        f"size {data['size']}: {data['users']} people for {data['minutes']} min against "
        f"gunicorn with {data['web_workers']} web workers and the task worker, locust on "
        f"loopback (think time {_think(data)})",
        "",
        _machine(data),
        *(["", f"Note: {data['note']}."] if data.get("note") else []),
        "",
        "| Requests | Errors | Requests/s | Median | p95 | p99 | Web CPU per request "
        "| Today from kept cards | Web worker peak |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {total['requests']} | {total['failures']} | {total['requests_per_s']} | "
        f"{total['median_ms']} ms | {total['p95_ms']} ms | {total['p99_ms']} ms | "
        f"{_ms(data.get('web_cpu_ms_per_request'))} | "
        f"{'–' if kept is None else f'{kept:.0%}'} | {_mib(data.get('peak_worker_mib'))} |",
        "",
        "| Journey step | Requests | Errors | Median | p95 |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in sorted(data["by_request"].items()):
        lines.append(
            f"| {name} | {row['requests']} | {row['failures']} | {row['median_ms']} ms | "
            f"{row['p95_ms']} ms |"
        )


def _ms(value) -> str:
    return "–" if value is None else f"{value} ms"


def _mib(value) -> str:
    return "–" if value is None else f"{value} MiB"


def _think(data: dict) -> str:
    low, high = data.get("think_seconds", (0.5, 2))
    return f"{low}–{high} s"


_BACKENDS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def _cores(lines: list[str]) -> None:
    rows = []
    planner = _load("planner")
    if planner:
        for item in planner["summary"]:
            rows.append(
                f"| Planner, PSPLIB {item['set']} ({item['method']}) | "
                f"{item['at_reference']}/{item['instances']} at the optimum or best known, "
                f"mean deviation {item['mean_deviation_percent']} %, "
                f"mean {item['mean_seconds']} s, max {item['max_seconds']} s |"
            )
    department = _load("planner_department")
    if department:
        for method, item in department["results"].items():
            if method == "gap" or "seconds" not in item:
                continue
            rows.append(
                f"| Planner, department of 30 people and 400 steps ({method}) | "
                f"{item['seconds']} s, {item['goals_achieved']} goals reachable |"
            )
    critical = _load("critical_path")
    if critical:
        rows.append(
            f"| Critical path, {critical['steps']:,} steps and {critical['dependencies']:,} "
            f"dependencies | {critical['schedule_seconds_median']} s median, "
            f"{critical['schedule_peak_memory_mib']} MiB |"
        )
    slots = _load("slot_finder")
    if slots:
        for name, item in slots["searches"].items():
            rows.append(
                f"| Slot finder, {slots['people']} people over {slots['days']} days: "
                f"{name} | {item['median_ms']} ms median |"
            )
    rows += _focused()
    if rows:
        lines += ["", "### Algorithms and focused pages", "", "| Benchmark | Result |", "|---|---|"]
        lines += rows


def _focused() -> list[str]:
    """The apps' own page benchmarks (each its own format)."""
    rows = []
    tree = _load("goal_tree")
    if tree:
        for role, item in tree["viewers"].items():
            rows.append(
                f"| Goal tree, {tree['goals']:,} goals and {tree['key_results']:,} key results, "
                f"{role} | {item['median_ms']} ms median, p95 {item['p95_ms']} ms |"
            )
    work = _load("work_pages")
    if work:
        for name, item in work["pages"].items():
            rows.append(
                f"| Project {name}, {work['steps']} steps and {work['people']} people | "
                f"{item['median_ms']} ms median, p95 {item['p95_ms']} ms, "
                f"{item['queries']} queries |"
            )
    meetings = _load("meetings_pages")
    if meetings:
        for name, title in (("calendar_page", "page"), ("month_feed", "month's JSON feed")):
            item = meetings[name]
            rows.append(
                f"| Calendar {title}, department of "
                f"{meetings['people_in_department']} with {meetings['meetings']:,} meetings | "
                f"{item['median_ms']} ms median, p95 {item['p95_ms']} ms |"
            )
    search = _load("search")
    if search:
        for role, item in search["viewers"].items():
            rows.append(
                f"| Search over {search['entries']:,} entries ({search['database']}), {role} | "
                f"{item['median_ms']} ms median, p95 {item['p95_ms']} ms |"
            )
    return rows


def _machine(data: dict) -> str:
    """The machine a run measured, and how busy and how fast it was."""
    host = data.get("host", {})
    parts = [host.get("cpu") or data.get("machine", ""), data.get("machine", "").split(",")[0]]
    if host.get("memory_gib"):
        parts.append(f"{host['memory_gib']} GiB memory")
    parts.append(f"Python {data.get('python', '?')}")
    if host.get("load_average"):
        parts.append(f"load average {host['load_average']} when it started")
    if host.get("reference_loop_ms"):
        parts.append(f"reference loop {host['reference_loop_ms']} ms")
    if host.get("date"):
        parts.append(host["date"])
    return "Machine: " + ", ".join(p for p in dict.fromkeys(parts) if p) + "."


def _build_stages(lines: list[str]) -> None:
    data = _load("pages_sqlite_L") or _load("pages_sqlite_M")
    if not data or not data.get("build_stages"):
        return
    lines += [
        "",
        f"### Generated company, size {data['size']} on SQLite: built in "
        f"{data['build_seconds']:.0f} s",
        "",
        "```",
        *data["build_stages"],
        "```",
    ]


def build() -> str:
    lines = [
        "## Performance",
        "",
        "Figures from `make bench` (see bench/results/ for the JSON). Budgets: every page and "
        f"API list p95 ≤ {BUDGET_MS} ms with a fixed number of queries; morning peak (200 "
        "people, 3–15 s between clicks, 10 min) 0 errors and p95 ≤ 300 ms; capacity (50 "
        "people, 0.1–0.5 s, 2 min) ≥ 60 requests/s, p95 ≤ 1 s, 0 errors and ≤ 25 ms of web "
        "CPU per request; a web worker under 300 MB. Each run names its machine "
        "with the time it takes for one fixed loop of Python (`bench/pages.py`): machines "
        "sold as the same processor differ, and figures compare in the ratio of their loops.",
    ]
    for backend in ("sqlite", "postgres"):
        for size in SIZES:
            _pages(lines, backend, size)
            for scenario in _SCENARIOS:
                _load_run(lines, backend, size, scenario)
    _build_stages(lines)
    _cores(lines)
    return "\n".join(lines) + "\n"


def main() -> int:
    text = build()
    (RESULTS / "summary.md").write_text(text)
    readme = README.read_text()
    block = f"{START}\n{text}{END}"
    if START in readme:
        readme = re.sub(
            re.escape(START) + ".*?" + re.escape(END), lambda _m: block, readme, flags=re.S
        )
    else:
        readme = readme.replace("## Licence", f"{block}\n\n## Licence")
    README.write_text(readme)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
