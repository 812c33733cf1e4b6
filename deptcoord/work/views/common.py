"""Small pieces the work pages share."""

from django.db.models import Q, QuerySet

from deptcoord.access import Action, RoleFacts, visible
from deptcoord.core.service_calls import SERVICE_ERRORS, report  # noqa: F401  (for the pages)
from deptcoord.goals.models import Goal
from deptcoord.org import selectors as org
from deptcoord.org.models import Skill

STEPS_PER_PAGE = 50  # lists of steps (a project's, a department's) show this many a page


def cleaned(form, names) -> dict:
    """The named fields of a valid form."""
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def posted_version(request) -> int | None:
    """The version a button's form was rendered with (None when absent or garbled)."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def run_departments(facts: RoleFacts) -> QuerySet:
    """Departments the person runs (all for admins)."""
    return org.departments_allowing(facts, Action.CHANGE)


def all_departments(facts: RoleFacts) -> QuerySet:
    """Active departments the person sees (for participating departments and requests)."""
    return visible(facts, org.Department.objects.filter(is_active=True)).order_by("code")


def people_choices(facts: RoleFacts) -> QuerySet:
    """Active people the person may see."""
    return org.people(facts)


def skill_choices(facts: RoleFacts, current_id: int | None = None) -> QuerySet:
    """Active skills of the catalogue (and the step's own, even if retired since)."""
    kept = Q(is_active=True) | Q(pk=current_id) if current_id else Q(is_active=True)
    return visible(facts, Skill.objects.filter(kept)).order_by("category__position", "name_en")


def goal_choices(facts: RoleFacts) -> QuerySet:
    """Open goals the person may see."""
    return visible(
        facts, Goal.objects.filter(status__in=[Goal.Status.ACTIVE, Goal.Status.DRAFT])
    ).order_by("level", "title_en")


def int_param(request, name) -> int | None:
    """A positive integer query parameter, or None."""
    text = request.GET.get(name, "")
    return int(text) if text.isdigit() and len(text) < 10 else None
