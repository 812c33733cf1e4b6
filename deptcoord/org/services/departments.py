"""Creating, changing, moving and deactivating departments."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org import messages
from deptcoord.org.models import Company, Department
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.org.validation import check_department

DEPARTMENT_FIELDS = ["code", "name_en", "name_vi", "parent", "description", "is_active"]


def _authorize_parent(actor: Actor, parent: Department | None) -> None:
    """A department goes under a parent the actor runs, or at the top for admins only."""
    if parent is None:
        authorize(actor, Action.CREATE_DEPARTMENT, Company.objects.get_or_create(pk=1)[0])
    else:
        authorize(actor, Action.ADD_SUBDEPARTMENT, parent)


@transaction.atomic
def department_create(
    *,
    actor: Actor,
    code: str,
    name_en: str,
    name_vi: str,
    parent: Department | None = None,
    description: str = "",
) -> Department:
    """Create a department under a parent (or at the top of the tree)."""
    _authorize_parent(actor, parent)
    cleaned = check_department(code=code, name_en=name_en, name_vi=name_vi, parent=parent)
    department = Department.objects.create(**cleaned, description=(description or "").strip())
    audit_record(
        actor=actor,
        kind="create",
        action="org.department.create",
        target=department,
        changes=diff({}, snapshot(department, DEPARTMENT_FIELDS)),
        department_id=department.pk,
    )
    recheck_reach(actor, department)
    return department


@transaction.atomic
def department_update(
    *, actor: Actor, department_id: int, expected_version: int | None, **changes
) -> Department:
    """Change a department's code, names, description or parent (a move)."""
    department = lock(Department, department_id)
    authorize(actor, Action.CHANGE, department)
    check_version(department, expected_version)
    unknown = set(changes) - {"code", "name_en", "name_vi", "parent", "description"}
    if unknown:
        raise TypeError(f"Unknown department fields: {sorted(unknown)}")
    parent = changes.get("parent", department.parent)
    if "parent" in changes and parent != department.parent:
        _authorize_parent(actor, parent)
    before = snapshot(department, DEPARTMENT_FIELDS)
    cleaned = check_department(
        code=changes.get("code", department.code),
        name_en=changes.get("name_en", department.name_en),
        name_vi=changes.get("name_vi", department.name_vi),
        parent=parent,
        instance=department,
    )
    for field, value in cleaned.items():
        setattr(department, field, value)
    if "description" in changes:
        department.description = (changes["description"] or "").strip()
    return _save(actor, department, before, "org.department.update")


def _save(actor: Actor, department: Department, before: dict, action: str) -> Department:
    changes = diff(before, snapshot(department, DEPARTMENT_FIELDS))
    if not changes:
        return department
    department.version += 1
    department.save()
    audit_record(
        actor=actor,
        kind="update",
        action=action,
        target=department,
        changes=changes,
        department_id=department.pk,
    )
    recheck_reach(actor, department)
    return department


@transaction.atomic
def department_deactivate(
    *, actor: Actor, department_id: int, expected_version: int | None
) -> Department:
    """Deactivate a department; its history, people and records stay."""
    department = lock(Department, department_id)
    authorize(actor, Action.DEACTIVATE, department)
    check_version(department, expected_version)
    active_children = list(department.children.filter(is_active=True))
    if active_children:
        names = ", ".join(child.name for child in active_children)
        raise ValidationError({"is_active": [messages.ACTIVE_CHILDREN % {"names": names}]})
    before = snapshot(department, DEPARTMENT_FIELDS)
    department.is_active = False
    return _save(actor, department, before, "org.department.deactivate")


@transaction.atomic
def department_reactivate(
    *, actor: Actor, department_id: int, expected_version: int | None
) -> Department:
    """Bring a deactivated department back (its parent must be active)."""
    department = lock(Department, department_id)
    authorize(actor, Action.DEACTIVATE, department)
    check_version(department, expected_version)
    if department.parent and not department.parent.is_active:
        raise ValidationError({"parent": [messages.PARENT_INACTIVE]})
    before = snapshot(department, DEPARTMENT_FIELDS)
    department.is_active = True
    return _save(actor, department, before, "org.department.reactivate")


def ensure_may_place(actor: Actor, department: Department | None) -> None:
    """People can only be placed in a department the actor may add people to."""
    if department is None or actor.via == "system":
        return
    try:
        authorize(actor, Action.ADD_PERSON, department)
    except PermissionDenied:
        raise ValidationError({"primary_department": [messages.NOT_A_MEMBER_DEPARTMENT]}) from None
