"""Importing a project's plan from a spreadsheet: steps with department, assignee e-mail,
effort, dates, predecessor references and the skill needed (by name, in either language).

The preview runs the very import inside a transaction and rolls it back, so it shows exactly
what the import will do; nothing is saved unless every row is valid.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from deptcoord.goals.imports import parse_date, parse_number
from deptcoord.org.imports import ImportReport, RowOutcome
from deptcoord.org.models import Department, Skill
from deptcoord.org.selectors import person_by_email
from deptcoord.work import messages
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
UPLOAD_KIND = "work.plan"
SEPARATORS = re.compile(r"[;,\s]+")
TRUE = {"1", "yes", "y", "true", "x", "có", "co"}


class _Rollback(Exception):
    """Raised to undo a preview, or an import with bad rows."""


def run_import(*, actor, project, rows, commit: bool) -> ImportReport:
    """Import the rows as steps of ``project`` (or only preview them)."""
    report = ImportReport(rows=[])
    refs: dict[str, object] = {}
    pending_links = []
    try:
        with transaction.atomic():
            for row in rows:
                outcome = RowOutcome(number=row.number, label=row.values.get("title_en", ""))
                report.rows.append(outcome)
                _step_row(actor, project, row.values, outcome, refs, pending_links)
            for outcome, step, predecessors, lag in pending_links:
                _link_row(actor, outcome, step, predecessors, refs, lag)
            if not commit or report.error_rows:
                raise _Rollback
    except _Rollback:
        return report
    report.saved = True
    return report


def _errors(outcome: RowOutcome, error: ValidationError) -> None:
    outcome.errors.extend(
        (name, str(message))
        for name, problems in error.message_dict.items()
        for message in problems
    )


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
        effort = parse_number(effort)
    except ValueError:
        errors["effort_hours"] = [messages.NOT_A_NUMBER % {"value": effort}]
    skill_name = (values.get("skill") or "").strip()
    skill = skill_by_name(skill_name) if skill_name else None
    if skill_name and skill is None:
        errors["skill"] = [messages.NO_SUCH_SKILL % {"value": skill_name}]
    dates = {}
    for column in ("start", "due"):
        try:
            dates[column] = parse_date(values.get(column))
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
