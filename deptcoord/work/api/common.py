"""What the work API shares: lookups of records the caller may see, and the acting person."""

from deptcoord.access import get_visible_or_404
from deptcoord.core.actor import actor_from
from deptcoord.org.models import Department, Person
from deptcoord.work import selectors
from deptcoord.work.models import Project, Step


def department_or_404(request, pk):
    """A department the caller may see (None when no id is given)."""
    return get_visible_or_404(request.facts, Department, pk=pk) if pk is not None else None


def person_or_404(request, pk):
    """A person the caller may see (None when no id is given)."""
    return get_visible_or_404(request.facts, Person, pk=pk) if pk is not None else None


def people_or_404(request, ids):
    """The people the caller may see with these ids."""
    return [person_or_404(request, pk) for pk in ids]


def project_or_404(request, pk) -> Project:
    """A project the caller may see."""
    return get_visible_or_404(request.facts, Project, pk=pk)


def step_or_404(request, pk) -> Step:
    """A step the caller may see, with what its page and schema read."""
    return get_visible_or_404(request.facts, selectors.step_detail_queryset(), pk=pk)


def api_actor(request):
    """The caller, acting through the API."""
    return actor_from(request, "api")
