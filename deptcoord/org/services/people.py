"""Adding, changing, inviting and deactivating people, and their own profile settings."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org import messages
from deptcoord.org.models import Company, Membership, Person
from deptcoord.org.services.departments import ensure_may_place
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.org.tasks import send_invitation
from deptcoord.org.validation import check_person
from deptcoord.search.indexing import index_record

EDITABLE_FIELDS = [
    "full_name",
    "email",
    "title_en",
    "title_vi",
    "primary_department",
    "phone",
    "timezone",
    "language",
    "weekly_capacity_hours",
    "work_start",
    "work_end",
    "working_weekdays",
]
AUDITED_FIELDS = [*EDITABLE_FIELDS, "is_active", "is_admin", "is_executive", "is_hr"]
PROFILE_FIELDS = {"language", "timezone", "phone"}


@transaction.atomic
def person_create(*, actor: Actor, **fields) -> Person:
    """Add a person; they become a member of their primary department."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    department = fields.get("primary_department")
    if department is None:
        authorize(actor, Action.ADD_PERSON, Company.objects.get_or_create(pk=1)[0])
    else:
        ensure_may_place(actor, department)
    cleaned = check_person({"full_name": "", "email": "", **fields})
    person = Person.objects.create(**cleaned)
    if department is not None:
        Membership.objects.create(person=person, department=department)
    audit_record(
        actor=actor,
        kind="create",
        action="org.person.create",
        target=person,
        changes=diff({}, snapshot(person, AUDITED_FIELDS)),
        department_id=person.primary_department_id,
    )
    index_record(person)
    recheck_reach(actor, person)
    return person


@transaction.atomic
def person_update(
    *, actor: Actor, person_id: int, expected_version: int | None, **changes
) -> Person:
    """Change a person's details; moving them to a new department makes them a member there."""
    person = lock(Person, person_id)
    authorize(actor, Action.CHANGE, person)
    check_version(person, expected_version)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    new_department = changes.get("primary_department", person.primary_department)
    if new_department != person.primary_department:
        ensure_may_place(actor, new_department)
    cleaned = check_person(changes, instance=person)
    before = snapshot(person, AUDITED_FIELDS)
    for field, value in cleaned.items():
        setattr(person, field, value)
    if new_department is not None:
        Membership.objects.get_or_create(person=person, department=new_department)
    return _save(actor, person, before, "org.person.update")


def _save(actor: Actor, person: Person, before: dict, action: str, kind: str = "update") -> Person:
    changes = diff(before, snapshot(person, AUDITED_FIELDS))
    if not changes:
        return person
    person.version += 1
    person.save()
    if person.user_id and "email" in changes:
        get_user_model().objects.filter(pk=person.user_id).update(email=person.email)
    audit_record(
        actor=actor,
        kind=kind,
        action=action,
        target=person,
        changes=changes,
        department_id=person.primary_department_id,
    )
    index_record(person)
    recheck_reach(actor, person)
    return person


@transaction.atomic
def person_deactivate(*, actor: Actor, person_id: int, expected_version: int | None) -> Person:
    """Deactivate a person: they can no longer sign in; their history stays."""
    person = lock(Person, person_id)
    authorize(actor, Action.DEACTIVATE, person)
    check_version(person, expected_version)
    if person.pk == actor.person_id:
        raise ValidationError({"is_active": [messages.SELF_DEACTIVATE]})
    if (
        person.is_admin
        and not Person.objects.filter(is_admin=True, is_active=True).exclude(pk=person.pk).exists()
    ):
        raise ValidationError({"is_active": [messages.LAST_ADMIN]})
    before = snapshot(person, AUDITED_FIELDS)
    person.is_active = False
    if person.user_id:
        get_user_model().objects.filter(pk=person.user_id).update(is_active=False)
    return _save(actor, person, before, "org.person.deactivate", kind="deactivate")


@transaction.atomic
def person_reactivate(*, actor: Actor, person_id: int, expected_version: int | None) -> Person:
    """Let a deactivated person back in."""
    person = lock(Person, person_id)
    authorize(actor, Action.DEACTIVATE, person)
    check_version(person, expected_version)
    before = snapshot(person, AUDITED_FIELDS)
    person.is_active = True
    if person.user_id:
        get_user_model().objects.filter(pk=person.user_id).update(is_active=True)
    return _save(actor, person, before, "org.person.reactivate")


@transaction.atomic
def person_set_company_roles(
    *,
    actor: Actor,
    person_id: int,
    expected_version: int | None,
    is_admin: bool,
    is_executive: bool,
    is_hr: bool,
) -> Person:
    """Grant or withdraw the company-wide roles; recorded as a security event."""
    person = lock(Person, person_id)
    authorize(actor, Action.MANAGE_ROLES, person)
    check_version(person, expected_version)
    if (
        person.is_admin
        and not is_admin
        and not Person.objects.filter(is_admin=True, is_active=True).exclude(pk=person.pk).exists()
    ):
        raise ValidationError({"is_admin": [messages.LAST_ADMIN]})
    before = snapshot(person, AUDITED_FIELDS)
    person.is_admin, person.is_executive, person.is_hr = is_admin, is_executive, is_hr
    return _save(actor, person, before, "org.person.roles", kind="security")


@transaction.atomic
def profile_update(*, actor: Actor, **changes) -> Person:
    """A person changes their own language, time zone or phone."""
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Not profile fields: {sorted(unknown)}")
    person = lock(Person, actor.person_id)
    cleaned = check_person(changes, instance=person)
    before = snapshot(person, AUDITED_FIELDS)
    for field, value in cleaned.items():
        setattr(person, field, value)
    return _save(actor, person, before, "org.person.profile")


@transaction.atomic
def person_invite(*, actor: Actor, person_id: int) -> Person:
    """Give the person an account (if they lack one) and e-mail a link to set a password."""

    person = lock(Person, person_id)
    authorize(actor, Action.INVITE, person)
    if not person.is_active:
        raise ValidationError({"is_active": [messages.INACTIVE_PERSON]})
    user_model = get_user_model()
    if person.user_id is None:
        user = user_model.objects.create_user(username=person.email, email=person.email)
        user.set_unusable_password()
        user.save()
        person.user = user
        person.save(update_fields=["user"])
    audit_record(
        actor=actor,
        kind="security",
        action="org.person.invite",
        target=person,
        department_id=person.primary_department_id,
    )
    transaction.on_commit(lambda: send_invitation.enqueue(person.pk, actor.person_id))
    return person
