"""Access-matrix rows for goals, key results, check-ins, templates and standards.

The records: a company goal; Marketing's goal under it (own), with a private Sales goal aligned
under it (aligned), a private Digital team goal (team) and the member's personal goal (personal)
below it; a Sales goal under the company goal (other) and a private one (other_private), each
with a key result; a draft Marketing goal; a key result of Marketing's goal owned by the
member; standards of Marketing and Sales; a Marketing goal template. They are created without
services, so building them writes nothing to the audit trail.

Department and team goals are read company-wide unless private; a private one keeps the
department's rules (its members, those who run goals aligned with it, the teams below it).
"""

from datetime import timedelta

from django.utils import timezone

from deptcoord.core.models import ImportUpload
from deptcoord.goals.models import (
    CheckIn,
    Goal,
    GoalTemplate,
    KeyResult,
    Standard,
    TemplateKeyResult,
)
from tests.access.matrix import EVERYONE, RUNNERS, STAFF, page, rows

MARKETING_READERS = {"admin", "executive", "head", "coordinator", "member"}
NOT_MARKETING = EVERYONE - MARKETING_READERS
SALES_READERS = {"admin", "executive", "other_coordinator"}  # a private Sales goal
NOT_SALES = EVERYONE - SALES_READERS
SALES_RUNNERS = {"admin", "other_coordinator"}
GUEST = {"guest"}  # a public goal is hidden from guests alone
CREATORS = RUNNERS | {"other_coordinator"}


def _period():
    today = timezone.localdate()
    return today - timedelta(days=30), today + timedelta(days=60)


def _goal(world, title, level, owner, department=None, parent=None, **fields) -> Goal:
    start, end = _period()
    return Goal.objects.create(
        title_en=title,
        level=level,
        owner=owner,
        department=department,
        parent=parent,
        period_start=start,
        period_end=end,
        **fields,
    )


def _build(world) -> dict:
    company = _goal(world, "Launch SM Home", Goal.Level.COMPANY, world.executive)
    own = _goal(world, "Awareness", Goal.Level.DEPARTMENT, world.head, world.own, company)
    key_result = KeyResult.objects.create(
        goal=own,
        title_en="Reach",
        owner=world.member,
        start_value=0,
        target_value=100,
        current_value=0,
    )
    other = _goal(
        world, "Sales", Goal.Level.DEPARTMENT, world.other_coordinator, world.other, company
    )
    other_private = _goal(
        world,
        "Price talks",
        Goal.Level.DEPARTMENT,
        world.other_coordinator,
        world.other,
        company,
        private=True,
    )
    template = GoalTemplate.objects.create(department=world.own, title_en="Monthly leads")
    template_rows = TemplateKeyResult.objects.bulk_create(
        TemplateKeyResult(template=template, title_en=title, start_value=0, target_value=10)
        for title in ("Leads", "Posts")
    )
    return {
        "goal_company": company,
        "goal_own": own,
        "goal_aligned": _goal(
            world,
            "Retail launch",
            Goal.Level.DEPARTMENT,
            world.other_coordinator,
            world.other,
            own,
            private=True,
        ),
        "goal_team": _goal(
            world, "Ads", Goal.Level.TEAM, world.team_member, world.team, own, private=True
        ),
        "goal_personal": _goal(world, "My leads", Goal.Level.PERSON, world.member, world.own, own),
        "goal_other": other,
        "goal_other_private": other_private,
        "kr_other": _key_result(other, "Stores", world.other_coordinator),
        "kr_other_private": _key_result(other_private, "Discount", world.other_coordinator),
        "goal_draft": _goal(
            world, "Idea", Goal.Level.DEPARTMENT, world.head, world.own, status=Goal.Status.DRAFT
        ),
        "kr_own": key_result,
        "standard_own": _standard(world, world.own, world.coordinator),
        "standard_other": _standard(world, world.other, world.other_coordinator),
        "template_own": template,
        "template_kr_own": template_rows[0],
        "upload_actuals": ImportUpload.objects.create(
            kind="goals.actuals",
            filename="actuals.csv",
            content=f"key_result_id,value\n{key_result.pk},12\n".encode(),
            uploaded_by_id=world.admin.pk,
        ),
    }


def _key_result(goal, title, owner) -> KeyResult:
    key_result = KeyResult.objects.create(
        goal=goal, title_en=title, owner=owner, start_value=0, target_value=10, current_value=0
    )
    CheckIn.objects.create(
        key_result=key_result,
        day=timezone.localdate(),
        value=3,
        confidence="on_track",
        author=owner,
    )
    return key_result


def _standard(world, department, owner) -> Standard:
    return Standard.objects.create(
        department=department, title_en="Tickets in 24 h", threshold=95, owner=owner
    )


