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


def _pages(lines: list[str], backend: str) -> None:
    data = _load(f"pages_{backend}")
    if not data:
        return
    lines += [
        "",
        f"### Pages and API lists — {backend}, size {data['size']} "
        f"({data['runs']} requests each, {data['machine']})",
        "",
        "| Page | Member p95 | Coordinator p95 | Executive p95 | Worst p99 | Queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    by_page: dict[str, dict] = {}
    for row in data["pages"]:
        by_page.setdefault(row["page"], {})[row["role"]] = row
    for page, roles in by_page.items():
        cells = []
        for role in ("member", "coordinator", "executive"):
            row = roles.get(role)
            mark = "" if row and row["p95_ms"] <= BUDGET_MS and row["status"] == 200 else " ⚠"
            cells.append(f"{row['p95_ms']} ms{mark}" if row else "–")
        worst = max(row["p99_ms"] for row in roles.values())
        queries = "/".join(
            str(roles[r]["queries"]) for r in ("member", "coordinator", "executive") if r in roles
        )
        lines.append(f"| {page} | {' | '.join(cells)} | {worst} ms | {queries} |")


def _load_run(lines: list[str], backend: str) -> None:
    data = _load(f"load_{backend}")
    if not data:
        return
    total = data["total"]
    lines += [
        "",
        f"### Load run — {backend}, size {data['size']}: {data['users']} users for "
        f"{data['minutes']} min, {data['web_workers']} web workers ({data['machine']})",
        "",
        "| Requests | Errors | Requests/s | Median | p95 | p99 | Web worker peak |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {total['requests']} | {total['failures']} | {total['requests_per_s']} | "
        f"{total['median_ms']} ms | {total['p95_ms']} ms | {total['p99_ms']} ms | "
        f"{data['peak_worker_mib']} MiB |",
    ]


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
            if method == "gap":
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
    for name in ("goal_tree", "work_pages", "meetings_pages", "search"):
        data = _load(name)
        if data and "summary_line" in data:
            rows.append(f"| {data['title']} | {data['summary_line']} |")
    if rows:
        lines += ["", "### Algorithms and focused pages", "", "| Benchmark | Result |", "|---|---|"]
        lines += rows


def build() -> str:
    lines = ["## Performance", "", "Figures from `make bench` (see bench/results/ for the JSON)."]
    for backend in ("sqlite", "postgres"):
        _pages(lines, backend)
        _load_run(lines, backend)
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
