"""Template filters and tags for goals: values in the viewer's language, periods, badges."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from deptcoord.core.links import link_to
from deptcoord.goals import forecast
from deptcoord.goals.formatting import decimals_of, format_measure, format_percent
from deptcoord.goals.models import CONFIDENCE_RANK, Confidence
from deptcoord.goals.periods import measurement_label, period_label

register = template.Library()
NOTHING_MEASURED = _("Nothing measured yet")
PROGRESS = _("Progress")
NOT_STARTED = _("Not started")
NOT_STARTED_HINT = _(
    "No check-in yet. It has no status until its first check-in, or until a quarter of its "
    "time has passed without one: then it is at risk."
)

STATUS_CLASSES = {
    "draft": "text-bg-light border",
    "active": "badge-goal-active",
    "achieved": "text-bg-success",
    "missed": "text-bg-danger",
    "cancelled": "text-bg-secondary",
}
CONFIDENCE_CLASSES = {
    "on_track": ("text-bg-success", "bi-check-circle"),
    "at_risk": ("text-bg-warning", "bi-exclamation-triangle"),
    "off_track": ("text-bg-danger", "bi-x-octagon"),
}


@register.filter
def percent(value):
    """A share as a whole percentage in the active language, or a dash when there is none."""
    if value is None or value == "":
        return "—"
    return format_percent(round(float(value)))


def precision(record) -> int:
    """Decimal places the record's values are written with (its start, target or threshold)."""
    values = [getattr(record, name, None) for name in ("start_value", "target_value", "threshold")]
    return max((decimals_of(value) for value in values if value is not None), default=0)


def _written(record, value) -> str:
    if isinstance(value, float):  # a projection: no more precise than the record's own values
        value = round(value, precision(record))
    milestones = len(getattr(record, "milestone_names", []) or [])
    return format_measure(
        value,
        record.metric,
        getattr(record, "unit", ""),
        getattr(record, "currency", ""),
        milestones,
    )


@register.filter
def measure(record, field="current_value"):
    """A value of a key result or standard (by field name), with its metric, unit and currency."""
    return _written(record, getattr(record, field))


@register.filter
def measure_value(record, value):
    """Another value (a check-in's, a forecast's) written as the record's values are."""
    return _written(record, value)


@register.filter
def period(goal):
    """The goal's period as people name it: Q4 2026, 2026, November 2026 or two dates."""
    return period_label(goal.period_start, goal.period_end)


@register.filter
def measurement_period(measurement, frequency):
    """The period a measurement (or the period starting on a day) covers: week 47, 2026;
    November 2026; Q4 2026; a day."""
    return measurement_label(frequency, getattr(measurement, "period_start", measurement))


@register.filter
def elapsed(goal):
    """The share of the goal's period elapsed today, 0–100 (where a steady pace would be)."""
    return forecast.expected_progress_percent(
        goal.period_start, goal.period_end, timezone.localdate()
    )


@register.simple_tag
def status_badge(goal):
    """The goal's status as the same badge on every page."""
    css = STATUS_CLASSES.get(goal.status, "")
    return format_html('<span class="badge {}">{}</span>', css, goal.get_status_display())


@register.simple_tag
def confidence_badge(confidence):
    """On track, at risk or off track: a coloured badge with an icon and a word (nothing when
    there is no confidence)."""
    if confidence not in CONFIDENCE_CLASSES:
        return ""
    css, icon = CONFIDENCE_CLASSES[confidence]
    return format_html(
        '<span class="badge {}"><i class="bi {}" aria-hidden="true"></i> {}</span>',
        css,
        icon,
        Confidence(confidence).label,
    )


def _worst(confidence: str, at_risk: bool) -> str:
    """The worse of what the owners report and what the forecast says: one status, never "on
    track" beside "at risk"."""
    flagged = Confidence.AT_RISK if at_risk else ""
    return max((confidence or "", flagged), key=lambda state: CONFIDENCE_RANK.get(state, -1))


@register.simple_tag
def goal_health(goal):
    """An open goal's one status badge: the worst confidence reported on its key results, or
    "at risk" when a key result here or below is heading short (nothing for a closed goal)."""
    if not goal.is_open:
        return ""
    return confidence_badge(_worst(goal.confidence, goal.at_risk))


@register.simple_tag
def key_result_health(key_result):
    """A key result's one status badge; "not started" before its first check-in (unless it has
    gone so long without one that it is at risk)."""
    if key_result.last_check_in_on is None and not key_result.at_risk:
        return format_html(
            '<span class="badge text-bg-light border" title="{}">'
            '<i class="bi bi-hourglass" aria-hidden="true"></i> {}</span>',
            NOT_STARTED_HINT,
            NOT_STARTED,
        )
    return confidence_badge(_worst(key_result.confidence, key_result.at_risk))


@register.simple_tag
def progress_explanation(basis) -> str:
    """How the goal's progress is computed, in words: "Average of 4 key results and 1
    contributing goal, each by its weight. 2 key results have no check-in yet and count as 0 %."
    """
    parts = []
    if basis.key_results:
        parts.append(
            ngettext("%(count)s key result", "%(count)s key results", basis.key_results)
            % {"count": basis.key_results}
        )
    if basis.goals:
        parts.append(
            ngettext("%(count)s contributing goal", "%(count)s contributing goals", basis.goals)
            % {"count": basis.goals}
        )
    if not parts:
        return ""
    text = gettext("Average of %(parts)s, each by its weight.") % {
        "parts": gettext(" and ").join(parts)
    }
    if basis.not_started:
        text += " " + ngettext(
            "%(count)s key result has no check-in yet and counts as 0 %%.",
            "%(count)s key results have no check-in yet and count as 0 %%.",
            basis.not_started,
        ) % {"count": basis.not_started}
    return text


