"""Small pieces the organisation pages share."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

from deptcoord.core.versioning import StaleVersionError

PAGE_SIZE = 50
SERVICE_ERRORS = (ValidationError, StaleVersionError)


def paginate(request, queryset):
    """The requested page of a list, 50 rows a page."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
