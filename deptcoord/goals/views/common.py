"""Small pieces the goals pages share."""

from django.db.models import QuerySet

from deptcoord.access import Action, RoleFacts
from deptcoord.core.service_calls import SERVICE_ERRORS, report  # noqa: F401  (for the pages)
from deptcoord.org import selectors as org


def cleaned(form, names) -> dict:
    """The named fields of a valid form."""
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def goal_departments(facts: RoleFacts) -> QuerySet:
    """Departments a goal may belong to in the person's forms: those whose details they may
    see (theirs; all for admins, executives and HR); the service decides what they may create."""
    return org.departments_allowing(facts, Action.VIEW_DETAILS)


def run_departments(facts: RoleFacts) -> QuerySet:
    """Departments the person runs (all for admins), for templates and standards."""
    return org.departments_allowing(facts, Action.CHANGE)


def people_choices(facts: RoleFacts) -> QuerySet:
    """Active people the person may see, for owner fields."""
    return org.people(facts)


def posted_version(request) -> int | None:
    """The version a button's form was rendered with (None when absent or garbled)."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() and len(text) < 10 else None