@register.simple_tag
def progress_bar(progress, expected=None, label=""):
    """A progress bar with the share and, when given, a mark where a steady pace would be."""
    if progress is None:
        return format_html(
            '<div class="goal-progress"><span class="small text-body-secondary">{}</span></div>',
            NOTHING_MEASURED,
        )
    mark = ""
    if expected not in (None, ""):
        mark = format_html(' style="--expected: {}%"', f"{expected:.1f}")
    return format_html(
        '<div class="goal-progress"><div class="progress goal-progress-bar" role="progressbar" '
        'aria-label="{}" aria-valuenow="{}" aria-valuemin="0" aria-valuemax="100"{}>'
        '<div class="progress-bar" style="width: {}%"></div></div>'
        '<span class="goal-progress-value">{}</span></div>',
        label or PROGRESS,
        round(progress),
        mark,
        f"{progress:.1f}",
        percent(progress),
    )


@lru_cache(maxsize=16)
def _node_words(language: str, script_prefix: str) -> dict:
    """What every node of the goal tree says, in one language, escaped: translated once."""
    words = {
        "kpi": gettext("KPI"),
        "aspirational": gettext("Aspirational"),
        "figures": gettext(
            "The weighted average of its key results and contributing goals; a key result not "
            "yet checked in counts as 0 %%."
        )
        % {},  # the catalogue's form of the template's "0 %"
        "forecast": gettext("Forecast"),
    }
    return {key: escape(text) for key, text in words.items()} | {
        "detail": link_to("goals:goal_detail"),
        "children": link_to("goals:children"),
    }


@register.simple_tag(takes_context=True)
def goal_node(context, row):
    """One goal of the tree with its open branches (``goals/tree.html``), written here rather
    than through a template per node: the template engine took most of the tree's time. Reads
    ``query`` (the filters, kept when a branch opens) from the context; every stored text goes
    through ``escape``."""
    words = _node_words(get_language(), get_script_prefix())
    return mark_safe(_node(row, words, escape(context.get("query", ""))))


def _node(row, words: dict, query: str) -> str:
    goal, count, pk = row.goal, row.child_count, row.goal.pk
    title = escape(goal.title)
    toggle = ""
    if count:
        expanded = "true" if row.expanded else "false"
        opens = ""
        if not row.expanded:
            asked = f"{query}&amp;" if query else ""
            opens = (
                f' hx-get="{words["children"](pk)}?{asked}depth={row.depth + 1}"'
                f' hx-target="#goal-children-{pk}" hx-trigger="click once"'
                ' hx-indicator="#progress"'
            )
        told = ngettext(
            "%(counter)s goal contributes to “%(title)s”",
            "%(counter)s goals contribute to “%(title)s”",
            count,
        ) % {"counter": count, "title": title}
        toggle = (
            '<button type="button" class="btn btn-sm btn-link goal-toggle" data-goal-toggle'
            f' aria-expanded="{expanded}" aria-controls="goal-children-{pk}"{opens}>'
            '<i class="bi bi-chevron-right" aria-hidden="true"></i>'
            f'<span class="visually-hidden">{told}</span></button>'
        )
    kind = ""
    if goal.kind == "kpi":
        kind = f'<span class="badge text-bg-light border">{words["kpi"]}</span>'
    elif goal.commitment == "aspirational":
        kind = f'<span class="badge text-bg-light border">{words["aspirational"]}</span>'
    where = f"<span>{escape(goal.department.name)}</span> ·" if goal.department_id else ""
    contributing = ""
    if count:
        said = ngettext("%(counter)s contributing", "%(counter)s contributing", count)
        contributing = f"· <span>{said % {'counter': count}}</span>"
    forecast_line = ""
    if goal.forecast_progress is not None:
        forecast_line = (
            f'<span class="text-body-secondary">{words["forecast"]}</span>'
            f" {percent(goal.forecast_progress)}"
        )
    html = [
        f'<li class="goal-node" style="--depth: {int(row.depth)}"><div class="goal-row">'
        f'<div class="goal-toggle-cell">{toggle}</div>'
        f'<div class="goal-main"><a class="goal-title" href="{words["detail"](pk)}">{title}</a>'
        '<div class="goal-meta small text-body-secondary">'
        f'<span class="badge badge-level badge-level-{escape(goal.level)}">'
        f"{escape(goal.get_level_display())}</span> {kind} {where} "
        f"<span>{escape(goal.owner.full_name)}</span> · <span>{escape(period(goal))}</span>"
        f" {contributing}</div></div>"
        f'<div class="goal-state">{status_badge(goal)} {goal_health(goal)}</div>'
        f'<div class="goal-figures" title="{words["figures"]}">'
        f"{progress_bar(goal.progress, elapsed(goal))}"
        f'<div class="goal-forecast small">{forecast_line}</div></div></div>'
    ]
    if count:
        hidden = "" if row.expanded else " hidden"
        html.append(f'<ul class="goal-children list-unstyled" id="goal-children-{pk}"{hidden}>')
        if row.expanded:
            html.extend(_node(child, words, query) for child in row.children)
        html.append("</ul>")
    html.append("</li>")
    return "".join(html)
