"""A write the service refuses answers 403, changes nothing, and stays on the audit trail as a
denial even though the service's transaction is rolled back."""

import pytest

from deptcoord.audit.models import AuditEntry
from tests.api.test_api import bearer, send


@pytest.fixture
def project(world):
    response = send(
        bearer(world.admin),
        "POST",
        "/api/v1/projects",
        {
            "title_en": "Launch",
            "code": "L1",
            "start": "2026-12-01",
            "end": "2027-01-31",
            "lead_department_id": world.own.pk,
        },
    )
    assert response.status_code == 201
    return response.json()


def denials(person, target_type):
    return AuditEntry.objects.filter(
        action="access.denied", actor_id=person.pk, target_type=target_type
    )


def test_refused_change_is_403_unchanged_and_recorded_once(world, project):
    path = f"/api/v1/projects/{project['id']}"
    response = send(bearer(world.member), "PATCH", path, {"title_en": "Hijacked"})
    assert response.status_code == 403
    assert bearer(world.admin).get(path).json()["title_en"] == "Launch"
    [entry] = denials(world.member, "work.Project")
    assert entry.target_id == str(project["id"]) and entry.changes == {"action": "change"}


def test_refusal_by_the_service_alone_is_recorded(world, project):
    response = send(
        bearer(world.member),
        "POST",
        f"/api/v1/projects/{project['id']}/expenses",
        {"amount": "10", "date": "2026-12-01", "category": "ads", "description": "Posters"},
    )
    assert response.status_code == 403
    assert denials(world.member, "work.Project").count() == 1
    assert (
        bearer(world.admin).get(f"/api/v1/projects/{project['id']}/expenses").json()["count"] == 0
    )
