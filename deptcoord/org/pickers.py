"""How people and departments show in the forms' pickers: a person with their department and
title under the name, a department with its code and the department above it."""

from deptcoord.core.widgets import TYPE_A_NAME, PickerKind, register_picker
from deptcoord.org.models import Department, Person


def _join(*parts) -> str:
    return " · ".join(str(part) for part in parts if part)


def describe_person(person: Person) -> str:
    """Department · title."""
    department = person.primary_department.name if person.primary_department_id else ""
    return _join(department, person.title)


def describe_department(department: Department) -> str:
    """Code · the department above."""
    parent = department.parent.name if department.parent_id else ""
    return _join(department.code, parent)


register_picker(
    PickerKind(
        model=Person,
        describe=describe_person,
        related=("primary_department",),
        placeholder=TYPE_A_NAME,
        name=lambda person: person.full_name,
    )
)
register_picker(
    PickerKind(
        model=Department,
        describe=describe_department,
        related=("parent",),
        min_options=8,
        name=lambda department: department.name,
    )
)
