"""Importing a project's plan from a spreadsheet: steps with department, assignee e-mail,
effort, dates, predecessor references and the skill needed (by name, in either language).

The import flow of ``deptcoord.core.imports`` previews it first; nothing is saved unless every
row is valid.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.access import get_visible_or_404
from deptcoord.core.bounds import check_import_date
from deptcoord.core.imports import (
    ImportKind,
    ImportReport,
    RowOutcome,
    register_import_kind,
    row_errors,
    run_rows,
)
from deptcoord.core.validation import NumberError, parse_decimal
from deptcoord.goals.imports import parse_date
from deptcoord.org.models import Department, Skill
from deptcoord.org.selectors import person_by_email
from deptcoord.work import messages
from deptcoord.work.models import Project
from deptcoord.work.services.dependencies import dependency_create
from deptcoord.work.services.steps import step_create

COLUMNS = [
    "ref",
    "title_en",
    "title_vi",
    "department",
    "assignee_email",
    "effort_hours",
    "start",
    "due",
    "predecessors",
    "milestone",
    "skill",
    "skill_level",
]
REQUIRED_COLUMNS = {"ref", "department"}
LABELS = {
    "ref": _("Ref"),
    "title_en": _("Title (English)"),
    "title_vi": _("Title (Vietnamese)"),
    "department": _("Department code"),
    "assignee_email": _("Assignee e-mail"),
    "effort_hours": _("Effort (hours)"),
    "start": _("Start date"),
    "due": _("Due date"),
    "predecessors": _("Predecessors (refs)"),
    "milestone": _("Milestone"),
    "skill": _("Skill"),
    "skill_level": _("Skill level"),
}
EXAMPLE = {
    "ref": "1",
    "title_en": "Brief the agency",
    "title_vi": "Họp giao việc cho agency",
    "department": "MKT",
    "assignee_email": "lan.nguyen@example.com",
    "effort_hours": "16",
    "start": "2026-12-01",
    "due": "2026-12-04",
    "milestone": "no",
}


def _allowed(facts, scope) -> dict:
    departments = Department.objects.filter(is_active=True).order_by("code")
    return {
        "department": list(departments.values_list("code", flat=True)),
        "milestone": ["yes", "no"],
        "skill_level": ["1", "2", "3", "4", "5"],
    }


UPLOAD_KIND = "work.plan"
SEPARATORS = re.compile(r"[;,\s]+")
TRUE = {"1", "yes", "y", "true", "x", "có", "co"}
DONE = _("Plan imported: %(count)s steps added.")


def run_import(*, actor, project, rows, commit: bool) -> ImportReport:
    """Import the rows as steps of ``project`` (or only preview them)."""

    def fill(report: ImportReport) -> None:
        refs: dict[str, object] = {}
        pending_links = []
        for row in rows:
            outcome = RowOutcome(number=row.number, label=row.values.get("title_en", ""))
            report.rows.append(outcome)
            _step_row(actor, project, row.values, outcome, refs, pending_links)
        for outcome, step, predecessors, lag in pending_links:
            _link_row(actor, outcome, step, predecessors, refs, lag)

    return run_rows(fill, commit=commit)


def _errors(outcome: RowOutcome, error: ValidationError) -> None:
    outcome.errors.extend(row_errors(error))


def skill_by_name(name: str):
    """The active skill with this name in English or Vietnamese (any case), or None."""
    named = Q(name_en__iexact=name) | Q(name_vi__iexact=name)
    return Skill.objects.filter(named, is_active=True).order_by("pk").first()


def _step_row(actor, project, values, outcome, refs, pending_links) -> None:
    errors: dict = {}
    ref = (values.get("ref") or "").strip()
    if not ref:
        errors["ref"] = [messages.REQUIRED]
    elif ref in refs:
        errors["ref"] = [messages.DUPLICATE_REF % {"value": ref}]
    code = (values.get("department") or "").strip()
    department = Department.objects.filter(code__iexact=code, is_active=True).first()
    if department is None:
        errors["department"] = [messages.NO_SUCH_DEPARTMENT % {"value": code}]
    email = (values.get("assignee_email") or "").strip()
    assignee = person_by_email(email) if email else None
    if email and (assignee is None or not assignee.is_active):
        errors["assignee_email"] = [messages.NO_SUCH_PERSON % {"value": email}]
    effort = values.get("effort_hours") or "0"
    try:
        effort = parse_decimal(effort)
    except NumberError as error:
        errors["effort_hours"] = [str(error)]
    skill_name = (values.get("skill") or "").strip()
    skill = skill_by_name(skill_name) if skill_name else None
    if skill_name and skill is None:
        errors["skill"] = [messages.NO_SUCH_SKILL % {"value": skill_name}]
    dates = {}
    for column in ("start", "due"):
        try:
            dates[column] = check_import_date(errors, column, parse_date(values.get(column)))
        except ValueError:
            errors[column] = [messages.NOT_A_DATE % {"value": values.get(column)}]
    if errors:
        outcome.errors.extend((name, str(m)) for name, problems in errors.items() for m in problems)
        if ref:
            refs.setdefault(ref, None)
        return
    try:
        with transaction.atomic():
            step = step_create(
                actor=actor,
                project=project,
                department=department,
                title_en=values.get("title_en", ""),
                title_vi=values.get("title_vi", ""),
                assignee=assignee,
                effort_hours=effort,
                is_milestone=(values.get("milestone") or "").strip().lower() in TRUE,
                required_skill=skill,
                required_level=(values.get("skill_level") or "").strip() or None,
                **dates,
            )
    except ValidationError as error:
        _errors(outcome, error)
        refs[ref] = None
        return
    outcome.action = "create"
    outcome.label = step.title
    refs[ref] = step
    predecessors = [p for p in SEPARATORS.split(values.get("predecessors") or "") if p]
    if predecessors:
        pending_links.append((outcome, step, predecessors, 0))


def _link_row(actor, outcome, step, predecessors, refs, lag) -> None:
    for ref in predecessors:
        if ref not in refs:
            outcome.errors.append(
                ("predecessors", str(messages.NO_SUCH_PREDECESSOR % {"value": ref}))
            )
            continue
        predecessor = refs[ref]
        if predecessor is None:
            continue  # that row has its own error
        try:
            with transaction.atomic():
                dependency_create(
                    actor=actor, predecessor=predecessor, successor=step, lag_days=lag
                )
        except ValidationError as error:
            _errors(outcome, error)


def _run(*, actor, rows, commit, scope) -> ImportReport:
    project = Project.objects.get(pk=scope)
    return run_import(actor=actor, project=project, rows=rows, commit=commit)


register_import_kind(
    ImportKind(
        name=UPLOAD_KIND,
        columns=COLUMNS,
        required=REQUIRED_COLUMNS,
        run=_run,
        target=lambda facts, scope: get_visible_or_404(facts, Project, pk=scope),
        done_message=DONE,
        done_url=lambda scope: reverse("work:project", kwargs={"pk": scope}),
        labels=LABELS,
        example=EXAMPLE,
        allowed=_allowed,
    )
)
