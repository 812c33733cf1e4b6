"""API endpoints for departments, people, memberships and time off."""

from datetime import date, time
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.filters import choice
from deptcoord.core.http import LocalTime, PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org import selectors, services
from deptcoord.org.models import Department, Membership, Person, TimeOff
from deptcoord.search.folding import words_match

router = Router(tags=["organisation"])


class DepartmentOut(Schema):
    """A department."""

    id: int
    code: str
    name: str
    name_en: str
    name_vi: str
    parent_id: int | None
    description: str
    is_active: bool
    version: int


class DepartmentIn(Schema):
    """Fields to create a department."""

    code: str = Field(max_length=20)
    name_en: str = Field(max_length=150)
    name_vi: str = Field(max_length=150)
    parent_id: PrimaryKey | None = None
    description: str = ""


class DepartmentPatch(Schema):
    """Fields to change on a department; `version` guards against overwriting."""

    code: str | None = Field(None, max_length=20)
    name_en: str | None = Field(None, max_length=150)
    name_vi: str | None = Field(None, max_length=150)
    parent_id: PrimaryKey | None = None
    description: str | None = None
    version: int | None = None


class DepartmentFilter(Schema):
    """Filters for the department list."""

    q: str | None = None
    parent_id: PrimaryKey | None = None
    active: bool | None = True


class PersonOut(Schema):
    """A person (working details only when the viewer may see them)."""

    id: int
    full_name: str
    email: str
    title: str
    title_en: str
    title_vi: str
    primary_department_id: int | None
    timezone: str
    language: str
    weekly_capacity_hours: Decimal
    work_start: LocalTime
    work_end: LocalTime
    working_weekdays: str
    is_active: bool
    version: int


class PersonIn(Schema):
    """Fields to add a person."""

    full_name: str = Field(max_length=150)
    email: str = Field(max_length=254)
    title_en: str = Field("", max_length=150)
    title_vi: str = Field("", max_length=150)
    primary_department_id: PrimaryKey | None = None
    phone: str = Field("", max_length=40)
    timezone: str = "Asia/Ho_Chi_Minh"
    language: str = ""
    weekly_capacity_hours: Decimal = Field(Decimal("40"), max_digits=6, decimal_places=2)
    work_start: LocalTime = time(8, 30)
    work_end: LocalTime = time(17, 30)
    working_weekdays: str = "12345"


class PersonPatch(Schema):
    """Fields to change on a person; `version` guards against overwriting."""

    full_name: str | None = Field(None, max_length=150)
    email: str | None = Field(None, max_length=254)
    title_en: str | None = Field(None, max_length=150)
    title_vi: str | None = Field(None, max_length=150)
    primary_department_id: PrimaryKey | None = None
    phone: str | None = Field(None, max_length=40)
    timezone: str | None = None
    language: str | None = None
    weekly_capacity_hours: Decimal | None = Field(None, max_digits=6, decimal_places=2)
    work_start: LocalTime | None = None
    work_end: LocalTime | None = None
    working_weekdays: str | None = None
    version: int | None = None


class PersonFilter(Schema):
    """Filters for the people list."""

    q: str | None = None
    department_id: PrimaryKey | None = None
    role: str | None = None
    include_inactive: bool = False


class MembershipOut(Schema):
    """A person's role in a department."""

    id: int
    person_id: PrimaryKey
    department_id: PrimaryKey
    role: str


class MembershipIn(Schema):
    """Give a person a role in a department."""

    person_id: PrimaryKey
    department_id: PrimaryKey
    role: Membership.Role = Membership.Role.MEMBER


class MembershipFilter(Schema):
    """Filters for the membership list."""

    person_id: PrimaryKey | None = None
    department_id: PrimaryKey | None = None


# Named after its model: the contract names each set of choices once.
type TimeOffKind = TimeOff.Kind


class TimeOffOut(Schema):
    """Days a person is away."""

    id: int
    person_id: PrimaryKey
    start_date: date
    end_date: date
    kind: str
    note: str
    version: int


class TimeOffIn(Schema):
    """Record days away."""

    person_id: PrimaryKey
    start_date: date
    end_date: date
    kind: TimeOffKind = TimeOff.Kind.LEAVE
    note: str = Field("", max_length=300)


