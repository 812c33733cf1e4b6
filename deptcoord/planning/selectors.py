"""Reads of plan runs, already restricted by the policy, and their results made readable."""

from collections import defaultdict
from datetime import date, timedelta

from django.utils import formats
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from deptcoord.access import RoleFacts, visible
from deptcoord.org.models import Department
from deptcoord.planning.access import plannable_department_filter, plannable_project_filter
from deptcoord.planning.department import EXTRA_CAPACITY, MOVE_DEADLINE, POSTPONE_GOAL
from deptcoord.planning.models import PlanRun
from deptcoord.planning.services.common import label
from deptcoord.work.models import Project


def runs(facts: RoleFacts):
    """The plan runs the person may see, newest first."""
    return visible(facts, PlanRun.objects.all()).select_related(
        "department", "project", "created_by", "parent"
    )


def plannable_departments(facts: RoleFacts) -> list[Department]:
    """Active departments the person may plan."""
    departments = Department.objects.filter(is_active=True)
    return list(departments.filter(plannable_department_filter(facts)).order_by("code"))


def plannable_projects(facts: RoleFacts):
    """Open projects the person may plan: those their departments lead, or they coordinate."""
    projects = Project.objects.exclude(
        status__in=[Project.Status.DONE, Project.Status.CANCELLED]
    ).select_related("lead_department")
    return projects.filter(plannable_project_filter(facts)).order_by("code")


def _day(run: PlanRun, day):
    return run.start + timedelta(days=day) if day is not None else None


def _goals(run, plan, labels):
    goals_labels = labels.get("goals", {})
    found = []
    for verdict in plan["goals"]:
        found.append(
            {
                "id": verdict["goal_id"],
                "name": label(labels, verdict["goal_id"]),
                "is_project": bool(goals_labels.get(verdict["goal_id"], {}).get("project")),
                "achievable": verdict["achievable"],
                "deadline": _day(run, verdict["deadline_day"]),
                "finish": _day(run, verdict["finish_day"]),
                "lateness_days": verdict["lateness_days"],
                "chain": [
                    {
                        "step": label(labels, link["step_id"]),
                        "person": label(labels, link["person_id"]),
                        "start": _day(run, link["start_day"]),
                        "finish": _day(run, link["finish_day"]),
                        "waits_for": link["waits_for"],
                    }
                    for link in verdict["deciding_chain"]
                ],
                "loaded": [
                    {
                        "kind": load["kind"],
                        "name": label(labels, load["name"]),
                        "percent": round(load["share"] * 100),
                    }
                    for load in verdict["loaded"]
                ],
            }
        )
    return sorted(found, key=lambda goal: (goal["achievable"], goal["is_project"], goal["name"]))


def _suggestions(run, suggestions, labels):
    found = []
    for index, suggestion in enumerate(suggestions):
        verdict = suggestion["verdict"]
        found.append(
            {
                "index": index,
                "kind": suggestion["kind"],
                "goal": label(labels, suggestion["goal_id"]),
                "people": [label(labels, p) for p in suggestion["person_ids"]],
                "hours": suggestion["extra_hours_per_week"],
                "deadline": _day(run, suggestion["new_deadline_day"]),
                "postponed": label(labels, suggestion["postponed_goal_id"]),
                "achievable": verdict["achievable"],
                "finish": _day(run, verdict["finish_day"]),
                "given_up": [label(labels, g) for g in suggestion["goals_given_up"]],
            }
        )
    return found


def _weeks(run: PlanRun) -> list:
    monday = run.start - timedelta(days=run.start.weekday())
    weeks = []
    while monday <= run.end:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


