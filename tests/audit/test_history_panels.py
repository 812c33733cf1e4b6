"""Every history panel shows every kind of audit entry the application writes, whatever shape
its changes have: the trail is append-only, so an entry a panel cannot show would break its
record's page for everyone, for good."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from deptcoord.audit.models import AuditEntry
from deptcoord.audit.security import record_denial
from deptcoord.audit.services import audit_record, record_created, record_deleted
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from tests.factories import client_for

TEMPLATES = Path(__file__).resolve().parents[2] / "deptcoord" / "templates"

# Each page that includes the history panel: its template, the model it shows, its URL name.
PANELS = {
    "goals/goal_detail.html": ("Goal", "goals:goal_detail"),
    "goals/key_result_detail.html": ("KeyResult", "goals:key_result_detail"),
    "goals/template_detail.html": ("GoalTemplate", "goals:template_detail"),
    "goals/standard_detail.html": ("Standard", "goals:standard_detail"),
    "meetings/meeting_detail.html": ("Meeting", "meetings:meeting_detail"),
    "meetings/event_detail.html": ("Event", "meetings:event_detail"),
    "org/department_detail.html": ("Department", "org:department_detail"),
    "org/person_detail.html": ("Person", "org:person_detail"),
    "people/role_profile_detail.html": ("RoleProfile", "people:role_profile_detail"),
    "people/plan_detail.html": ("DevelopmentPlan", "people:plan_detail"),
    "people/feedback_detail.html": ("Feedback", "people:feedback_detail"),
    "people/one_on_one_detail.html": ("OneOnOne", "people:one_on_one_detail"),
    "people/simple_form.html": ("Skill", "people:skill_edit"),
    "records/note_detail.html": ("Note", "records:note_detail"),
    "records/document_detail.html": ("Document", "records:document_detail"),
    "reports/report_detail.html": ("StatusReport", "reports:detail"),
    "work/project_detail.html": ("Project", "work:project"),
    "work/step_detail.html": ("Step", "work:step"),
    "work/request_detail.html": ("Request", "work:request"),
}

# The shapes the services write (one per call site kind), and what the panel shows for each.
SHAPES = [
    ("update", "work.step.update", {"title_en": ["Old title", "Changed title"]}, "Changed title"),
    ("update", "work.project.update", {"goals": [["A"], ["A", "Goal B"]]}, "A and Goal B"),
    ("update", "work.step.flag", {"flag": [None, {"id": 3, "label": "Upstream"}]}, "Upstream"),
    ("update", "records.note.link", {"link": [None, {"id": 4, "label": "Linked"}]}, "Linked"),
    ("update", "records.note.unlink", {"link": [{"id": 4, "label": "Unlinked"}, None]}, "Unlinked"),
    ("update", "org.membership.set", {"role:MKT": ["member", "coordinator"]}, "Coordinator"),
    ("update", "goals.standard.measure", {"2026-11-01": [None, "95.8"]}, "95.8"),
    ("update", "goals.template.key_results", {"key_result": "Added KR"}, "Added KR"),
    ("update", "goals.template.roll_out", {"period": [None, "2026-01-01/2026-03-31"]}, "2026-03"),
    ("update", "goals.key_result.check_in", {"value": ["1", "2"], "note": [None, "Note"]}, "Note"),
    (
        "update",
        "planning.run.apply",
        {"applied": [None, 7], "conflicts": [None, 0]},
        "Steps rescheduled",
    ),
    ("update", "reports.report.acknowledge", {"acknowledged_by": [None, "Reader"]}, "Reader"),
    ("update", "reports.unsubscribe", {"digest_kinds_off": ["work.slip"]}, "A step upstream slips"),
    ("update", "people.feedback.annotate", {"annotation": [None, "Kept"]}, "Kept"),
    ("update", "people.one_on_one.notes", {"notes": [None, True]}, "Yes"),
    ("update", "imported.row", {"row": 12, "values": {"due": "2026-01-01"}}, "due: 2026-01-01"),
    ("update", "moved", {"department": [{"id": 1}, {"id": 2, "label": "Sales"}]}, "Sales"),
    ("update", "three.values", {"odd": [1, 2, 3]}, "1, 2 and 3"),
    ("update", "no.label", {"parent": [{"name": "x"}, {}]}, "name: x"),
    ("update", "a.list", ["first", "second"], "Recorded details: first and second"),
    ("update", "a.scalar", 42, "Recorded details: 42"),
    ("update", "a.string", "plain words", "Recorded details: plain words"),
    ("update", "nested", {"deep": [None, [[[["bottom"]]]]]}, "…"),
    ("update", "long", {"text": [None, "x" * 1000]}, "x" * 200),
    ("delete", "records.note.delete", {"title": ["Gone", None]}, "Gone"),
    ("deactivate", "org.department.deactivate", {"is_active": [True, False]}, "No"),
    ("security", "access.denied", {"action": "edit"}, "Access was refused (edit)."),
    ("security", "access.denied", {}, "Access was refused (—)."),
    ("security", "work.step.export", {"format": "csv", "rows": 3}, "Exported 3 rows as CSV."),
    ("security", "org.departments.export", {"format": "xlsx", "rows": 1}, "1 row as XLSX."),
    ("security", "reports.report.export", {"format": "pdf"}, "Exported as PDF."),
    ("security", "work.time.export", {"format": "csv", "rows": "many"}, "Exported as CSV."),
    ("security", "people.confidential.read", {"ids": [1, 2], "via": "page"}, "Confidential"),
    ("security", "api.token.create", {}, "An API token was created."),
    ("security", "auth.sign_in", None, "Signed in."),
    ("security", "unknown.event", {"what": "else"}, "else"),
    ("surprise", "unknown.kind", {"field": [None, "shown anyway"]}, "shown anyway"),
]


def panel_templates() -> set[str]:
    """Every template that includes the history partial."""
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        if re.search(r"""include\s+["']partials/history\.html["']""", path.read_text()):
            found.add(str(path.relative_to(TEMPLATES)))
    return found


def model_named(name: str):
    return next(model for model in apps.get_models() if model.__name__ == name)


def test_every_history_panel_is_listed():
    assert panel_templates() == set(PANELS)


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo company: one of every record, with the history its services wrote."""
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _write_every_shape(actor, obj) -> None:
    for kind, action, changes, _expected in SHAPES:
        audit_record(actor=actor, kind=kind, action=action, target=obj, changes=changes)


def test_every_panel_shows_every_kind_of_entry(demo):
    admin = model_named("Person").objects.get(is_admin=True)
    actor = Actor(person=admin, facts=role_facts_for_person(admin))
    client = client_for(admin)
    for template, (model_name, url_name) in PANELS.items():
        obj = model_named(model_name).objects.order_by("pk").first()
        assert obj is not None, f"the demo has no {model_name} for {template}"
        record_created(actor, obj, ["pk"], "test.create")
        record_denial(actor.facts, obj._meta.label, obj.pk, "edit")
        _write_every_shape(actor, obj)
        record_deleted(actor, obj, ["pk"], "test.delete")
        response = client.get(reverse(url_name, args=[obj.pk]))
        assert response.status_code == 200, template
        page = response.content.decode()
        assert 'id="history-title"' in page, template
        for _kind, action, _changes, expected in SHAPES:
            assert escape(expected) in page, f"{template}: {action} shows {expected!r}"


def test_an_export_leaves_the_project_page_readable_for_everyone(demo):
    project = model_named("Project").objects.order_by("pk").first()
    membership = project.lead_department.memberships.filter(role="member").first()
    member = membership.person if membership else project.coordinator
    assert client_for(member).get(f"/work/projects/{project.pk}/steps.csv").status_code == 200
    assert AuditEntry.objects.filter(target_id=str(project.pk), kind="security").exists()
    for person in (member, project.coordinator):
        response = client_for(person).get(f"/work/projects/{project.pk}/")
        assert response.status_code == 200
        assert "Exported" not in response.content.decode()  # security events are for admins
    admin = model_named("Person").objects.get(is_admin=True)
    page = client_for(admin).get(f"/work/projects/{project.pk}/").content.decode()
    assert "rows as CSV." in page or "row as CSV." in page
