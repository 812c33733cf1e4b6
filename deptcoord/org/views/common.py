"""Small pieces the organisation pages share."""

from django.core.paginator import Paginator

from deptcoord.core.service_calls import SERVICE_ERRORS  # noqa: F401  (shared with the pages)

PAGE_SIZE = 50


def paginate(request, queryset):
    """The requested page of a list, 50 rows a page."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
