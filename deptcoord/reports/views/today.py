"""The Today page: the morning briefing for the signed-in person."""

from django.contrib.auth.decorators import login_required
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from deptcoord.access import Action, can, visible
from deptcoord.org.models import Department
from deptcoord.org.selectors import company
from deptcoord.reports.selectors import briefing, oversees_company


@login_required
def today(request):
    """The morning briefing for the signed-in person."""
    today_date = timezone.localdate()
    facts = request.facts
    department_id = _number(request.GET.get("department"))
    choices = None
    if oversees_company(facts):
        choices = visible(facts, Department.objects.filter(is_active=True)).order_by("code")
    found = briefing(
        facts,
        today_date,
        department_id,
        refresh=request.GET.get("refresh") == "1",
        render=_draw_section,
    )
    token = get_token(request)
    for section in found.sections:
        section.shown = mark_safe(section.html.replace(TOKEN_HOLDER, token))
    context = {
        "today": today_date,
        "briefing": found,
        "department_choices": choices,
        "can_invite_people": can(facts, Action.ADD_PERSON, company()),
    }
    return render(request, "reports/today.html", context)


# Stands for the reader's form token in a section drawn ahead: the drawing is kept with the
# section's lines, and each page load puts its own token in.
TOKEN_HOLDER = "csrf-token-of-this-page"  # noqa: S105 (a placeholder, not a secret)


def _draw_section(section) -> str:
    """A section drawn once, when its lines are computed."""
    return render_to_string(
        "reports/partials/section.html", {"section": section, "csrf_token": TOKEN_HOLDER}
    )


def _number(text) -> int | None:
    return int(text) if text and str(text).isdigit() else None
