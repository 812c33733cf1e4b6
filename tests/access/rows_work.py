"""Access-matrix rows for projects, steps, dependencies, requests, recurring activities, time
and expenses.

The records: a Marketing project run inside Marketing (own), and a Marketing-led project Sales
takes part in with the guest invited (shared); a Marketing step of the own project assigned to
the member, with a step it waits for and a spare one; a Sales step of the shared project; a
request from Marketing to Sales; Marketing's recurring activity; an expense, a time entry and a
comment. They are created without services, so building them writes nothing to the audit trail.
"""

from datetime import timedelta

from django.utils import timezone

from deptcoord.core.models import ImportUpload
from deptcoord.work.models import (
    Dependency,
    Expense,
    Project,
    RecurringActivity,
    Request,
    Step,
    StepComment,
    TimeEntry,
)
from tests.access.matrix import EVERYONE, RUNNERS, STAFF, page, rows

OWN_VIEW = {"admin", "executive", "head", "coordinator", "member"}
NOT_OWN = EVERYONE - OWN_VIEW
SHARED_VIEW = EVERYONE - {"hr"}
REQUEST_VIEW = OWN_VIEW | {"other_coordinator"}
NOT_REQUEST = EVERYONE - REQUEST_VIEW
DOERS = RUNNERS | {"member"}
BUDGET_READERS = RUNNERS | {"executive"}  # executives read spend; those who run it spend
ANSWERERS = {"admin", "other_coordinator"}
DEPARTMENT_DETAILS = {"admin", "executive", "hr", "head", "coordinator", "member"}


def _today():
    return timezone.localdate()


def _project(world, code, participants, invited=()):
    made = Project.objects.create(
        code=code,
        title_en=f"Project {code}",
        lead_department=world.own,
        coordinator=world.coordinator,
        start=_today() - timedelta(days=7),
        end=_today() + timedelta(days=90),
        budget=100_000_000,
    )
    made.departments.set(participants)
    made.invited.set(invited)
    return made


def _build(world) -> dict:
    own = _project(world, "OWN", [world.own])
    shared = _project(world, "SHARED", [world.own, world.other], [world.guest])
    today = _today()
    step_own = Step.objects.create(
        project=own,
        department=world.own,
        title_en="Key visual",
        assignee=world.member,
        start=today,
        due=today + timedelta(days=5),
    )
    step_prep = Step.objects.create(project=own, department=world.own, title_en="Brief")
    step_extra = Step.objects.create(project=own, department=world.own, title_en="Print")
    step_shared = Step.objects.create(
        project=shared, department=world.other, title_en="Dealers", assignee=world.other_member
    )
    return {
        "project_own": own,
        "project_shared": shared,
        "step_own": step_own,
        "step_prep": step_prep,
        "step_extra": step_extra,
        "step_shared": step_shared,
        "link_own": Dependency.objects.create(predecessor=step_prep, successor=step_own),
        "request_own": Request.objects.create(
            from_department=world.own,
            to_department=world.other,
            title="Dealer quotes",
            due=today + timedelta(days=10),
            requested_by=world.coordinator,
        ),
        "recurring_own": RecurringActivity.objects.create(
            department=world.own, title_en="Weekly post", rrule="FREQ=WEEKLY", starts_on=today
        ),
        "expense_own": Expense.objects.create(project=own, date=today, amount=1_000_000),
        "time_own": TimeEntry.objects.create(
            step=step_own, person=world.member, date=today, hours=2
        ),
        "comment_own": StepComment.objects.create(step=step_own, author=world.member, body="Hi"),
        "upload_plan": ImportUpload.objects.create(
            kind=f"work.plan:{own.pk}",
            filename="plan.csv",
            content=b"ref,title_en,department\n1,Banner,MKT\n",
            uploaded_by_id=world.admin.pk,
        ),
    }


def records(world) -> dict:
    """The work records of this world, built once."""
    if not hasattr(world, "work_records"):
        world.work_records = _build(world)
    return world.work_records


NAMES = (
    "project_",
    "step_",
    "link_",
    "request_",
    "recurring_",
    "expense_",
    "time_",
    "comment_",
    "upload_plan",
)


def target(world, role, name):
    """The record a work row is about (None for names that are not work's)."""
    return records(world).get(name) if name.startswith(NAMES) else None