def load_by_week(run: PlanRun, plan: dict, problem: dict, labels: dict) -> dict:
    """Planned against available hours per person and week, as a heat map's rows."""
    weeks = _weeks(run)
    first = weeks[0]

    def week_of(day: int) -> int:
        return ((run.start + timedelta(days=day)) - first).days // 7

    planned: dict = defaultdict(lambda: [0.0] * len(weeks))
    for step in plan["steps"]:
        for day, hours in step["hours_by_day"]:
            planned[step["person_id"]][week_of(day)] += hours
    rows = []
    for person in problem["people"]:
        available = [0.0] * len(weeks)
        for day, hours in person["hours_by_day"].items():
            available[week_of(int(day))] += hours
        used = planned[person["person_id"]]
        cells = []
        for week, (hours, capacity) in enumerate(zip(used, available, strict=True)):
            percent = round(100 * hours / capacity) if capacity else (100 if hours else 0)
            cells.append({"week": weeks[week], "hours": round(hours, 1), "percent": percent})
        rows.append({"name": label(labels, person["person_id"]), "cells": cells})
    return {"weeks": weeks, "rows": sorted(rows, key=lambda row: row["name"])}


def timeline(run: PlanRun, plan: dict, labels: dict) -> list[dict]:
    """The schedule as frappe-gantt tasks, grouped by person."""
    tasks = []
    for step in sorted(
        plan["steps"], key=lambda s: (label(labels, s["person_id"]), s["start_day"])
    ):
        person = label(labels, step["person_id"])
        tasks.append(
            {
                "id": step["step_id"],
                "name": f"{person} · {label(labels, step['step_id'])}",
                "start": _day(run, step["start_day"]).isoformat(),
                "end": _day(run, step["finish_day"]).isoformat(),
                "progress": 0,
            }
        )
    return tasks


def result_view(run: PlanRun) -> dict | None:
    """Everything the result page shows, in the viewer's language; None before a result."""
    plan = run.result.get("plan") if run.result else None
    source = "result"
    if plan is None and run.preview:
        plan, source = run.preview, "preview"
    if plan is None:
        return None
    labels = run.problem.get("labels", {})
    goals = _goals(run, plan, labels)
    bottlenecks = {}
    for goal in goals:
        for load in goal["loaded"]:
            current = bottlenecks.get((load["kind"], load["name"]))
            if current is None or current["percent"] < load["percent"]:
                bottlenecks[(load["kind"], load["name"])] = load
    return {
        "source": source,
        "goals": goals,
        "achievable": sum(1 for goal in goals if goal["achievable"]),
        "suggestions": _suggestions(run, run.result.get("suggestions", []), labels)
        if source == "result"
        else [],
        "bottlenecks": sorted(bottlenecks.values(), key=lambda load: -load["percent"]),
        "left_out": [label(labels, step_id) for step_id in plan["left_out_step_ids"]],
        "timeline": timeline(run, plan, labels),
        "load": load_by_week(run, plan, run.problem["engine"], labels),
        "finish": _day(run, plan["score"]["finish_day"]) if plan["steps"] else None,
    }


def apply_report_view(run: PlanRun) -> dict | None:
    """The apply report with step names."""
    report = run.apply_report
    if not report:
        return None
    labels = run.problem.get("labels", {})
    return {
        "applied": len(report["applied"]),
        "unchanged": len(report["unchanged"]),
        "conflicts": [
            {"step": label(labels, c["step_id"]), "reason": c["reason"]}
            for c in report["conflicts"]
        ],
        "left_out": [label(labels, s) for s in report["left_out"]],
        "assumption": assumption_sentence(report.get("assumption") or {}),
    }


def assumption_sentence(assumption: dict) -> str:
    """What applying a what-if recorded, in the reader's language ("" for a plain plan)."""
    kind = assumption.get("kind")
    try:
        if kind == EXTRA_CAPACITY:
            return _("Recorded as agreed extra hours: +%(hours)s h a week for %(people)s.") % {
                "hours": number_format(assumption["hours"]),
                "people": ", ".join(assumption["people"]),
            }
        day = formats.date_format(date.fromisoformat(assumption["date"]), "SHORT_DATE_FORMAT")
        if kind == MOVE_DEADLINE:
            return _("The deadline was moved to %(date)s.") % {"date": day}
        if kind == POSTPONE_GOAL:
            return _("The postponed goal now starts on %(date)s.") % {"date": day}
    except (KeyError, TypeError, ValueError):
        pass  # an entry of another shape: say nothing rather than break the page
    return ""
