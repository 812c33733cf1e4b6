"""The goals cards of the Today briefing: goals and key results at risk, check-ins missing,
and standards breached at their last measurement."""

from datetime import timedelta

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.core.briefing import Line, Morning, Section, section
from deptcoord.goals.formatting import format_measure, format_percent
from deptcoord.goals.models import Goal, KeyResult, Measurement, Metric, Standard

CHECK_IN_DAYS = 7
IN_PLACE_METRICS = (Metric.NUMBER, Metric.PERCENT, Metric.MONEY, Metric.YES_NO)


def check_in_action(facts: RoleFacts, key_result: KeyResult) -> dict:
    """The line's in-place check-in (a value and a note), for those who may check in on a key
    result measured by a value; milestones are reported on the key result's page."""
    if key_result.metric not in IN_PLACE_METRICS or not can(facts, Action.CHECK_IN, key_result):
        return {}
    suffix = {Metric.PERCENT: "%", Metric.MONEY: key_result.currency}.get(
        key_result.metric, key_result.unit
    )
    return {
        "action": "goals/partials/today_check_in.html",
        "action_data": {
            "pk": key_result.pk,
            "metric": key_result.metric,
            "suffix": suffix or "",
            "confidence": key_result.confidence or "on_track",
            "now": format_measure(
                key_result.current_value, key_result.metric, key_result.unit, key_result.currency
            ),
        },
    }


def _percent(value) -> str:
    """A whole percentage in the reader's language ("" when nothing measures it)."""
    return "" if value is None else format_percent(round(value))


def _measure(standard: Standard, value) -> str:
    return format_measure(value, standard.metric, standard.unit, standard.currency)


def _goal_line(goal: Goal) -> Line:
    return Line(
        title=goal.title,
        url=reverse("goals:goal_detail", args=[goal.pk]),
        note=str(
            _("Progress %(progress)s, forecast %(forecast)s")
            % {
                "progress": _percent(goal.progress) or "–",
                "forecast": _percent(goal.forecast_progress) or "–",
            }
        ),
        badge=str(_("At risk")),
        tone="danger",
        day=goal.period_end,
    )


def _key_result_line(key_result: KeyResult, facts: RoleFacts) -> Line:
    return Line(
        title=key_result.title,
        url=reverse("goals:key_result_detail", args=[key_result.pk]),
        note=key_result.goal.title,
        badge=str(_("%(shortfall)s short") % {"shortfall": _percent(key_result.shortfall_percent)})
        if key_result.shortfall_percent is not None
        else str(_("At risk")),
        tone="danger",
        day=key_result.due_date,
        **check_in_action(facts, key_result),
    )


def at_risk(morning: Morning) -> list[Section]:
    """Active goals and key results of the scope flagged at risk."""
    facts, scope = morning.facts, morning.scope
    goals = (
        visible(facts, Goal.objects.filter(status=Goal.Status.ACTIVE, at_risk=True))
        .filter(scope.q("department", "owner"))
        .order_by("period_end", "priority", "id")
    )
    key_results = (
        visible(facts, KeyResult.objects.filter(goal__status=Goal.Status.ACTIVE, at_risk=True))
        .filter(scope.q("goal__department", "owner"))
        .select_related("goal")
        .order_by("-shortfall_percent", "id")
    )
    found = [
        section(
            "goals_at_risk",
            _("Goals at risk"),
            "bi-flag",
            _("No goal is at risk."),
            goals,
            _goal_line,
        ),
        section(
            "key_results_at_risk",
            _("Key results at risk"),
            "bi-graph-down-arrow",
            _("Every key result is on course."),
            key_results,
            lambda key_result: _key_result_line(key_result, facts),
        ),
    ]
    for each in found:
        each.urgent = True
    return found


def missing_check_ins(morning: Morning) -> list[Section]:
    """Key results of goals running now with no check-in in the last seven days."""
    today = morning.today
    since = today - timedelta(days=CHECK_IN_DAYS)
    key_results = (
        visible(
            morning.facts,
            KeyResult.objects.filter(
                goal__status=Goal.Status.ACTIVE,
                goal__period_start__lte=today,
                goal__period_end__gte=today,
            ),
        )
        .filter(Q(last_check_in_on__isnull=True) | Q(last_check_in_on__lt=since))
        .filter(morning.scope.q("goal__department", "owner"))
        .select_related("goal", "owner")
        .order_by("last_check_in_on", "id")
    )

    def line(key_result):
        last = key_result.last_check_in_on
        return Line(
            title=key_result.title,
            url=reverse("goals:key_result_detail", args=[key_result.pk]),
            note=key_result.owner.full_name if key_result.owner_id else key_result.goal.title,
            badge=str(_("%(days)s d ago") % {"days": (today - last).days})
            if last
            else str(_("Never checked in")),
            tone="warning",
            day=last,
            **check_in_action(morning.facts, key_result),
        )

    return [
        section(
            "missing_check_ins",
            _("Check-ins missing"),
            "bi-clipboard-check",
            _("Every key result was checked in this week."),
            key_results,
            line,
        )
    ]


def breached_standards(morning: Morning) -> list[Section]:
    """Active standards of the scope whose latest measurement breached the threshold."""
    latest = Measurement.objects.filter(standard=OuterRef("pk")).order_by("-period_start")
    standards = (
        visible(morning.facts, Standard.objects.filter(is_active=True))
        .filter(morning.scope.q("department", "owner"))
        .annotate(
            latest_breached=Subquery(latest.values("breached")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period_start")[:1]),
        )
        .filter(latest_breached=True)
        .select_related("department", "owner")
        .order_by("department__code", "title_en", "id")
    )

    def line(standard):
        # Whose standard it is: a department often keeps one per person under the same title.
        return Line(
            title=standard.title,
            url=reverse("goals:standard_detail", args=[standard.pk]),
            note=f"{standard.department.name} · {standard.owner.full_name}: "
            f"{_measure(standard, standard.latest_value)} "
            f"{standard.comparison_sign} {_measure(standard, standard.threshold)}",
            badge=str(_("Breached")),
            tone="danger",
            day=standard.latest_period,
        )

    return [
        section(
            "breached_standards",
            _("Standards breached"),
            "bi-speedometer",
            _("Every standard was met at its last measurement."),
            standards,
            line,
        )
    ]