def records(world) -> dict:
    """The goals records of this world, built once."""
    if not hasattr(world, "goals_records"):
        world.goals_records = _build(world)
    return world.goals_records


def target(world, role, name):
    """The record a goals row is about (None for names that are not goals')."""
    return records(world).get(name) if name.startswith(NAMES) else None


NAMES = ("goal_", "kr_", "standard_", "template_", "upload_actuals")

POLICY = [
    *rows(
        "goal",
        "goal_company",
        {
            "view": STAFF,
            "view_history": STAFF,
            "change": {"admin", "executive"},
            "delete": {"admin", "executive"},
            "check_in": {"admin", "executive"},
        },
    ),
    *rows(
        "goal",
        "goal_own",
        {
            "view": STAFF,
            "view_history": STAFF,
            "change": RUNNERS,
            "delete": RUNNERS,
            "check_in": RUNNERS,
        },
    ),
    *rows(
        "goal",
        "goal_aligned",
        {
            "view": {"admin", "executive", "other_coordinator", "head", "coordinator"},
            "change": {"admin", "other_coordinator"},
        },
    ),
    *rows(
        "goal",
        "goal_other",
        {
            "view": STAFF,
            "view_history": STAFF,
            "change": SALES_RUNNERS,
            "check_in": SALES_RUNNERS,
        },
    ),
    *rows(
        "goal",
        "goal_other_private",
        {
            "view": SALES_READERS,
            "view_history": SALES_READERS,
            "change": SALES_RUNNERS,
            "check_in": SALES_RUNNERS,
        },
    ),
    *rows(
        "goal",
        "goal_team",
        {"view": {"admin", "executive", "head", "coordinator"}, "change": RUNNERS},
    ),
    *rows(
        "goal",
        "goal_personal",
        {
            "view": MARKETING_READERS,
            "change": RUNNERS | {"member"},
            "check_in": RUNNERS | {"member"},
        },
    ),
    *rows(
        "key_result",
        "kr_own",
        {
            "view": STAFF,
            "change": RUNNERS,
            "delete": RUNNERS,
            "check_in": RUNNERS | {"member"},
        },
    ),
    *rows(
        "key_result",
        "kr_other",
        {"view": STAFF, "change": SALES_RUNNERS, "check_in": SALES_RUNNERS},
    ),
    *rows(
        "key_result",
        "kr_other_private",
        {"view": SALES_READERS, "change": SALES_RUNNERS, "check_in": SALES_RUNNERS},
    ),
    *rows(
        "standard",
        "standard_own",
        {"view": MARKETING_READERS, "change": RUNNERS, "measure": RUNNERS},
    ),
    *rows(
        "standard",
        "standard_other",
        {
            "view": {"admin", "executive", "other_coordinator"},
            "measure": {"admin", "other_coordinator"},
        },
    ),
    *rows(
        "goal_template",
        "template_own",
        {"view": MARKETING_READERS, "change": RUNNERS, "roll_out": RUNNERS, "delete": RUNNERS},
    ),
]

EXPORTERS = {"admin", "executive", "hr", "head", "coordinator", "other_coordinator"}
NO_MARKETING_TEMPLATE = {"hr", "other_coordinator", "guest"}


def _dates(days_ago=0):
    day = timezone.localdate() - timedelta(days=days_ago)
    return day.isoformat()


KEY_RESULT_FORM = {
    "kr-title_en": "Webinars",
    "kr-metric": "number",
    "kr-start_value": "0",
    "kr-target_value": "4",
    "kr-direction": "increase",
}

