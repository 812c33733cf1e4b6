"""Find-a-time's availability grid and its reasons, put in words for the page."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deptcoord.meetings import availability as kinds

STATES = {
    kinds.FREE: gettext_lazy("Free"),
    kinds.MEETING: gettext_lazy("Busy"),
    kinds.BUSY: gettext_lazy("Busy"),
    kinds.TIME_OFF: gettext_lazy("Time off"),
    kinds.HOLIDAY: gettext_lazy("Holiday"),
    kinds.OUTSIDE: gettext_lazy("Outside working hours"),
}
# A mark besides the colour, so a cell reads without telling colours apart.
GLYPHS = {
    kinds.FREE: "",
    kinds.MEETING: "■",
    kinds.BUSY: "■",
    kinds.TIME_OFF: "◐",
    kinds.HOLIDAY: "★",
    kinds.OUTSIDE: "·",
}


def legend() -> list[dict]:
    """The marks the grid uses, with their words."""
    shown = (kinds.FREE, kinds.MEETING, kinds.TIME_OFF, kinds.HOLIDAY, kinds.OUTSIDE)
    return [{"state": state, "glyph": GLYPHS[state], "text": STATES[state]} for state in shown]


def day_label(day: date) -> str:
    """A day as people say it: weekday and day/month."""
    return f"{date_format(day, 'l')} {date_format(day, 'd/m')}"


def days_label(first: date, last: date) -> str:
    """One day with its weekday, or a run of days: 15–16/12, 30/11–02/12."""
    if first == last:
        return day_label(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{date_format(first, 'd')}–{date_format(last, 'd/m')}"
    return f"{date_format(first, 'd/m')}–{date_format(last, 'd/m')}"


def _cell_text(state: str, label: str) -> str:
    text = str(STATES.get(state, STATES[kinds.BUSY]))
    return f"{text}: {label}" if label else text


def grid_view(grid: kinds.Grid, names: dict) -> dict:
    """The grid as the template lays it out: day headers, hour headers, one row a person."""
    days: list[dict] = []
    for column in grid.columns:
        if days and days[-1]["day"] == column.day and column.hour is not None:
            days[-1]["span"] += 1
            continue
        days.append(
            {
                "day": column.day,
                "label": day_label(column.day),
                "span": 1,
                "folded": column.hour is None,
                "reason": _cell_text(column.reason, column.label) if column.hour is None else "",
            }
        )
    hours = []
    previous = None
    for column in grid.columns:
        hours.append(
            {
                "label": "" if column.hour is None else f"{column.hour:02d}",
                "folded": column.hour is None,
                "proposed": column.proposed,
                "first": column.day != previous,
            }
        )
        previous = column.day
    rows = []
    for person_id, cells in grid.rows:
        rows.append(
            {
                "name": names.get(person_id, ""),
                "cells": [
                    {
                        "state": cell.state,
                        "glyph": GLYPHS.get(cell.state, "■"),
                        "text": _cell_text(cell.state, cell.label),
                        "proposed": cell.proposed,
                        "first": hour["first"],
                        "folded": hour["folded"],
                    }
                    for cell, hour in zip(cells, hours, strict=True)
                ],
            }
        )
    return {"days": days, "hours": hours, "rows": rows, "cut": grid.cut, "legend": legend()}


def reason_line(item: kinds.Exclusion, names: dict) -> str:
    """Why days are left out, as a sentence."""
    days = days_label(item.first, item.last)
    if item.person_id is None:
        if item.kind == kinds.HOLIDAY:
            if item.label:
                return _("%(days)s: holiday (%(name)s)") % {"days": days, "name": item.label}
            return _("%(days)s: holiday") % {"days": days}
        if item.kind == kinds.OUTSIDE:
            return _("%(days)s: outside everyone's working hours") % {"days": days}
        if item.kind == kinds.TIME_OFF:
            return _("%(days)s: everyone is on time off") % {"days": days}
        return _("%(days)s: everyone is busy all day") % {"days": days}
    values = {"person": names.get(item.person_id, ""), "days": days, "what": item.label}
    if item.kind == kinds.TIME_OFF:
        if item.label:
            return _("%(person)s is on time off %(days)s (%(what)s)") % values
        return _("%(person)s is on time off %(days)s") % values
    if item.kind == kinds.HOLIDAY:
        return _("%(person)s: holiday %(days)s") % values
    if item.kind == kinds.OUTSIDE:
        return _("%(person)s: outside working hours %(days)s") % values
    return _("%(person)s is busy all day %(days)s") % values
