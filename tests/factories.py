"""Factories for test data, and the standard small company most tests use."""

from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model
from django.test import Client

from deptcoord.org.models import Department, Membership, Person, TimeOff

PASSWORD = "correct horse battery staple"


class DepartmentFactory(factory.django.DjangoModelFactory):
    """A department with a unique code."""

    class Meta:
        model = Department

    code = factory.Sequence(lambda n: f"D{n:03d}")
    name_en = factory.Sequence(lambda n: f"Department {n}")
    name_vi = factory.Sequence(lambda n: f"Phòng {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A user account that signs in with the test password."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}@example.com")
    email = factory.SelfAttribute("username")
    password = factory.django.Password(PASSWORD)


class PersonFactory(factory.django.DjangoModelFactory):
    """A person with an account."""

    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..email"))
    title_en = "Specialist"
    title_vi = "Chuyên viên"


def member(department, role="member", **fields) -> Person:
    """A person whose primary department is ``department``, holding ``role`` there."""
    person = PersonFactory(primary_department=department, **fields)
    Membership.objects.create(person=person, department=department, role=role)
    return person


@dataclass
class World:
    """The standard small company: Marketing (own, with a sub-team) and Sales (other)."""

    own: Department
    team: Department
    other: Department
    admin: Person
    executive: Person
    hr: Person
    head: Person
    coordinator: Person
    member: Person
    peer: Person
    team_member: Person
    other_coordinator: Person
    other_member: Person
    guest: Person

    def person(self, role: str) -> Person:
        """The person who plays a role in the matrix."""
        return getattr(self, role)


def build_world() -> World:
    """Create the standard small company."""
    own = DepartmentFactory(code="MKT", name_en="Marketing", name_vi="Phòng Marketing")
    team = DepartmentFactory(code="MKT-DIG", name_en="Digital", name_vi="Nhóm số", parent=own)
    other = DepartmentFactory(code="SAL", name_en="Sales", name_vi="Phòng Kinh doanh")
    world = World(
        own=own,
        team=team,
        other=other,
        admin=PersonFactory(full_name="Admin", is_admin=True),
        executive=member(other, is_executive=True, full_name="Executive"),
        hr=PersonFactory(full_name="HR", is_hr=True),
        head=member(own, "head", full_name="Head"),
        coordinator=member(own, "coordinator", full_name="Coordinator"),
        member=member(own, full_name="Member"),
        peer=member(own, full_name="Peer"),
        team_member=member(team, full_name="Team member"),
        other_coordinator=member(other, "coordinator", full_name="Other coordinator"),
        other_member=member(other, full_name="Other member"),
        guest=PersonFactory(full_name="Guest"),
    )
    TimeOff.objects.create(
        person=world.peer, start_date="2026-12-01", end_date="2026-12-03", kind="leave"
    )
    return world


def client_for(person: Person) -> Client:
    """A browser session signed in as the person."""
    client = Client()
    client.force_login(person.user)
    return client
