"""Small pieces the meetings pages share."""

from datetime import date

from django.http import Http404

from deptcoord.access import Action, get_visible_or_404
from deptcoord.core.service_calls import SERVICE_ERRORS, report  # noqa: F401  (for the pages)
from deptcoord.meetings import selectors
from deptcoord.meetings.models import Meeting
from deptcoord.org import selectors as org


def parse_day(text: str) -> date:
    """An occurrence's date from the URL (404 when garbled)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404 from None


def meeting_or_404(request, pk) -> Meeting:
    """A meeting the person may see, with what its pages read."""
    return get_visible_or_404(request.facts, selectors.meeting_queryset(), pk=pk)


def people_choices(facts):
    """Active people the person may see, from any department."""
    return org.people(facts)


def department_choices(facts):
    """Departments the person may see."""
    return org.departments_allowing(facts, Action.VIEW)


def posted_version(request) -> int | None:
    """The version a button's form was rendered with."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def fields(form) -> dict:
    """A valid form's fields for a service (without the version)."""
    return {name: value for name, value in form.cleaned_data.items() if name != "version"}


def refusal_of(call):
    """Call a service: None when it was done, otherwise the refusal it raised (one of
    ``SERVICE_ERRORS``), for the in-place answer to show."""
    try:
        call()
    except SERVICE_ERRORS as error:
        return error
    return None
