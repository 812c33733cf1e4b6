"""The Today page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from deptcoord.access import Action, can
from deptcoord.org.selectors import company
from deptcoord.reports.selectors import briefing


@login_required
def today(request):
    """The morning briefing for the signed-in person."""
    today_date = timezone.localdate()
    context = {
        "today": today_date,
        "briefing": briefing(request.facts, today_date),
        "can_invite_people": can(request.facts, Action.ADD_PERSON, company()),
    }
    return render(request, "reports/today.html", context)
