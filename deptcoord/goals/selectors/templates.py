"""Reads of goal templates, narrowed by the access policy."""

from datetime import date

from django.db.models import Count, Max, Q, QuerySet

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import Goal, GoalTemplate
from deptcoord.goals.selectors.goals import LEVEL_ORDER
from deptcoord.org.tree import department_and_teams


def templates(facts: RoleFacts) -> QuerySet:
    """The templates the person may see, with how many goals each has rolled out."""
    return (
        visible(facts, GoalTemplate.objects.all())
        .select_related("department")
        .annotate(
            key_result_count=Count("key_results", distinct=True),
            goal_count=Count("goals", distinct=True),
            last_period_end=Max("goals__period_end"),
        )
        .order_by("department__code", "title_en", "id")
    )


def template_detail_queryset() -> QuerySet:
    """Templates with what their page shows."""
    return GoalTemplate.objects.select_related("department").prefetch_related("key_results")


def last_roll_out(template: GoalTemplate) -> Goal | None:
    """The most recent goal rolled out from the template (its period and parent guide the next)."""
    return template.goals.select_related("parent").order_by("-period_end", "-id").first()


def roll_out_parents(facts: RoleFacts, template: GoalTemplate, today: date) -> QuerySet:
    """Open goals of the template's department (and its teams) or of the company, to align
    the personal goals under."""
    scope = department_and_teams(template.department_id)
    return (
        visible(facts, Goal.objects.all())
        .filter(Q(department__in=scope) | Q(level=Goal.Level.COMPANY))
        .exclude(level=Goal.Level.PERSON)
        .exclude(status__in=[Goal.Status.CANCELLED, Goal.Status.ACHIEVED, Goal.Status.MISSED])
        .filter(period_end__gte=date(today.year - 1, 1, 1))
        .select_related("department")
        .order_by(LEVEL_ORDER, "-period_end", "title_en")
    )
