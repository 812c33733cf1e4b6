"""Importing a skills matrix (people × skills) from a spreadsheet, and exporting one.

The file has an ``email`` column and one column per skill, named as in the catalogue (English
or Vietnamese); each cell is a level 0–5 (empty: not assessed). Each changed level becomes a
coordinator assessment dated today. The import flow of ``deptcoord.core.imports`` previews it
first; nothing is saved unless every row is valid.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, can, visible
from deptcoord.core.imports import (
    ImportKind,
    ImportReport,
    RowOutcome,
    register_import_kind,
    row_errors,
    run_rows,
    upload_target,
)
from deptcoord.core.spreadsheets import normalise_header
from deptcoord.org.models import Person
from deptcoord.people import access, messages, services
from deptcoord.people.models import Assessment, Skill
from deptcoord.people.selectors.skills import latest_levels

UPLOAD_KIND = "people.skills"
REQUIRED_COLUMNS = {"email"}
FIXED_COLUMNS = {"email", "full_name", "name", "role_profile", "department"}
DONE = _("Import done: %(updated)s people reassessed, %(unchanged)s unchanged.")


def skill_columns() -> dict[str, Skill]:
    """Column name → skill, by the English and the Vietnamese names of active skills."""
    columns: dict[str, Skill] = {}
    for skill in Skill.objects.filter(is_active=True):
        for name in (skill.name_vi, skill.name_en):
            if name:
                columns[normalise_header(name)] = skill
    return columns


def run_import(*, actor, rows, commit: bool, scope: str = "") -> ImportReport:
    """Import the rows (or only preview them when ``commit`` is false)."""
    columns = skill_columns()

    def fill(report: ImportReport) -> None:
        for row in rows:
            report.rows.append(_run_row(actor, columns, row))

    return run_rows(fill, commit=commit)


def _run_row(actor, columns: dict, row) -> RowOutcome:
    outcome = RowOutcome(number=row.number, label=row.values.get("email", ""))
    try:
        with transaction.atomic():
            outcome.action = _row(actor, columns, row.values)
    except ValidationError as error:
        outcome.errors.extend(row_errors(error))
    return outcome


def _person(actor, email: str) -> Person | None:
    found = visible(actor.facts, Person.objects.filter(email__iexact=email.strip())).first()
    if found is None or not email.strip():
        return None
    return found if can(actor.facts, Action.ASSESS, Assessment(person=found)) else None


def _row(actor, columns: dict, values: dict) -> str:
    email = values.get("email", "")
    person = _person(actor, email)
    errors: dict = {}
    if person is None:
        errors["email"] = [messages.PERSON_NOT_FOUND % {"value": email}]
    for name in values:
        if name not in FIXED_COLUMNS and name not in columns:
            errors[name] = [messages.COLUMN_UNKNOWN_SKILL % {"value": name}]
    if person is None:
        raise ValidationError(errors)
    current = latest_levels(
        Assessment.objects.filter(person=person)
        .order_by("day", "id")
        .values_list("person_id", "skill_id", "level", "kind")
    ).get(person.pk, {})
    changed = False
    for name, text in values.items():
        if name in FIXED_COLUMNS or name not in columns or not str(text).strip():
            continue
        skill = columns[name]
        text = str(text).strip().removesuffix(".0")
        if text.isdigit() and current.get(skill.pk) == int(text):
            continue
        try:
            services.assessment_create(actor=actor, person=person, skill=skill, level=text)
        except ValidationError as error:
            errors[name] = [m for problems in error.message_dict.values() for m in problems]
        else:
            changed = True
    if errors:
        raise ValidationError(errors)
    return "update" if changed else "unchanged"


def export_rows(matrix) -> tuple[list[str], list[list]]:
    """The skills matrix as a header and rows of levels (empty when not assessed)."""
    headers = ["email", "full_name", "role_profile", *[skill.name for skill in matrix.skills]]
    rows = [
        [
            row.person.email,
            row.person.full_name,
            row.role_profile,
            *["" if cell.level is None else cell.level for cell in row.cells],
        ]
        for row in matrix.rows
    ]
    return headers, rows


def _allowed(facts, scope) -> dict:
    """The skills (one column each, named as in the catalogue) and their levels."""
    skills = Skill.objects.filter(is_active=True).order_by("name_en")
    return {
        _("Skill columns"): [skill.name for skill in skills],
        _("Levels"): ["0", "1", "2", "3", "4", "5"],
    }


register_import_kind(
    ImportKind(
        name=UPLOAD_KIND,
        columns=["email", "full_name", "role_profile"],
        required=REQUIRED_COLUMNS,
        run=run_import,
        target=lambda facts, scope: upload_target(UPLOAD_KIND),
        done_message=DONE,
        done_url=lambda scope: reverse("people:matrix"),
        importers=access.IMPORTERS,
        labels={
            "email": _("E-mail"),
            "full_name": _("Full name"),
            "role_profile": _("Role profile"),
        },
        example={"email": "lan.nguyen@example.com", "full_name": "Nguyễn Thị Lan"},
        allowed=_allowed,
    )
)
