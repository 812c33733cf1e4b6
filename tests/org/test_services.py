"""Organisation services: bad input is refused with a clear message and changes nothing;
every write is audited; stale versions are refused."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.core.versioning import StaleVersionError
from deptcoord.org import messages, services
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Department, Membership, Person


def actor(person):
    """The person acting through a service."""
    return Actor(person=person, facts=role_facts_for_person(person))


def refused(call, field: str) -> list[str]:
    """Run a service call that must fail; return the messages on the field."""
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict[field]


def test_department_create_is_audited(world):
    before = AuditEntry.objects.count()
    department = services.department_create(
        actor=actor(world.admin), code="cs", name_en="Customer Care", name_vi="Chăm sóc khách hàng"
    )
    assert department.code == "CS"
    entry = AuditEntry.objects.latest("id")
    assert AuditEntry.objects.count() == before + 1
    assert (entry.action, entry.actor_id, entry.target_id) == (
        "org.department.create",
        world.admin.pk,
        str(department.pk),
    )
    assert entry.changes["name_vi"] == [None, "Chăm sóc khách hàng"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"code": "", "name_en": "X", "name_vi": "X"}, "code", messages.REQUIRED),
        ({"code": "NEW", "name_en": "  ", "name_vi": "X"}, "name_en", messages.REQUIRED),
        (
            {"code": "mkt", "name_en": "X", "name_vi": "X"},
            "code",
            messages.CODE_TAKEN % {"code": "MKT"},
        ),
        ({"code": "A B", "name_en": "X", "name_vi": "X"}, "code", messages.CODE_FORMAT),
        (
            {"code": "NEW", "name_en": "marketing", "name_vi": "X"},
            "name_en",
            messages.NAME_TAKEN % {"name": "marketing"},
        ),
    ],
)
def test_department_bad_input_changes_nothing(world, fields, field, message):
    count, audit = Department.objects.count(), AuditEntry.objects.count()
    errors = refused(lambda: services.department_create(actor=actor(world.admin), **fields), field)
    assert str(message) in errors
    assert (Department.objects.count(), AuditEntry.objects.count()) == (count, audit)


def test_department_cannot_become_its_own_ancestor(world):
    errors = refused(
        lambda: services.department_update(
            actor=actor(world.admin),
            department_id=world.own.pk,
            expected_version=world.own.version,
            parent=world.team,
        ),
        "parent",
    )
    assert str(messages.OWN_ANCESTOR) in errors
    world.own.refresh_from_db()
    assert world.own.parent is None and world.own.version == 1


def test_stale_version_is_refused(world):
    services.department_update(
        actor=actor(world.head),
        department_id=world.own.pk,
        expected_version=1,
        description="Launch plan",
    )
    with pytest.raises(StaleVersionError):
        services.department_update(
            actor=actor(world.coordinator),
            department_id=world.own.pk,
            expected_version=1,
            description="Overwrite",
        )
    world.own.refresh_from_db()
    assert (world.own.description, world.own.version) == ("Launch plan", 2)


def test_moving_a_department_out_of_reach_is_rolled_back(world):
    """A head may not move their team under a department they do not run."""
    with pytest.raises(PermissionDenied):
        services.department_update(
            actor=actor(world.head),
            department_id=world.team.pk,
            expected_version=None,
            parent=world.other,
        )
    world.team.refresh_from_db()
    assert world.team.parent == world.own


def test_deactivating_a_parent_with_active_teams_is_refused(world):
    errors = refused(
        lambda: services.department_deactivate(
            actor=actor(world.admin), department_id=world.own.pk, expected_version=None
        ),
        "is_active",
    )
    assert "Digital" in errors[0]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"weekly_capacity_hours": Decimal("-1")},
            "weekly_capacity_hours",
            messages.CAPACITY_RANGE,
        ),
        (
            {"weekly_capacity_hours": Decimal("169")},
            "weekly_capacity_hours",
            messages.CAPACITY_RANGE,
        ),
        (
            {"timezone": "Mars/Olympus"},
            "timezone",
            messages.UNKNOWN_TIMEZONE % {"zone": "Mars/Olympus"},
        ),
        ({"working_weekdays": "189"}, "working_weekdays", messages.WEEKDAYS_FORMAT),
        ({"full_name": " "}, "full_name", messages.REQUIRED),
    ],
)
def test_person_bad_input_changes_nothing(world, changes, field, message):
    audit = AuditEntry.objects.count()
    errors = refused(
        lambda: services.person_update(
            actor=actor(world.head), person_id=world.peer.pk, expected_version=None, **changes
        ),
        field,
    )
    assert str(message) in errors
    world.peer.refresh_from_db()
    assert world.peer.version == 1 and AuditEntry.objects.count() == audit


def test_email_already_used_names_the_owner(world):
    errors = refused(
        lambda: services.person_create(
            actor=actor(world.hr),
            full_name="Lê Thị Mới",
            email=world.peer.email.upper(),
            primary_department=world.own,
        ),
        "email",
    )
    assert errors == [messages.EMAIL_TAKEN % {"email": world.peer.email, "name": "Peer"}]


def test_messages_follow_the_language(world):
    with translation.override("vi"):
        errors = refused(
            lambda: services.person_update(
                actor=actor(world.head),
                person_id=world.peer.pk,
                expected_version=None,
                weekly_capacity_hours=Decimal("200"),
            ),
            "weekly_capacity_hours",
        )
    assert errors != [str(messages.CAPACITY_RANGE)]  # translated, not English
    assert "168" in errors[0]


def test_new_person_joins_their_department(world):
    person = services.person_create(
        actor=actor(world.coordinator),
        full_name="Đỗ Minh Thư",
        email="thu.do@example.com",
        primary_department=world.own,
    )
    assert Membership.objects.get(person=person).department == world.own


def test_coordinator_cannot_place_people_elsewhere(world):
    errors = refused(
        lambda: services.person_create(
            actor=actor(world.coordinator),
            full_name="Đỗ Minh Thư",
            email="thu.do@example.com",
            primary_department=world.other,
        ),
        "primary_department",
    )
    assert errors == [messages.NOT_A_MEMBER_DEPARTMENT]
    assert not Person.objects.filter(email="thu.do@example.com").exists()


def test_last_administrator_stays(world):
    errors = refused(
        lambda: services.person_set_company_roles(
            actor=actor(world.admin),
            person_id=world.admin.pk,
            expected_version=None,
            is_admin=False,
            is_executive=False,
            is_hr=False,
        ),
        "is_admin",
    )
    assert errors == [messages.LAST_ADMIN]


def test_role_changes_are_security_events(world):
    services.person_set_company_roles(
        actor=actor(world.admin),
        person_id=world.peer.pk,
        expected_version=None,
        is_admin=False,
        is_executive=False,
        is_hr=True,
    )
    entry = AuditEntry.objects.latest("id")
    assert (entry.kind, entry.action, entry.changes["is_hr"]) == (
        "security",
        "org.person.roles",
        [False, True],
    )


def test_deactivated_person_cannot_sign_in(world, client):
    from tests.factories import PASSWORD

    services.person_deactivate(
        actor=actor(world.admin), person_id=world.peer.pk, expected_version=None
    )
    response = client.post("/accounts/login/", {"login": world.peer.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/inactive/"
    assert "_auth_user_id" not in client.session


def test_time_off_must_end_after_it_starts(world):
    from datetime import date

    errors = refused(
        lambda: services.time_off_create(
            actor=actor(world.member),
            person=world.member,
            start_date=date(2027, 1, 5),
            end_date=date(2027, 1, 4),
        ),
        "end_date",
    )
    assert errors == [messages.TIME_OFF_ORDER]


def test_time_off_overlap_is_refused(world):
    from datetime import date

    errors = refused(
        lambda: services.time_off_create(
            actor=actor(world.peer),
            person=world.peer,
            start_date=date(2026, 12, 2),
            end_date=date(2026, 12, 9),
        ),
        "start_date",
    )
    assert "2026-12-01" in errors[0]


def test_invitation_email_lets_the_person_set_a_password(world, client, mailoutbox):
    person = services.person_create(
        actor=actor(world.hr),
        full_name="Vũ Hải Yến",
        email="yen.vu@example.com",
        primary_department=world.own,
    )
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        services.person_invite(actor=actor(world.hr), person_id=person.pk)
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["yen.vu@example.com"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/invite/" in line)
    path = link[link.index("/invite/") :]
    response = client.post(
        path,
        {"new_password1": "a sturdy pass phrase 42", "new_password2": "a sturdy pass phrase 42"},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert client.get(path).status_code == 400  # used once
