"""A report's figures as its page, PDF and workbook show them: in the reader's language, with
charts drawn as SVG on the server."""

import io
from dataclasses import dataclass
from datetime import date, datetime

import openpyxl
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import neutralise
from deptcoord.goals.models import Goal
from deptcoord.goals.models.choices import Confidence
from deptcoord.reports.charts import Bar, bar_chart
from deptcoord.reports.models import StatusReport
from deptcoord.reports.snapshot import gather, is_empty
from deptcoord.work.models import Request, Step


def pick(value) -> str:
    """The text in the active language from an ``{"en": …, "vi": …}`` pair."""
    if not isinstance(value, dict):
        return "" if value is None else str(value)
    language = "vi" if (get_language() or "").startswith("vi") else "en"
    return value.get(language) or value.get("en") or value.get("vi") or ""


@dataclass
class Figures:
    """The report's figures ready to show."""

    data: dict
    raw: dict
    frozen: bool
    empty: bool
    goals_chart: str
    budget_chart: str


GOAL_STATUS = dict(Goal.Status.choices)
CONFIDENCE = dict(Confidence.choices)
STEP_STATUS = dict(Step.Status.choices)
REQUEST_STATE = dict(Request.State.choices)


def _day(value):
    """An ISO date (or date and time) from the snapshot as a date or datetime to format."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


def _dated(rows: list[dict], *keys: str) -> list[dict]:
    return [{**row, **{f"{key}_on": _day(row.get(key)) for key in keys}} for row in rows]


def _localised(data: dict) -> dict:
    """Titles in the reader's language and choice labels translated."""
    result = dict(data)
    result["department_name"] = pick(data.get("department"))
    result["goals"] = [
        {
            **goal,
            "title": pick(goal["title"]),
            "status_label": GOAL_STATUS.get(goal["status"], goal["status"]),
            "confidence_label": CONFIDENCE.get(goal["confidence"], goal["confidence"] or ""),
            "key_results": [{**kr, "title": pick(kr["title"])} for kr in goal["key_results"]],
        }
        for goal in data.get("goals", [])
    ]
    for key in ("standards", "events", "meetings", "budget"):
        result[key] = [{**row, "title": pick(row["title"])} for row in data.get(key, [])]
    for key in ("steps_done", "steps_slipped"):
        result[key] = [{**row, "title": pick(row["title"])} for row in data.get(key, [])]
    result["dependencies"] = [
        {
            **row,
            "waiting": pick(row["waiting"]),
            "on": pick(row["on"]),
            "on_status_label": STEP_STATUS.get(row["on_status"], row["on_status"]),
        }
        for row in data.get("dependencies", [])
    ]
    result["requests"] = _dated(
        [
            {**row, "state_label": REQUEST_STATE.get(row["state"], row["state"])}
            for row in data.get("requests", [])
        ],
        "due",
    )
    result["events"] = _dated(result["events"], "start", "end")
    result["meetings"] = _dated(result["meetings"], "next")
    result["steps_slipped"] = _dated(result["steps_slipped"], "due")
    for key in ("start", "end"):
        value = data.get("period", {}).get(key)
        result[f"period_{key}"] = date.fromisoformat(value) if value else None
    return result


def figures(report: StatusReport) -> Figures:
    """The frozen figures of a submitted report, or today's figures for a draft."""
    frozen = report.is_published and bool(report.snapshot)
    data = (
        report.snapshot
        if frozen
        else gather(report.department, report.period_start, report.period_end)
    )
    shown = _localised(data)
    goals = bar_chart(
        [
            Bar(goal["title"], goal["progress"] or 0, goal["forecast"], goal["at_risk"])
            for goal in shown["goals"]
        ],
        title=str(_("Goal progress, with the forecast at the end of the period")),
    )
    budget = bar_chart(
        [
            Bar(row["code"], row["percent"] or 0, 100, (row["percent"] or 0) > 100)
            for row in shown["budget"]
            if row["budget"]
        ],
        maximum=100,
        title=str(_("Spend as a share of the budget")),
    )
    return Figures(
        data=shown,
        raw=data,
        frozen=frozen,
        empty=is_empty(data),
        goals_chart=mark_safe(goals),
        budget_chart=mark_safe(budget),
    )