PAGES = [
    page("goals:tree", ok=EVERYONE),
    page("goals:list", ok=EVERYONE),
    page("goals:goal_create", ok=STAFF),
    page("goals:goal_detail", "goal_own", ok=STAFF, hidden=GUEST),
    page("goals:goal_detail", "goal_other", ok=STAFF, hidden=GUEST),
    page("goals:goal_detail", "goal_other_private", ok=SALES_READERS, hidden=NOT_SALES),
    page("goals:goal_detail", "goal_personal", ok=MARKETING_READERS, hidden=NOT_MARKETING),
    page("goals:children", "goal_company", ok=STAFF, hidden=GUEST),
    page("goals:children", "goal_other", ok=STAFF, hidden=GUEST),
    page("goals:children", "goal_other_private", ok=SALES_READERS, hidden=NOT_SALES),
    page("goals:goal_edit", "goal_own", ok=RUNNERS, hidden=GUEST),
    page("goals:goal_edit", "goal_other", ok=SALES_RUNNERS, hidden=GUEST),
    page("goals:goal_edit", "goal_other_private", ok=SALES_RUNNERS, hidden=NOT_SALES),
    page("goals:goal_delete", "goal_draft", method="POST", ok=RUNNERS, hidden=GUEST),
    page("goals:key_result_create", "goal_own", ok=RUNNERS, hidden=GUEST),
    page("goals:key_result_detail", "kr_own", ok=STAFF, hidden=GUEST),
    page("goals:key_result_detail", "kr_other", ok=STAFF, hidden=GUEST),
    page("goals:key_result_detail", "kr_other_private", ok=SALES_READERS, hidden=NOT_SALES),
    page("goals:key_result_edit", "kr_own", ok=RUNNERS, hidden=GUEST),
    page("goals:key_result_edit", "kr_other", ok=SALES_RUNNERS, hidden=GUEST),
    page("goals:key_result_delete", "kr_own", method="POST", ok=RUNNERS, hidden=GUEST),
    page(
        "goals:check_in",
        "kr_own",
        method="POST",
        ok=RUNNERS | {"member"},
        hidden=GUEST,
        data={"value": "12", "confidence": "on_track"},
    ),
    page(
        "goals:check_in",
        "kr_other_private",
        method="POST",
        ok=SALES_RUNNERS,
        hidden=NOT_SALES,
        data={"value": "12", "confidence": "on_track"},
    ),
    page("goals:export", ok=EXPORTERS, file_format="csv"),
    page("goals:import", ok=STAFF - {"hr"}, kind="actuals"),
    page(
        "goals:import_confirm",
        "upload_actuals",
        method="POST",
        ok={"admin"},
        hidden=EVERYONE - {"admin"},
    ),
    page("goals:templates", ok=EVERYONE),
    page("goals:template_create", ok=CREATORS),
    page(
        "goals:template_detail", "template_own", ok=MARKETING_READERS, hidden=NO_MARKETING_TEMPLATE
    ),
    page("goals:template_edit", "template_own", ok=RUNNERS, hidden=NO_MARKETING_TEMPLATE),
    page(
        "goals:template_delete",
        "template_own",
        method="POST",
        ok=RUNNERS,
        hidden=NO_MARKETING_TEMPLATE,
    ),
    page(
        "goals:template_key_result_add",
        "template_own",
        method="POST",
        ok=RUNNERS,
        hidden=NO_MARKETING_TEMPLATE,
        data=KEY_RESULT_FORM,
    ),
    page(
        "goals:template_key_result_remove",
        "template_kr_own",
        method="POST",
        ok=RUNNERS,
        hidden=NO_MARKETING_TEMPLATE,
    ),
    page(
        "goals:template_roll_out",
        "template_own",
        method="POST",
        ok=RUNNERS,
        hidden=NO_MARKETING_TEMPLATE,
        data={"period_start": _dates(10), "period_end": _dates(-20), "status": "active"},
    ),
    page("goals:standards", ok=EVERYONE),
    page("goals:standards_export", ok=EVERYONE, file_format="xlsx"),
    page("goals:standard_create", ok=CREATORS),
    page("goals:standard_detail", "standard_own", ok=MARKETING_READERS, hidden=NOT_MARKETING),
    page("goals:standard_edit", "standard_own", ok=RUNNERS, hidden=NOT_MARKETING),
    page(
        "goals:measurement_record",
        "standard_own",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_MARKETING,
        data={"day": _dates(), "value": "97"},
    ),
]


def _new_goal(world) -> dict:
    start, end = _period()
    return {
        "level": "department",
        "department_id": world.own.pk,
        "title_en": "Webinar series",
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
    }


def _new_key_result(world) -> dict:
    own = records(world)["goal_own"]
    return {"goal_id": own.pk, "title_en": "Webinars", "start_value": "0", "target_value": "4"}


def _new_template(world) -> dict:
    return {
        "department_id": world.own.pk,
        "title_en": "Monthly leads",
        "key_results": [{"title_en": "Leads", "start_value": "0", "target_value": "30"}],
    }


def _new_standard(world) -> dict:
    return {"department_id": world.own.pk, "title_en": "Replies in 24 h", "threshold": "95"}


def _roll_out(world) -> dict:
    return {"period_start": _dates(10), "period_end": _dates(-20)}


