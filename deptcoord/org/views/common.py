"""Small pieces the organisation pages share."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q

from deptcoord.access import Action, can, visible
from deptcoord.core.versioning import StaleVersionError
from deptcoord.org.models import Department

PAGE_SIZE = 50
SERVICE_ERRORS = (ValidationError, StaleVersionError)


def paginate(request, queryset):
    """The requested page of a list, 50 rows a page."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def departments_for(facts, action: Action):
    """Active departments on which the person may take the action (for choice lists)."""
    candidates = visible(facts, Department.objects.filter(is_active=True)).order_by("code")
    allowed = [dept.pk for dept in candidates if can(facts, action, dept)]
    return Department.objects.filter(Q(pk__in=allowed)).order_by("code")
