"""The calendar page, its JSON feed for FullCalendar, and each person's .ics feed."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.language import as_reader
from deptcoord.meetings import calendar as entries
from deptcoord.meetings import services
from deptcoord.meetings.models import CalendarFeedToken
from deptcoord.meetings.services.feeds import person_for_feed
from deptcoord.meetings.views.common import department_choices, people_choices
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Department, Membership, Person


def _people_offered(facts, chosen: str):
    """Whom the person filter lists before anyone types: the one chosen and the people of the
    viewer's departments. Anyone else the viewer may see is found by typing a name (the picker
    asks the API), so that the page does not carry a company's 2,000 names."""
    mine = Membership.objects.filter(department__in=sorted(facts.departments_in()))
    offered = Q(pk__in=mine.values("person_id"))
    if chosen.isdigit() and len(chosen) < 10:
        offered |= Q(pk=int(chosen))
    return people_choices(facts).filter(offered).values_list("pk", "full_name")


@login_required
def calendar(request):
    """Meetings, events, step deadlines and time off, by department or person."""
    facts = request.facts
    department_id = request.GET.get("department", "")
    person_id = request.GET.get("person", "")
    context = {
        "departments": department_choices(facts),
        "people": _people_offered(facts, person_id),
        "department_id": int(department_id) if department_id.isdigit() else None,
        "person_id": int(person_id) if person_id.isdigit() else None,
    }
    return render(request, "meetings/calendar.html", context)


def _moment(text: str):
    try:
        value = datetime.fromisoformat(text.replace(" ", "+"))
    except ValueError:
        raise Http404 from None
    return value if value.tzinfo else timezone.make_aware(value)


@login_required
def calendar_json(request):
    """FullCalendar's entries for the period asked (``start``/``end``), by the policy."""
    facts = request.facts
    start = _moment(request.GET.get("start", "")) if request.GET.get("start") else timezone.now()
    end = _moment(request.GET["end"]) if request.GET.get("end") else None
    try:
        start, end = entries.calendar_period(start, end)
    except ValidationError as error:
        return JsonResponse({"detail": error.messages[0]}, status=422)
    department_id = person_id = None
    if request.GET.get("department", "").isdigit():
        department_id = get_visible_or_404(facts, Department, pk=request.GET["department"]).pk
    elif request.GET.get("person", "").isdigit():
        person_id = get_visible_or_404(facts, Person, pk=request.GET["person"]).pk
    else:
        person_id = request.person.pk
    found = entries.calendar_entries(
        facts, start, end, department_id, person_id, request.person.timezone
    )
    return JsonResponse(found, safe=False)


@login_required
def feed_settings(request):
    """The person's private calendar feed address: create, regenerate or revoke it."""
    tokens = CalendarFeedToken.objects.filter(person=request.person, revoked_at__isnull=True)
    raw = request.session.pop("meetings_feed_token", "")
    url = request.build_absolute_uri(f"/meetings/feed/{raw}.ics") if raw else ""
    return render(request, "meetings/feed.html", {"tokens": tokens, "url": url})


@login_required
@require_POST
def feed_regenerate(request):
    """A new feed address; the old one stops working."""
    _token, raw = services.feed_token_regenerate(actor=actor_from(request))
    request.session["meetings_feed_token"] = raw
    messages.success(
        request, _("Your new calendar address is ready. Copy it now: it is shown once.")
    )
    return redirect("meetings:feed_settings")


@login_required
@require_POST
def feed_revoke(request, pk):
    """Stop a feed address from working."""
    token = get_visible_or_404(request.facts, CalendarFeedToken, pk=pk)
    require(request.facts, Action.DELETE, token)
    services.feed_token_revoke(actor=actor_from(request), token_id=token.pk)
    messages.success(request, _("That calendar address no longer works."))
    return redirect("meetings:feed_settings")


def feed(request, token):
    """The .ics feed calendar apps subscribe to: the secret address is the only credential."""
    person = person_for_feed(token)
    if person is None:
        raise Http404
    facts = role_facts_for_person(person)
    # Calendar apps send no language of their own: the feed reads as the person reads the app.
    with as_reader(person, person.language or get_language()):
        body = entries.feed(person, facts, timezone.localdate())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
