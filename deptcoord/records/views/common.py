"""Small pieces the records pages share."""

from django.conf import settings
from django.core.paginator import Paginator

from deptcoord.core.service_calls import SERVICE_ERRORS, report  # noqa: F401  (for the pages)

PER_PAGE = 50


def posted_version(request) -> int | None:
    """The version a button's form was rendered with (None when absent or garbled)."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def page_of(request, items, per_page: int = PER_PAGE):
    """The requested page of a list (the first for a garbled number)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def uploaded(form) -> dict:
    """The uploaded file's name, content and size, never reading more than the limit allows
    (the service refuses a larger file by its size)."""
    upload = form.cleaned_data["file"]
    limit = settings.RECORDS_MAX_UPLOAD_MB * 1024 * 1024
    return {"filename": upload.name, "content": upload.read(limit + 1), "size": upload.size}