POLICY = [
    *rows(
        "project",
        "project_own",
        {
            "view": OWN_VIEW,
            "change": RUNNERS,
            "add_step": RUNNERS,
            "spend": RUNNERS,
            "view_budget": BUDGET_READERS,
            "export": OWN_VIEW,
            "view_history": OWN_VIEW,
        },
    ),
    *rows(
        "project",
        "project_shared",
        {
            "view": SHARED_VIEW,
            "change": RUNNERS,
            "add_step": RUNNERS | {"other_coordinator"},
            "spend": RUNNERS,
            "view_budget": BUDGET_READERS,
        },
    ),
    *rows(
        "step",
        "step_own",
        {
            "view": OWN_VIEW,
            "change": RUNNERS,
            "delete": RUNNERS,
            "update_progress": DOERS,
            "comment": DOERS,
            "log_time": DOERS,
        },
    ),
    *rows(
        "step",
        "step_shared",
        {
            "view": SHARED_VIEW,
            "change": RUNNERS | {"other_coordinator"},
            "update_progress": RUNNERS | {"other_coordinator"},
            "comment": RUNNERS | {"member", "executive", "other_coordinator"},
        },
    ),
    *rows("dependency", "link_own", {"view": OWN_VIEW, "change": RUNNERS, "delete": RUNNERS}),
    *rows(
        "request",
        "request_own",
        {"view": REQUEST_VIEW, "change": RUNNERS, "answer": ANSWERERS},
    ),
    *rows("recurring", "recurring_own", {"view": OWN_VIEW, "change": RUNNERS, "delete": RUNNERS}),
    *rows("expense", "expense_own", {"view": OWN_VIEW, "change": RUNNERS, "delete": RUNNERS}),
    *rows("time_entry", "time_own", {"view": OWN_VIEW, "delete": DOERS}),
    *rows("comment", "comment_own", {"view": OWN_VIEW, "delete": {"admin", "member"}}),
]


def _day(offset=0):
    return (_today() + timedelta(days=offset)).isoformat()


def _own_view(name, target_name, **extra):
    return page(name, target_name, ok=OWN_VIEW, hidden=NOT_OWN, **extra)