def pdf(report: StatusReport, context: dict) -> bytes:
    """The report as a PDF, from the template the page uses (no JavaScript: charts are SVG)."""
    from weasyprint import HTML

    html = render_to_string("reports/report_pdf.html", context)
    return HTML(string=html).write_pdf()


SHEETS = ("Summary", "Goals", "Steps", "Requests", "Budget", "Events")


def workbook(report: StatusReport, shown: Figures) -> bytes:
    """The report as an XLSX workbook: Summary, Goals, Steps, Requests, Budget, Events."""
    data = shown.data
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"

    def add(sheet, row):
        sheet.append([neutralise(value) for value in row])

    for row in (
        (str(_("Department")), data["department_name"]),
        (str(_("Period starts")), report.period_start.isoformat()),
        (str(_("Period ends")), report.period_end.isoformat()),
        (str(_("Kind")), str(report.get_kind_display())),
        (str(_("State")), str(report.get_state_display())),
        (str(_("Author")), report.author.full_name),
        (str(_("Narrative")), report.narrative),
        (str(_("Goals at risk")), sum(1 for goal in data["goals"] if goal["at_risk"])),
        (str(_("Steps completed")), len(data["steps_done"])),
        (str(_("Steps slipped")), len(data["steps_slipped"])),
    ):
        add(summary, row)
    goals = book.create_sheet("Goals")
    add(goals, [str(_("Goal")), str(_("Key result")), str(_("Progress (%)")),
                str(_("Forecast (%)")), str(_("At risk")), str(_("Confidence")),
                str(_("Current")), str(_("Target"))])  # fmt: skip
    for goal in data["goals"]:
        add(goals, [goal["title"], "", goal["progress"], goal["forecast"], goal["at_risk"],
                    goal["confidence"], None, None])  # fmt: skip
        for kr in goal["key_results"]:
            add(goals, [goal["title"], kr["title"], None, None, kr["at_risk"], kr["confidence"],
                        kr["current"], kr["target"]])  # fmt: skip
    steps = book.create_sheet("Steps")
    add(steps, [str(_("Step")), str(_("Project")), str(_("Assignee")), str(_("Due")),
                str(_("Completed on")), str(_("Slipped by (working days)")), str(_("Outcome"))])  # fmt: skip
    for outcome, key in ((_("Completed"), "steps_done"), (_("Slipped"), "steps_slipped")):
        for step in data[key]:
            add(steps, [step["title"], step["project"], step["assignee"], step["due"],
                        step["completed_on"], step["slip_days"], str(outcome)])  # fmt: skip
    requests = book.create_sheet("Requests")
    add(requests, [str(_("Request")), str(_("From")), str(_("To")), str(_("State")),
                   str(_("Needed by"))])  # fmt: skip
    for row in data["requests"]:
        add(requests, [row["title"], row["from"], row["to"], str(row["state_label"]), row["due"]])
    budget = book.create_sheet("Budget")
    add(budget, [str(_("Project")), str(_("Title")), str(_("Budget")), str(_("Spent")),
                 str(_("Spent (%)"))])  # fmt: skip
    for row in data["budget"]:
        add(budget, [row["code"], row["title"], row["budget"], row["spent"], row["percent"]])
    events = book.create_sheet("Events")
    add(events, [str(_("Event")), str(_("First day")), str(_("Last day"))])
    for row in data["events"]:
        add(events, [row["title"], row["start"], row["end"]])
    for row in data["meetings"]:
        add(events, [row["title"], row["next"], ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
