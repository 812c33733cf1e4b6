"""Which URL of the product is a page to visit, with which demo record, and which are not pages.

Every URL pattern is listed from the resolver: one that answers a GET with a page needs an
entry in ``RECORDS`` when it takes arguments, so a new page cannot be forgotten by the tour.
"""

import uuid
from datetime import timedelta

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from deptcoord.goals.models import Goal, GoalTemplate, KeyResult, Standard
from deptcoord.meetings.models import Event, Meeting
from deptcoord.org.models import Department, Membership, Skill
from deptcoord.people.models import (
    DevelopmentPlan,
    Feedback,
    FeedbackLevel,
    OneOnOne,
    RoleProfile,
)
from deptcoord.planning.models import PlanRun
from deptcoord.records.models import Document, Note
from deptcoord.reports.models import StatusReport
from deptcoord.work.models import Project, RecurringActivity, Request, Step

OWN = "MKT"  # the coordinator's department in the demo company

# Allauth pages a signed-in person reaches from the menu (the rest are signed-out pages).
ALLAUTH_PAGES = ["mfa_index", "account_change_password"]

# Patterns that are not pages to read, and why.
NOT_PAGES = {
    "meetings:calendar_json": "data for the calendar page, which is visited",
    "meetings:feed": "an iCalendar feed",
    "records:download": "a file download",
    "reports:pdf": "a PDF export",
    "reports:xlsx": "a spreadsheet export",
    "goals:children": "a fragment of the goal tree, which is visited",
    "notices:notification_bell": "a fragment of every page's top bar",
    "notices:notification_open": "a redirect to the notification's record",
    "planning:progress": "a fragment polled by the plan page",
    "planning:what_if": "a fragment of the plan page",
    "records:link_options": "a fragment of the link form",
    "records:note_preview": "a fragment of the note form",
    "notices:unsubscribe": "a signed link from an e-mail",
    "accept_invitation": "a signed link from an invitation e-mail",
    "healthz": "a load balancer's check, no page",
    "api_not_found": "the API's answer to an address that names no operation",
    "readyz": "a load balancer's check, no page",
    "org:import_confirm": "needs an uploaded file; the upload page is visited",
    "goals:import_confirm": "needs an uploaded file; the upload page is visited",
    "people:matrix_import_confirm": "needs an uploaded file; the upload page is visited",
    "work:plan_import_confirm": "needs an uploaded file; the upload page is visited",
    "work:step_reschedule_preview": "a fragment of the timeline's dialog, which is visited",
    "records:jump": "the go-to palette's JSON answer, read by the palette on every page",
}


def pk(model, **filters) -> dict:
    """The first demo record of ``model`` matching ``filters``, as URL arguments."""
    record = model.objects.filter(**filters).order_by("pk").first()
    assert record is not None, f"the demo company has no {model.__name__} with {filters}"
    return {"pk": record.pk}


def member():
    return Membership.objects.filter(department__code=OWN, role="member").order_by("pk")[0].person


def occurrence():
    meeting = Meeting.objects.filter(organiser__memberships__department__code=OWN).first()
    meeting = meeting or Meeting.objects.order_by("pk").first()
    return {"pk": meeting.pk, "day": timezone.localtime(meeting.starts_at).date().isoformat()}


def own():
    return pk(Department, code=OWN)


def plan_run():
    return {**pk(PlanRun), "index": 0}