PAGES = [
    page("work:projects", ok=EVERYONE),
    page("work:projects_export", ok=STAFF, file_format="csv"),
    page("work:project_create", ok=STAFF),
    _own_view("work:project", "project_own"),
    page("work:project", "project_shared", ok=SHARED_VIEW, hidden={"hr"}),
    _own_view("work:project_timeline", "project_own"),
    _own_view("work:project_board", "project_own"),
    _own_view("work:project_time", "project_own"),
    _own_view("work:project_workload", "project_own"),
    _own_view("work:project_steps_export", "project_own", file_format="csv"),
    page("work:project_budget", "project_own", ok=BUDGET_READERS, hidden=NOT_OWN),
    page("work:project_edit", "project_own", ok=RUNNERS, hidden=NOT_OWN),
    page("work:plan_import", "project_own", ok=RUNNERS, hidden=NOT_OWN),
    page(
        "work:plan_import_confirm",
        "upload_plan",
        method="POST",
        ok={"admin"},
        hidden=EVERYONE - {"admin"},
    ),
    page(
        "work:expense_add",
        "project_own",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_OWN,
        data={"date": _day(), "amount": "2500000", "category": "events"},
    ),
    page("work:expense_delete", "expense_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:step_create", ok=STAFF),
    _own_view("work:step", "step_own"),
    page("work:step", "step_shared", ok=SHARED_VIEW, hidden={"hr"}),
    page("work:step_edit", "step_own", ok=RUNNERS, hidden=NOT_OWN),
    page(
        "work:step_progress",
        "step_own",
        method="POST",
        ok=DOERS,
        hidden=NOT_OWN,
        data={"status": "in_progress", "progress": "10"},
    ),
    page("work:step_done_in_place", "step_own", method="POST", ok=DOERS, hidden=NOT_OWN),
    page("work:step_reschedule_preview", "step_own", ok=RUNNERS, hidden=NOT_OWN),
    page("work:step_reschedule", "step_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:slip_shift", "step_own", method="POST", ok=OWN_VIEW, hidden=NOT_OWN),
    page(
        "work:step_inline",
        "step_own",
        method="POST",
        ok=DOERS,
        hidden=NOT_OWN,
        data={"field": "status", "status": "in_progress"},
    ),
    page(
        "work:step_inline",
        "step_prep",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_OWN,
        data={"field": "due", "due": "2030-01-07"},
    ),
    page("work:step_delete", "step_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:step_flag_clear", "step_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:dependency_add", "step_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:dependency_delete", "link_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page(
        "work:comment_add",
        "step_own",
        method="POST",
        ok=DOERS,
        hidden=NOT_OWN,
        data={"body": "Looks good"},
    ),
    page(
        "work:comment_delete",
        "comment_own",
        method="POST",
        ok={"admin", "member"},
        hidden=NOT_OWN,
    ),
    page(
        "work:time_log",
        "step_own",
        method="POST",
        ok=DOERS,
        hidden=NOT_OWN,
        data={"date": _day(), "hours": "2"},
    ),
    page("work:time_entry_delete", "time_own", method="POST", ok=DOERS, hidden=NOT_OWN),
    page("work:my_steps", ok=EVERYONE),
    page("work:my_steps_export", ok=EVERYONE, file_format="csv"),
    page("work:department_steps", "own", ok=DEPARTMENT_DETAILS, hidden={"guest"}),
    page(
        "work:department_steps_export",
        "own",
        ok=DEPARTMENT_DETAILS,
        hidden={"guest"},
        file_format="csv",
    ),
    page("work:requests", ok=EVERYONE),
    page("work:requests_export", ok=EVERYONE, file_format="xlsx"),
    page("work:request_create", ok=STAFF),
    page("work:request", "request_own", ok=REQUEST_VIEW, hidden=NOT_REQUEST),
    page("work:request_accept", "request_own", method="POST", ok=ANSWERERS, hidden=NOT_REQUEST),
    page(
        "work:request_decline",
        "request_own",
        method="POST",
        ok=ANSWERERS,
        hidden=NOT_REQUEST,
        data={"reason": "Busy with the Tết campaign"},
    ),
    page(
        "work:request_answer_in_place",
        "request_own",
        method="POST",
        ok=ANSWERERS,
        hidden=NOT_REQUEST,
        data={"answer": "accept"},
    ),
    page("work:request_withdraw", "request_own", method="POST", ok=RUNNERS, hidden=NOT_REQUEST),
    page("work:recurring", ok=EVERYONE),
    page("work:recurring_export", ok=EVERYONE, file_format="csv"),
    page("work:recurring_create", ok=STAFF),
    page("work:recurring_edit", "recurring_own", ok=RUNNERS, hidden=NOT_OWN),
    page("work:recurring_delete", "recurring_own", method="POST", ok=RUNNERS, hidden=NOT_OWN),
    page("work:workload", ok=EVERYONE),
    page("work:timesheet_export", ok=STAFF, file_format="csv"),
]


def _new_project(world) -> dict:
    return {
        "code": "API-1",
        "title_en": "Dealer roadshow",
        "lead_department_id": world.own.pk,
        "department_ids": [world.other.pk],
        "start": _day(),
        "end": _day(60),
    }


def _new_step(world) -> dict:
    return {
        "project_id": records(world)["project_own"].pk,
        "department_id": world.own.pk,
        "title_en": "Banner",
        "effort_hours": "4",
    }


def _bulk_status(world) -> dict:
    made = records(world)["step_own"]
    return {"items": [{"id": made.pk, "version": made.version}], "status": "in_progress"}


def _new_link(world) -> dict:
    return {"predecessor_id": records(world)["step_extra"].pk}


def _new_request(world) -> dict:
    return {
        "from_department_id": world.own.pk,
        "to_department_id": world.other.pk,
        "title": "Dealer quotes",
        "due": _day(14),
    }


def _new_recurring(world) -> dict:
    return {
        "department_id": world.own.pk,
        "title_en": "Weekly social post",
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
    }


OWN_PROJECT = "/api/v1/projects/{id}"
OWN_STEP = "/api/v1/steps/{id}"

