"""Small pieces the people pages share."""

from django.http import Http404

from deptcoord.access import Action, can, get_visible_or_404
from deptcoord.goals.views.common import (  # noqa: F401  (shared page helpers)
    SERVICE_ERRORS,
    cleaned,
    posted_version,
    report,
)
from deptcoord.org.models import Person
from deptcoord.people.models import Assessment


def person_or_404(request, pk) -> Person:
    """A person whose skills, plans and feedback the viewer may see; otherwise 404 (the
    directory alone does not open a person's development records)."""
    person = get_visible_or_404(
        request.facts, Person.objects.select_related("primary_department"), pk=pk
    )
    if not can(request.facts, Action.VIEW, Assessment(person=person)):
        raise Http404
    return person


def may(request, action: Action, obj) -> bool:
    """Whether the viewer may take the action (for showing buttons)."""
    return can(request.facts, action, obj)
