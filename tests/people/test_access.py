"""Every feedback kind and visibility against every role of the small company, through the
policy, the page and the API alike (the access matrix covers eight roles; this adds the peer,
the team member and the other department's member)."""

import pytest
from django.urls import reverse

from deptcoord.access import Action, can
from deptcoord.org.facts import role_facts_for_person
from deptcoord.people import services
from tests.factories import client_for
from tests.people.helpers import actor

ALL_ROLES = (
    "admin",
    "executive",
    "hr",
    "head",
    "coordinator",
    "member",
    "peer",
    "team_member",
    "other_coordinator",
    "other_member",
    "guest",
)
STAFF = set(ALL_ROLES) - {"guest"}
# (kind, visibility, author) → the roles that read feedback about the member
READERS = {
    ("praise", "public", "peer"): STAFF,
    ("praise", "private", "peer"): {
        "admin",
        "executive",
        "hr",
        "head",
        "coordinator",
        "member",
        "peer",
    },
    ("advice", "private", "coordinator"): {"hr", "head", "coordinator", "member"},
    ("warning", "private", "coordinator"): {"hr", "head", "coordinator", "member"},
    ("warning", "private", "hr"): {"hr", "head", "member"},
}


@pytest.mark.parametrize("case", list(READERS), ids=lambda case: "-".join(case))
def test_feedback_readers_by_role(world, catalogue, case):
    kind, visibility, author = case
    extra = {"level": catalogue.written, "reason": "Late"} if kind == "warning" else {}
    feedback = services.feedback_give(
        actor=actor(world.person(author)),
        subject=world.member,
        kind=kind,
        visibility=visibility,
        body="Text",
        **extra,
    )
    page = reverse("people:feedback_detail", kwargs={"pk": feedback.pk})
    for role in ALL_ROLES:
        person = world.person(role)
        allowed = role in READERS[case]
        assert can(role_facts_for_person(person), Action.VIEW, feedback) == allowed, role
        client = client_for(person)
        assert client.get(page).status_code == (200 if allowed else 404), role
        assert client.get(f"/api/v1/feedback/{feedback.pk}").status_code == (
            200 if allowed else 404
        ), role


def test_only_those_who_run_the_department_and_hr_may_warn(world, catalogue):
    for role in ALL_ROLES:
        client = client_for(world.person(role))
        response = client.post(
            "/api/v1/feedback",
            {
                "subject_id": world.peer.pk,
                "kind": "warning",
                "body": "Late",
                "reason": "Late",
                "level_id": catalogue.written.pk,
            },
            content_type="application/json",
        )
        expected = 201 if role in {"hr", "head", "coordinator"} else 404 if role == "guest" else 403
        assert response.status_code == expected, role