API = [
    ("GET", "/api/v1/projects", "", EVERYONE, (), None),
    ("POST", "/api/v1/projects", "", RUNNERS, {"guest"}, _new_project),
    ("GET", OWN_PROJECT, "project_own", OWN_VIEW, NOT_OWN, None),
    ("PATCH", OWN_PROJECT, "project_own", RUNNERS, NOT_OWN, {"description": "Launch plan"}),
    ("GET", OWN_PROJECT + "/timeline", "project_own", OWN_VIEW, NOT_OWN, None),
    ("GET", OWN_PROJECT + "/budget", "project_own", BUDGET_READERS, NOT_OWN, None),
    ("GET", OWN_PROJECT + "/expenses", "project_own", BUDGET_READERS, NOT_OWN, None),
    (
        "POST",
        OWN_PROJECT + "/expenses",
        "project_own",
        RUNNERS,
        NOT_OWN,
        {"date": _day(), "amount": "1500000", "category": "travel"},
    ),
    ("DELETE", "/api/v1/expenses/{id}", "expense_own", RUNNERS, NOT_OWN, None),
    (
        "POST",
        OWN_PROJECT + "/plan",
        "project_own",
        RUNNERS,
        NOT_OWN,
        {"rows": [{"ref": "1", "title_en": "Banner", "department": "MKT"}], "commit": True},
    ),
    ("GET", "/api/v1/steps", "", EVERYONE, (), None),
    ("POST", "/api/v1/steps", "", RUNNERS, NOT_OWN, _new_step),
    ("GET", OWN_STEP, "step_own", OWN_VIEW, NOT_OWN, None),
    ("PATCH", OWN_STEP, "step_own", RUNNERS, NOT_OWN, {"description": "Two sizes"}),
    ("DELETE", OWN_STEP, "step_own", RUNNERS, NOT_OWN, None),
    ("POST", OWN_STEP + "/progress", "step_own", DOERS, NOT_OWN, {"status": "in_progress"}),
    ("GET", OWN_STEP + "/pushed", "step_own", OWN_VIEW, NOT_OWN, None),
    ("POST", OWN_STEP + "/shift-pushed", "step_own", OWN_VIEW, NOT_OWN, {"versions": []}),
    ("POST", "/api/v1/steps/bulk", "", DOERS, NOT_OWN, _bulk_status),
    ("GET", OWN_STEP + "/dependencies", "step_own", OWN_VIEW, NOT_OWN, None),
    ("POST", OWN_STEP + "/dependencies", "step_own", RUNNERS, NOT_OWN, _new_link),
    ("DELETE", "/api/v1/dependencies/{id}", "link_own", RUNNERS, NOT_OWN, None),
    ("GET", OWN_STEP + "/comments", "step_own", OWN_VIEW, NOT_OWN, None),
    ("POST", OWN_STEP + "/comments", "step_own", DOERS, NOT_OWN, {"body": "Done by Friday"}),
    ("GET", OWN_STEP + "/time", "step_own", OWN_VIEW, NOT_OWN, None),
    ("POST", OWN_STEP + "/time", "step_own", DOERS, NOT_OWN, {"date": _day(), "hours": "1.5"}),
    ("DELETE", "/api/v1/time-entries/{id}", "time_own", DOERS, NOT_OWN, None),
    ("GET", "/api/v1/requests", "", EVERYONE, (), None),
    ("POST", "/api/v1/requests", "", RUNNERS, {"guest"}, _new_request),
    ("GET", "/api/v1/requests/{id}", "request_own", REQUEST_VIEW, NOT_REQUEST, None),
    ("POST", "/api/v1/requests/{id}/accept", "request_own", ANSWERERS, NOT_REQUEST, {}),
    (
        "POST",
        "/api/v1/requests/{id}/decline",
        "request_own",
        ANSWERERS,
        NOT_REQUEST,
        {"reason": "Busy"},
    ),
    ("POST", "/api/v1/requests/{id}/withdraw", "request_own", RUNNERS, NOT_REQUEST, None),
    ("GET", "/api/v1/recurring-activities", "", EVERYONE, (), None),
    ("POST", "/api/v1/recurring-activities", "", RUNNERS, {"guest"}, _new_recurring),
    (
        "PATCH",
        "/api/v1/recurring-activities/{id}",
        "recurring_own",
        RUNNERS,
        NOT_OWN,
        {"lead_days": 7},
    ),
    ("DELETE", "/api/v1/recurring-activities/{id}", "recurring_own", RUNNERS, NOT_OWN, None),
    ("GET", "/api/v1/workload", "", EVERYONE, (), None),
]