class TimeOffPatch(Schema):
    """Change recorded time off."""

    start_date: date | None = None
    end_date: date | None = None
    kind: TimeOffKind | None = None
    note: str | None = Field(None, max_length=300)
    version: int | None = None


class TimeOffFilter(Schema):
    """Filters for the time-off list."""

    person_id: PrimaryKey | None = None
    department_id: PrimaryKey | None = None
    starts_before: date | None = None
    ends_after: date | None = None


def _department(request, pk) -> Department:
    return get_visible_or_404(request.facts, Department, pk=pk)


def _parent(request, parent_id) -> Department | None:
    return _department(request, parent_id) if parent_id is not None else None


@router.get("/departments", response=list[DepartmentOut], summary="List departments")
@paginate(ListPagination)
def list_departments(request: HttpRequest, filters: Query[DepartmentFilter]):
    """Departments the caller may see."""
    result = visible(request.facts, Department.objects.all()).order_by("code")
    if filters.active is not None:
        result = result.filter(is_active=filters.active)
    if filters.parent_id is not None:
        result = result.filter(parent_id=filters.parent_id)
    if (match := words_match(filters.q, "name_en", "name_vi", "code")) is not None:
        result = result.filter(match)
    return result


@router.post("/departments", response={201: DepartmentOut}, summary="Create a department")
def create_department(request, payload: DepartmentIn):
    """Create a department (under a parent the caller runs, or at the top for admins)."""
    data = payload.dict()
    parent = _parent(request, data.pop("parent_id"))
    department = services.department_create(actor=actor_from(request, "api"), parent=parent, **data)
    return Status(201, department)


@router.get("/departments/{int:pk}", response=DepartmentOut, summary="Read a department")
def read_department(request, response: HttpResponse, pk: PrimaryKey):
    """One department, with its version as ETag."""
    return with_etag(response, _department(request, pk))


@router.patch("/departments/{int:pk}", response=DepartmentOut, summary="Change a department")
def update_department(request, response: HttpResponse, pk: PrimaryKey, payload: DepartmentPatch):
    """Change a department; send If-Match with the ETag (412 if stale) or `version` (409)."""
    department = _department(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), department.version)
    if "parent_id" in data:
        data["parent"] = _parent(request, data.pop("parent_id"))
    department = services.department_update(
        actor=actor_from(request, "api"), department_id=pk, expected_version=version, **data
    )
    return with_etag(response, department)


@router.delete("/departments/{int:pk}", response={204: None}, summary="Deactivate a department")
def deactivate_department(request, pk: PrimaryKey):
    """Deactivate a department (its history stays)."""
    department = _department(request, pk)
    version = expected_version(request, None, department.version)
    services.department_deactivate(
        actor=actor_from(request, "api"), department_id=pk, expected_version=version
    )
    return Status(204, None)


def _person(request, pk) -> Person:
    return get_visible_or_404(request.facts, Person, pk=pk)


@router.get("/people", response=list[PersonOut], summary="List people")
@paginate(ListPagination)
def list_people(request, filters: Query[PersonFilter]):
    """People the caller may see, filtered like the directory."""
    choice("role", filters.role, Membership.Role.values)
    return selectors.people(
        request.facts,
        query=filters.q or "",
        department_id=filters.department_id,
        role=filters.role or "",
        include_inactive=filters.include_inactive,
    )


@router.post("/people", response={201: PersonOut}, summary="Add a person")
def create_person(request, payload: PersonIn):
    """Add a person to a department the caller manages."""
    data = payload.dict()
    data["primary_department"] = _parent(request, data.pop("primary_department_id"))
    person = services.person_create(actor=actor_from(request, "api"), **data)
    return Status(201, person)


@router.get("/people/{int:pk}", response=PersonOut, summary="Read a person")
def read_person(request, response: HttpResponse, pk: PrimaryKey):
    """One person, with their version as ETag."""
    return with_etag(response, _person(request, pk))


@router.patch("/people/{int:pk}", response=PersonOut, summary="Change a person")
def update_person(request, response: HttpResponse, pk: PrimaryKey, payload: PersonPatch):
    """Change a person; send If-Match with the ETag (412 if stale) or `version` (409)."""
    person = _person(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), person.version)
    if "primary_department_id" in data:
        data["primary_department"] = _parent(request, data.pop("primary_department_id"))
    person = services.person_update(
        actor=actor_from(request, "api"), person_id=pk, expected_version=version, **data
    )
    return with_etag(response, person)


