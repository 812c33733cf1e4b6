"""Template filters and tags for goals: values in the viewer's language, periods, badges."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

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