# The record each page with arguments is shown with: the coordinator's own where there is one.
RECORDS = {
    "org:department_detail": own,
    "org:department_edit": own,
    "org:membership_add": own,
    "org:person_detail": lambda: {"pk": member().pk},
    "org:person_edit": lambda: {"pk": member().pk},
    "org:import": lambda: {"kind": "people"},
    "goals:goal_detail": lambda: pk(Goal, department__code=OWN, key_results__isnull=False),
    "goals:goal_edit": lambda: pk(Goal, department__code=OWN),
    "goals:key_result_create": lambda: pk(Goal, department__code=OWN),
    "goals:key_result_detail": lambda: pk(KeyResult, goal__department__code=OWN),
    "goals:key_result_edit": lambda: pk(KeyResult, goal__department__code=OWN),
    "goals:check_in": lambda: pk(KeyResult, goal__department__code=OWN),
    "goals:import": lambda: {"kind": "actuals"},
    "goals:template_detail": lambda: pk(GoalTemplate),
    "goals:template_edit": lambda: pk(GoalTemplate),
    "goals:standard_detail": lambda: pk(Standard),
    "goals:standard_edit": lambda: pk(Standard),
    "goals:measurement_record": lambda: pk(Standard),
    "planning:detail": lambda: pk(PlanRun),
    "meetings:meeting_detail": lambda: {"pk": occurrence()["pk"]},
    "meetings:meeting_edit": lambda: {"pk": occurrence()["pk"]},
    "meetings:occurrence": occurrence,
    "meetings:occurrence_move": occurrence,
    "meetings:change_from": occurrence,
    "meetings:event_detail": lambda: pk(Event),
    "meetings:event_edit": lambda: pk(Event),
    "people:person": lambda: {"pk": member().pk},
    "people:person_skills": lambda: {"pk": member().pk},
    "people:plan_create": lambda: {"pk": member().pk},
    "people:skill_edit": lambda: pk(Skill),
    "people:role_profile_detail": lambda: pk(RoleProfile),
    "people:role_profile_edit": lambda: pk(RoleProfile),
    "people:level_edit": lambda: pk(FeedbackLevel),
    "people:plan_detail": lambda: pk(DevelopmentPlan),
    "people:plan_edit": lambda: pk(DevelopmentPlan),
    "people:feedback_detail": lambda: pk(Feedback),
    "people:feedback_edit": lambda: pk(Feedback),
    "people:one_on_one_detail": lambda: pk(OneOnOne),
    "people:one_on_one_edit": lambda: pk(OneOnOne),
    "work:project": lambda: pk(Project, lead_department__code=OWN),
    "work:project_edit": lambda: pk(Project, lead_department__code=OWN),
    "work:project_timeline": lambda: pk(Project, lead_department__code=OWN),
    "work:project_board": lambda: pk(Project, lead_department__code=OWN),
    "work:project_budget": lambda: pk(Project, lead_department__code=OWN),
    "work:project_time": lambda: pk(Project, lead_department__code=OWN),
    "work:project_workload": lambda: pk(Project, lead_department__code=OWN),
    "work:plan_import": lambda: pk(Project, lead_department__code=OWN),
    "work:step": lambda: pk(Step, department__code=OWN),
    "work:step_edit": lambda: pk(Step, department__code=OWN),
    "work:step_progress": lambda: pk(Step, department__code=OWN),
    "work:department_steps": own,
    "work:request": lambda: pk(Request),
    "work:recurring_edit": lambda: pk(RecurringActivity),
    "records:department": own,
    "records:activity": own,
    "records:note_create": own,
    "records:document_create": own,
    "records:note_detail": lambda: pk(Note, department__code=OWN),
    "records:note_edit": lambda: pk(Note, department__code=OWN),
    "records:document_detail": lambda: pk(Document, department__code=OWN),
    "records:document_edit": lambda: pk(Document, department__code=OWN),
    "reports:detail": lambda: pk(StatusReport, department__code=OWN),
    "reports:edit": lambda: pk(StatusReport, department__code=OWN),
}

# Pages read with a query, to show the demo records at their fullest.
QUERIES = {
    "people:matrix": lambda: f"?department={Department.objects.get(code='MKT-DIG').pk}",
}

# Stand-in arguments to ask a pattern whether it answers a GET at all.
PROBE = {
    "pk": [999999, uuid.UUID(int=1)],
    "upload_id": [uuid.UUID(int=1)],
    "day": [(timezone.localdate() + timedelta(days=7)).isoformat()],
    "kind": ["people"],
    "index": [0],
    "token": ["cal_" + "x" * 30, "x"],
    "uidb64": ["x"],
}


def walk(patterns=None, namespace=""):
    """(qualified name, argument names, module) of every URL pattern of the product."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = pattern.pattern
            names = list(getattr(route, "converters", {}) or route.regex.groupindex)
            yield f"{namespace}{pattern.name}", names, pattern.lookup_str


def probe_url(name: str, arguments: list[str]) -> str:
    """The pattern's URL with stand-in arguments (the first that the pattern accepts)."""
    options = [{}]
    for argument in arguments:
        options = [{**o, argument: value} for o in options for value in PROBE[argument]]
    for kwargs in options:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue  # the next stand-in
    raise AssertionError(f"{name}: no stand-in arguments fit {arguments}")