API = [
    ("GET", "/api/v1/goals", "", EVERYONE, (), None),
    ("POST", "/api/v1/goals", "", RUNNERS, GUEST, _new_goal),
    ("GET", "/api/v1/goals/{id}", "goal_own", STAFF, GUEST, None),
    ("GET", "/api/v1/goals/{id}", "goal_other", STAFF, GUEST, None),
    ("GET", "/api/v1/goals/{id}", "goal_other_private", SALES_READERS, NOT_SALES, None),
    ("PATCH", "/api/v1/goals/{id}", "goal_own", RUNNERS, GUEST, {"description": "Launch"}),
    ("PATCH", "/api/v1/goals/{id}", "goal_other", SALES_RUNNERS, GUEST, {"description": "Q4"}),
    (
        "PATCH",
        "/api/v1/goals/{id}",
        "goal_other_private",
        SALES_RUNNERS,
        NOT_SALES,
        {"private": False},
    ),
    ("DELETE", "/api/v1/goals/{id}", "goal_draft", RUNNERS, GUEST, None),
    ("GET", "/api/v1/key-results", "", EVERYONE, (), None),
    ("POST", "/api/v1/key-results", "", RUNNERS, GUEST, _new_key_result),
    ("GET", "/api/v1/key-results/{id}", "kr_own", STAFF, GUEST, None),
    ("GET", "/api/v1/key-results/{id}", "kr_other", STAFF, GUEST, None),
    ("GET", "/api/v1/key-results/{id}", "kr_other_private", SALES_READERS, NOT_SALES, None),
    ("PATCH", "/api/v1/key-results/{id}", "kr_own", RUNNERS, GUEST, {"unit": "people"}),
    ("PATCH", "/api/v1/key-results/{id}", "kr_other", SALES_RUNNERS, GUEST, {"unit": "stores"}),
    ("DELETE", "/api/v1/key-results/{id}", "kr_own", RUNNERS, GUEST, None),
    ("GET", "/api/v1/key-results/{id}/check-ins", "kr_own", STAFF, GUEST, None),
    ("GET", "/api/v1/key-results/{id}/check-ins", "kr_other", STAFF, GUEST, None),
    (
        "GET",
        "/api/v1/key-results/{id}/check-ins",
        "kr_other_private",
        SALES_READERS,
        NOT_SALES,
        None,
    ),
    (
        "POST",
        "/api/v1/key-results/{id}/check-ins",
        "kr_own",
        RUNNERS | {"member"},
        GUEST,
        {"value": "12", "confidence": "on_track"},
    ),
    (
        "POST",
        "/api/v1/key-results/{id}/check-ins",
        "kr_other",
        SALES_RUNNERS,
        GUEST,
        {"value": "12", "confidence": "on_track"},
    ),
    ("GET", "/api/v1/key-results/{id}/forecast", "kr_own", STAFF, GUEST, None),
    (
        "GET",
        "/api/v1/key-results/{id}/forecast",
        "kr_other_private",
        SALES_READERS,
        NOT_SALES,
        None,
    ),
    ("GET", "/api/v1/goal-templates", "", EVERYONE, (), None),
    ("POST", "/api/v1/goal-templates", "", RUNNERS, {"guest"}, _new_template),
    (
        "GET",
        "/api/v1/goal-templates/{id}",
        "template_own",
        MARKETING_READERS,
        NO_MARKETING_TEMPLATE,
        None,
    ),
    (
        "PATCH",
        "/api/v1/goal-templates/{id}",
        "template_own",
        RUNNERS,
        NO_MARKETING_TEMPLATE,
        {"description": "For account executives"},
    ),
    ("DELETE", "/api/v1/goal-templates/{id}", "template_own", RUNNERS, NO_MARKETING_TEMPLATE, None),
    (
        "POST",
        "/api/v1/goal-templates/{id}/key-results",
        "template_own",
        RUNNERS,
        NO_MARKETING_TEMPLATE,
        {"title_en": "Calls", "start_value": "0", "target_value": "50"},
    ),
    (
        "DELETE",
        "/api/v1/template-key-results/{id}",
        "template_kr_own",
        RUNNERS,
        NO_MARKETING_TEMPLATE,
        None,
    ),
    (
        "POST",
        "/api/v1/goal-templates/{id}/roll-out",
        "template_own",
        RUNNERS,
        NO_MARKETING_TEMPLATE,
        _roll_out,
    ),
    ("GET", "/api/v1/standards", "", EVERYONE, (), None),
    ("POST", "/api/v1/standards", "", RUNNERS, {"guest"}, _new_standard),
    ("GET", "/api/v1/standards/{id}", "standard_own", MARKETING_READERS, NOT_MARKETING, None),
    (
        "PATCH",
        "/api/v1/standards/{id}",
        "standard_own",
        RUNNERS,
        NOT_MARKETING,
        {"description": "Measured from the helpdesk"},
    ),
    (
        "GET",
        "/api/v1/standards/{id}/measurements",
        "standard_own",
        MARKETING_READERS,
        NOT_MARKETING,
        None,
    ),
    (
        "POST",
        "/api/v1/standards/{id}/measurements",
        "standard_own",
        RUNNERS,
        NOT_MARKETING,
        {"day": _dates(), "value": "97"},
    ),
]
