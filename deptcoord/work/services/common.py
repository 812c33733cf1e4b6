"""What every work service shares: today, and saving a change with its audit entry."""

from django.utils import timezone

from deptcoord.audit.services import (  # noqa: F401  (the work services' audit helpers)
    record_created,
    record_deleted,
    save_with_audit,
)


def today():
    """Today in the company's time zone."""
    return timezone.localdate()
