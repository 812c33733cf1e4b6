"""What the meetings API shares: resolving ids the caller may see."""

from django.core.exceptions import ValidationError

from deptcoord.access import get_visible_or_404, visible
from deptcoord.meetings import messages
from deptcoord.org.models import Department, Person


def people_or_422(request, ids, field: str = "participants") -> dict[int, Person]:
    """The people with these ids the caller may see; an unknown id is named in a 422."""
    found = {p.pk: p for p in visible(request.facts, Person.objects.filter(pk__in=list(ids)))}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError(
            {field: [ValidationError(messages.UNKNOWN_PARTICIPANT, params={"value": missing[0]})]}
        )
    return found


def departments_or_404(request, ids) -> list[Department]:
    """Departments the caller may see."""
    return [get_visible_or_404(request.facts, Department, pk=pk) for pk in ids]


def optional_or_404(request, model, pk):
    """A linked record the caller may see (None when no id is given)."""
    return get_visible_or_404(request.facts, model, pk=pk) if pk is not None else None