@router.delete("/people/{int:pk}", response={204: None}, summary="Deactivate a person")
def deactivate_person(request, pk: PrimaryKey):
    """Deactivate a person (they can no longer sign in; history stays)."""
    person = _person(request, pk)
    version = expected_version(request, None, person.version)
    services.person_deactivate(
        actor=actor_from(request, "api"), person_id=pk, expected_version=version
    )
    return Status(204, None)


@router.get("/memberships", response=list[MembershipOut], summary="List memberships")
@paginate(ListPagination)
def list_memberships(request, filters: Query[MembershipFilter]):
    """Who holds which role in which department."""
    result = visible(request.facts, Membership.objects.all()).order_by(
        "department_id", "role", "id"
    )
    if filters.person_id is not None:
        result = result.filter(person_id=filters.person_id)
    if filters.department_id is not None:
        result = result.filter(department_id=filters.department_id)
    return result


@router.post("/memberships", response={201: MembershipOut}, summary="Set a role in a department")
def set_membership(request, payload: MembershipIn):
    """Add a person to a department with a role, or change their role there."""
    department = _department(request, payload.department_id)
    person = _person(request, payload.person_id)
    membership = services.membership_set(
        actor=actor_from(request, "api"), person=person, department=department, role=payload.role
    )
    return Status(201, membership)


@router.delete("/memberships/{int:pk}", response={204: None}, summary="Remove a membership")
def remove_membership(request, pk: PrimaryKey):
    """Take a person out of a department."""
    membership = get_visible_or_404(request.facts, Membership, pk=pk)
    services.membership_remove(actor=actor_from(request, "api"), membership_id=membership.pk)
    return Status(204, None)


def _time_off(request, pk) -> TimeOff:
    return get_visible_or_404(request.facts, TimeOff.objects.select_related("person"), pk=pk)


@router.get("/time-off", response=list[TimeOffOut], summary="List time off")
@paginate(ListPagination)
def list_time_off(request, filters: Query[TimeOffFilter]):
    """Time off the caller may see, filtered by person, department and dates."""
    result = visible(request.facts, TimeOff.objects.all()).order_by("-start_date", "id")
    if filters.person_id is not None:
        result = result.filter(person_id=filters.person_id)
    if filters.department_id is not None:
        result = result.filter(person__primary_department_id=filters.department_id)
    if filters.starts_before is not None:
        result = result.filter(start_date__lte=filters.starts_before)
    if filters.ends_after is not None:
        result = result.filter(end_date__gte=filters.ends_after)
    return result.distinct()


@router.post("/time-off", response={201: TimeOffOut}, summary="Record time off")
def create_time_off(request, payload: TimeOffIn):
    """Record days away for a person."""
    person = _person(request, payload.person_id)
    time_off = services.time_off_create(
        actor=actor_from(request, "api"),
        person=person,
        start_date=payload.start_date,
        end_date=payload.end_date,
        kind=payload.kind,
        note=payload.note,
    )
    return Status(201, time_off)


@router.get("/time-off/{int:pk}", response=TimeOffOut, summary="Read time off")
def read_time_off(request, response: HttpResponse, pk: PrimaryKey):
    """One period of time off, with its version as ETag."""
    return with_etag(response, _time_off(request, pk))


@router.patch("/time-off/{int:pk}", response=TimeOffOut, summary="Change time off")
def update_time_off(request, response: HttpResponse, pk: PrimaryKey, payload: TimeOffPatch):
    """Change recorded time off; If-Match or `version` guards against overwriting."""
    time_off = _time_off(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), time_off.version)
    time_off = services.time_off_update(
        actor=actor_from(request, "api"), time_off_id=pk, expected_version=version, **data
    )
    return with_etag(response, time_off)


@router.delete("/time-off/{int:pk}", response={204: None}, summary="Delete time off")
def delete_time_off(request, pk: PrimaryKey):
    """Remove recorded time off."""
    time_off = _time_off(request, pk)
    version = expected_version(request, None, time_off.version)
    services.time_off_delete(
        actor=actor_from(request, "api"), time_off_id=pk, expected_version=version
    )
    return Status(204, None)


@router.get("/me", response=PersonOut, summary="The caller")
def me(request):
    """The person the session or token belongs to."""
    return request.person
