"""Reading the work app's steps and requests for agendas and calendars, through the policy.

The policy decides once the work app registers its rules; until then a person reads only the
work of the departments they belong to (everything for admins and executives).
"""

from django.db.models import Q, QuerySet

from deptcoord.access import RoleFacts, rule_for, visible


def visible_work(facts: RoleFacts, queryset: QuerySet, departments: tuple[str, ...]) -> QuerySet:
    """The steps or requests the person may see; ``departments`` names the owning fields."""
    try:
        rule_for(queryset.model)
    except LookupError:
        if not facts.is_authenticated or facts.is_guest():
            return queryset.none()
        if facts.is_admin or facts.is_executive:
            return queryset
        mine = sorted(facts.departments_in())
        where = Q(pk__in=[])
        for field in departments:
            where |= Q(**{f"{field}__in": mine})
        return queryset.filter(where)
    return visible(facts, queryset)
