"""The Today page: the morning briefing for the signed-in person."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

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
    context = {
        "today": today_date,
        "briefing": briefing(
            facts, today_date, department_id, refresh=request.GET.get("refresh") == "1"
        ),
        "department_choices": choices,
        "can_invite_people": can(facts, Action.ADD_PERSON, company()),
    }
    return render(request, "reports/today.html", context)


def _number(text) -> int | None:
    return int(text) if text and str(text).isdigit() else None
