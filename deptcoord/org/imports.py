"""Importing departments and people from spreadsheets, and exporting them in the same columns.

The preview runs the very same import inside a transaction and rolls it back, so what the
preview promises is exactly what the import does; nothing is saved unless every row is valid.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deptcoord.core.imports import (
    ImportKind,
    ImportReport,
    RowOutcome,
    register_import_kind,
    row_errors,
    run_rows,
)
from deptcoord.core.validation import NumberError, parse_decimal
from deptcoord.org import messages, selectors, services
from deptcoord.org.models import Department, Membership, Person
from deptcoord.org.validation import check_person

DEPARTMENT_COLUMNS = ["code", "name_en", "name_vi", "parent_code", "description"]
PEOPLE_COLUMNS = [
    "email",
    "full_name",
    "title_en",
    "title_vi",
    "department_code",
    "role",
    "phone",
    "timezone",
    "weekly_capacity_hours",
    "work_start",
    "work_end",
    "working_weekdays",
]
LABELS = {
    "code": _("Code"),
    "name_en": _("Name (English)"),
    "name_vi": _("Name (Vietnamese)"),
    "parent_code": _("Parent department code"),
    "description": _("Description"),
    "email": _("E-mail"),
    "full_name": _("Full name"),
    "title_en": _("Job title (English)"),
    "title_vi": _("Job title (Vietnamese)"),
    "department_code": _("Department code"),
    "role": _("Role"),
    "phone": _("Phone"),
    "timezone": _("Time zone"),
    "weekly_capacity_hours": _("Hours a week"),
    "work_start": _("Working day starts"),
    "work_end": _("Working day ends"),
    "working_weekdays": _("Working weekdays"),
}
EXAMPLES = {
    "departments": {
        "code": "MKT-DIG",
        "name_en": "Digital marketing",
        "name_vi": "Marketing số",
        "parent_code": "MKT",
    },
    "people": {
        "email": "lan.nguyen@example.com",
        "full_name": "Nguyễn Thị Lan",
        "department_code": "MKT",
        "role": "member",
        "timezone": "Asia/Ho_Chi_Minh",
        "weekly_capacity_hours": "40",
        "work_start": "08:30",
        "work_end": "17:30",
        "working_weekdays": "12345",
    },
}


def _allowed(kind: str):
    def allowed(facts, scope) -> dict:
        codes = list(
            Department.objects.filter(is_active=True)
            .order_by("code")
            .values_list("code", flat=True)
        )
        if kind == "departments":
            return {"parent_code": codes}
        return {"department_code": codes, "role": list(Membership.Role.values)}

    return allowed


REQUIRED_COLUMNS = {
    "departments": {"code", "name_en", "name_vi"},
    "people": {"email", "full_name"},
}
COLUMN_OF_FIELD = {"parent": "parent_code", "primary_department": "department_code"}
BAD_TIME = _("“%(value)s” is not a time of day. Write it as HH:MM, e.g. 08:30.")
BAD_ROLE = _("“%(value)s” is not a role. Use head, coordinator or member.")
DUPLICATE_ROW = _("Row %(row)s already has “%(value)s”. Each one may appear only once.")


def run_import(*, actor, kind: str, rows, commit: bool) -> ImportReport:
    """Import the rows (or only preview them when ``commit`` is false)."""
    handler = {"departments": _department_row, "people": _person_row}[kind]
    ordered = _parents_first(rows) if kind == "departments" else list(rows)

    def fill(report: ImportReport) -> None:
        seen: dict[str, int] = {}
        for row in ordered:
            report.rows.append(_run_row(actor, handler, row, seen, kind))

    report = run_rows(fill, commit=commit)
    report.rows.sort(key=lambda outcome: outcome.number)
    return report


def _run_row(actor, handler, row, seen: dict, kind: str) -> RowOutcome:
    key_column = "code" if kind == "departments" else "email"
    key = row.values.get(key_column, "").strip().lower()
    outcome = RowOutcome(number=row.number, label=key)
    if key and key in seen:
        outcome.errors.append((key_column, str(DUPLICATE_ROW % {"row": seen[key], "value": key})))
        return outcome
    seen[key] = row.number
    try:
        with transaction.atomic():
            outcome.action = handler(actor, row.values)
    except ValidationError as error:
        outcome.errors.extend(row_errors(error, COLUMN_OF_FIELD))
    return outcome


def _parents_first(rows) -> list:
    by_code = {row.values.get("code", "").upper(): row for row in rows}
    ordered, placed = [], set()

    def place(row, trail=()):
        code = row.values.get("code", "").upper()
        if code in placed or code in trail:
            return
        parent = by_code.get(row.values.get("parent_code", "").upper())
        if parent is not None and parent is not row:
            place(parent, (*trail, code))
        placed.add(code)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _department_by_code(code: str, column: str) -> Department | None:
    if not code:
        return None
    department = Department.objects.filter(code__iexact=code).first()
    if department is None:
        raise ValidationError({column: [messages.UNKNOWN_DEPARTMENT % {"code": code}]})
    return department


def _department_row(actor, values: dict) -> str:
    fields = {
        "code": values.get("code", ""),
        "name_en": values.get("name_en", ""),
        "name_vi": values.get("name_vi", ""),
        "parent": _department_by_code(values.get("parent_code", ""), "parent_code"),
    }
    if "description" in values:
        fields["description"] = values["description"]
    existing = Department.objects.filter(code__iexact=fields["code"].strip()).first()
    if existing is None:
        services.department_create(actor=actor, **fields)
        return "create"
    version = existing.version
    updated = services.department_update(
        actor=actor, department_id=existing.pk, expected_version=None, **fields
    )
    return "update" if updated.version != version else "unchanged"


def _person_row(actor, values: dict) -> str:
    fields, errors = _person_fields(values)
    role = (values.get("role") or "").strip().lower()
    if role and role not in Membership.Role.values:
        errors["role"] = [BAD_ROLE % {"value": role}]
    if errors:
        _merge_field_checks(errors, fields)
        raise ValidationError(errors)
    existing = Person.objects.filter(email__iexact=fields["email"]).first()
    if existing is None:
        person = services.person_create(actor=actor, **fields)
        action = "create"
    else:
        version = existing.version
        person = services.person_update(
            actor=actor, person_id=existing.pk, expected_version=None, **fields
        )
        action = "update" if person.version != version else "unchanged"
    if role and person.primary_department is not None:
        current = Membership.objects.filter(person=person, department=person.primary_department)
        if not current.filter(role=role).exists():
            services.membership_set(
                actor=actor, person=person, department=person.primary_department, role=role
            )
            action = "update" if action == "unchanged" else action
    return action


def _merge_field_checks(errors: dict, fields: dict) -> None:
    """Add the checks of the readable fields, so one pass reports every problem in the row."""
    existing = Person.objects.filter(email__iexact=fields.get("email", "")).first()
    readable = {name: value for name, value in fields.items() if name not in errors}
    readable.pop("primary_department", None)
    try:
        check_person(readable, instance=existing)
    except ValidationError as error:
        for name, field_errors in error.message_dict.items():
            errors.setdefault(name, field_errors)


def _person_fields(values: dict) -> tuple[dict, dict]:
    errors: dict = {}
    fields = {"email": values.get("email", "").strip(), "full_name": values.get("full_name", "")}
    for name in ("title_en", "title_vi", "phone", "timezone", "working_weekdays"):
        if values.get(name):
            fields[name] = values[name]
    if "department_code" in values:
        try:
            fields["primary_department"] = _department_by_code(
                values["department_code"], "department_code"
            )
        except ValidationError as error:
            errors.update(error.message_dict)
    if values.get("weekly_capacity_hours"):
        try:
            fields["weekly_capacity_hours"] = parse_decimal(values["weekly_capacity_hours"])
        except NumberError:
            errors["weekly_capacity_hours"] = [
                messages.NOT_A_NUMBER % {"value": values["weekly_capacity_hours"]}
            ]
    for name in ("work_start", "work_end"):
        if values.get(name):
            parsed = _parse_time(values[name])
            if parsed is None:
                errors[name] = [BAD_TIME % {"value": values[name]}]
            else:
                fields[name] = parsed
    return fields, errors


def _parse_time(text: str) -> time | None:
    for pattern in ("%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"):
        try:
            return datetime.strptime(text.strip(), pattern).time()
        except ValueError:
            continue
    return None


def department_rows(departments) -> list[list]:
    """Departments in the import columns, so an export can be edited and imported back."""
    return [
        [
            dept.code,
            dept.name_en,
            dept.name_vi,
            dept.parent.code if dept.parent else "",
            dept.description,
        ]
        for dept in departments
    ]


def people_rows(people) -> list[list]:
    """People in the import columns (role = their role in their primary department)."""
    rows = []
    for person in people:
        role = next(
            (
                m.role
                for m in person.memberships.all()
                if m.department_id == person.primary_department_id
            ),
            "",
        )
        rows.append(
            [
                person.email,
                person.full_name,
                person.title_en,
                person.title_vi,
                person.primary_department.code if person.primary_department else "",
                role,
                person.phone,
                person.timezone,
                person.weekly_capacity_hours,
                person.work_start.strftime("%H:%M"),
                person.work_end.strftime("%H:%M"),
                person.working_weekdays,
            ]
        )
    return rows


DONE = _("Import done: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")


def _register(kind: str, columns: list[str], done_url: str) -> None:
    def run(*, actor, rows, commit, scope) -> ImportReport:
        return run_import(actor=actor, kind=kind, rows=rows, commit=commit)

    register_import_kind(
        ImportKind(
            name=f"org.{kind}",
            columns=columns,
            required=REQUIRED_COLUMNS[kind],
            labels={column: LABELS[column] for column in columns},
            example=EXAMPLES[kind],
            allowed=_allowed(kind),
            run=run,
            target=lambda facts, scope: selectors.company(),
            done_message=DONE,
            done_url=lambda scope: reverse(done_url),
        )
    )


_register("departments", DEPARTMENT_COLUMNS, "org:tree")
_register("people", PEOPLE_COLUMNS, "org:people")
