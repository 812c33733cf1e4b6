"""What the goals API shares: lookups of records the caller may see."""

from deptcoord.access import get_visible_or_404
from deptcoord.org.models import Department, Person


def department_or_404(request, pk):
    """A department the caller may see (None when no id is given)."""
    return get_visible_or_404(request.facts, Department, pk=pk) if pk is not None else None


def person_or_caller(request, pk):
    """A person the caller may see, or the caller when no id is given."""
    return get_visible_or_404(request.facts, Person, pk=pk) if pk is not None else request.person
